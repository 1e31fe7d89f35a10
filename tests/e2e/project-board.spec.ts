import { expect, test, type Locator, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// A delivery lead works a demo project's board (built from "Standard onboarding"): adds two
// tasks, drags one to In progress, makes the other wait for it, sees the blocked task refuse
// to start, completes it anyway through the dialog, then ticks a checklist item and comments
// in the task drawer. The tasks are new, so the demo data's own state does not matter.
test.use({ storageState: authFile('DELIVERY') })

const PROJECT = 'Fabrikam Logistics onboarding'
const column = (page: Page, name: string) => page.locator(`[data-testid="board-column"][data-column="${name}"]`)
const card = (scope: Page | Locator, title: string) => scope.getByTestId('task-card').filter({ hasText: title })

/** Drags with the mouse at the card's height (columns stretch to the tallest one, so the target is there too). */
async function dragTo(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded()
  const from = (await source.boundingBox())!
  const to = (await target.boundingBox())!
  const y = Math.min(Math.max(from.y + from.height / 2, to.y + 30), to.y + to.height - 30)
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, y, { steps: 15 })
  await page.mouse.up()
}

test('a delivery lead works the board: drag, a blocked task refuses to start, complete anyway, checklist and comment', async ({ page }) => {
  test.slow()
  const stamp = Date.now()
  const blocker = `E2E sign the DPA ${stamp}`
  const blocked = `E2E configure SSO ${stamp}`

  await page.goto('/acme/projects')
  await page.getByRole('link', { name: PROJECT }).first().click()
  await expect(page.getByTestId('project-board')).toBeVisible()

  // Quick add two tasks at the bottom of To do (the input stays open for the next one).
  const todo = column(page, 'To do')
  await todo.getByRole('button', { name: 'Add task' }).click()
  const input = todo.getByLabel('New task in To do')
  await input.fill(blocker)
  await input.press('Enter')
  await expect(card(todo, blocker)).toBeVisible()
  await input.fill(blocked)
  await input.press('Enter')
  await expect(card(todo, blocked)).toBeVisible()
  await input.press('Escape')

  // Drag the first one to In progress; the move is saved.
  await dragTo(page, card(todo, blocker), column(page, 'In progress'))
  await expect(card(column(page, 'In progress'), blocker)).toBeVisible()
  await expect(page.getByText('Moved to In progress.')).toBeVisible()
  await page.reload()
  await expect(card(column(page, 'In progress'), blocker)).toBeVisible()

  // Make the second wait for the first, in the drawer.
  await card(column(page, 'To do'), blocked).getByRole('link', { name: blocked }).click()
  const drawer = page.getByTestId('task-drawer')
  await expect(drawer.getByRole('heading', { name: blocked })).toBeVisible()
  await expect(page).toHaveURL(/\?task=/)
  await drawer.getByLabel('Add a task this one waits for').selectOption({ label: blocker })
  await drawer.getByRole('button', { name: 'Add', exact: true }).first().click()
  await expect(drawer.getByTestId('blocked-by')).toContainText(blocker)
  await drawer.getByRole('button', { name: 'Close task' }).click()
  await expect(drawer).toBeHidden()
  await expect(card(column(page, 'To do'), blocked).getByTestId('blocked-badge')).toBeVisible()

  // The blocked task refuses to start: the dialog names what it waits for; Cancel puts it back.
  await dragTo(page, card(column(page, 'To do'), blocked), column(page, 'In progress'))
  const start = page.getByRole('dialog', { name: 'Start anyway?' })
  await expect(start).toContainText(`“${blocked}” cannot be started: it waits for “${blocker}”, which is not done yet.`)
  await start.getByRole('button', { name: 'Cancel' }).click()
  await expect(card(column(page, 'To do'), blocked)).toBeVisible()

  // Without dragging (the card's menu), to Done: "Complete anyway?" and it is done.
  // From the keyboard, Escape closes the menu and gives the focus back to its button.
  const actions = page.getByRole('button', { name: `Actions for ${blocked}` })
  await actions.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitemradio', { name: 'Done' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(actions).toBeFocused()
  await actions.click()
  await page.getByRole('menuitemradio', { name: 'Done' }).click()
  const complete = page.getByRole('dialog', { name: 'Complete anyway?' })
  await complete.getByRole('button', { name: 'Complete anyway' }).click()
  await expect(card(column(page, 'Done'), blocked)).toBeVisible()
  await expect(page.getByText('Moved to Done.')).toBeVisible()
  await page.reload()
  await expect(card(column(page, 'Done'), blocked)).toBeVisible()

  // The drawer: tick a checklist item, add a comment; both show on the card.
  await card(column(page, 'Done'), blocked).getByRole('link', { name: blocked }).click()
  await expect(drawer.getByTestId('task-history')).toContainText('although')
  await drawer.getByLabel('New checklist item').fill('Upload the IdP certificate')
  await drawer.getByLabel('New checklist item').press('Enter')
  await drawer.getByRole('checkbox', { name: 'Upload the IdP certificate' }).check()
  await expect(drawer.getByTestId('drawer-checklist-progress')).toHaveText('1/1')
  await drawer.getByLabel('Write a comment').fill('Certificate uploaded, SSO tested with two users.')
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(drawer.getByTestId('comment').filter({ hasText: 'SSO tested with two users' })).toBeVisible()
  await drawer.getByRole('button', { name: 'Close task' }).click()
  await expect(card(column(page, 'Done'), blocked).getByTestId('checklist-progress')).toHaveText('1/1')
})

test('the task drawer opens from a link (?task=) and a sales rep not following the project gets a 404', async ({ page, browser }) => {
  await page.goto('/acme/projects')
  await page.getByRole('link', { name: PROJECT }).first().click()
  const first = page.getByTestId('task-card').first()
  const title = (await first.getByRole('link').textContent())!
  const href = (await first.getByRole('link').getAttribute('href'))!
  await page.goto(`${page.url().split('?')[0]}${href}`)
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: title })).toBeVisible()

  const rep = await browser.newContext({ storageState: authFile('SALES') })
  const repPage = await rep.newPage()
  const response = await repPage.goto(page.url())
  expect(response?.status()).toBe(404)
  await rep.close()
})
