import { expect, test, type Locator, type Page } from '@playwright/test'
import { ACCOUNTS, authFile } from './fixtures'

// My work: a delivery lead's project tasks grouped by when they are due, ticked off (and
// undone) in place, and opened on their project's board. Demo data: the demo projects
// (prisma/seed/demo-projects.ts) give Dev Delivery tasks, some overdue.

const SECTION_ORDER = ['Overdue', 'Today', 'This week', 'Later', 'No due date']

/** Items in the open sections (not "Done today"). */
const openItems = (page: Page) => page.locator('section[data-testid^="my-work-"]:not([data-testid="my-work-done"]) [data-testid="my-work-item"]')
const byId = (scope: Page | Locator, id: string) => scope.locator(`[data-testid="my-work-item"][data-item-id="${id}"]`)

test.describe('delivery lead', () => {
  test.use({ storageState: authFile('DELIVERY') })

  test('sees their tasks grouped by due date, completes one, undoes it, and opens a task on the board', async ({ page }) => {
    test.slow()
    await page.goto('/acme/my-work')
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible()
    const projectTasks = openItems(page).and(page.locator('[data-source="project"]'))
    await expect(projectTasks.first()).toBeVisible()

    // Sections come in a fixed order, each with its count.
    const sections = page.locator('section[data-testid^="my-work-"]:not([data-testid="my-work-done"])')
    const titles = (await sections.locator('h2').allTextContents()).map((t) => t.replace(/\d+$/, '').trim())
    expect(titles.length).toBeGreaterThan(0)
    expect(titles).toEqual(SECTION_ORDER.filter((s) => titles.includes(s)))
    for (const section of await sections.all()) {
      const count = Number(await section.locator('h2 span').last().textContent())
      // A section shows its first 25 and a "Show all" button for the rest.
      await expect(section.getByTestId('my-work-item')).toHaveCount(Math.min(count, 25))
    }

    // Tick a task that is not waiting on a blocker: it moves to "Done today".
    const item = projectTasks.filter({ hasNot: page.getByText('Blocked', { exact: true }) }).first()
    const id = (await item.getAttribute('data-item-id'))!
    const title = (await item.getByRole('link').textContent())!.trim()
    await item.getByRole('checkbox', { name: `Mark “${title}” as done` }).check()
    await expect(page.getByText(`“${title}” is done.`)).toBeVisible()
    const done = page.getByTestId('my-work-done')
    await expect(byId(done, id)).toBeVisible()
    await expect(byId(done, id).getByRole('checkbox')).toBeChecked()
    await expect(openItems(page).and(page.locator(`[data-item-id="${id}"]`))).toHaveCount(0)
    await page.reload()
    await expect(byId(page.getByTestId('my-work-done'), id)).toBeVisible()

    // A mis-click is undone from "Done today": the task is open again.
    await byId(page.getByTestId('my-work-done'), id).getByRole('checkbox').uncheck()
    await expect(page.getByText(`“${title}” is open again.`)).toBeVisible()
    await expect(openItems(page).and(page.locator(`[data-item-id="${id}"]`))).toBeVisible()
    await expect(byId(page, id).getByRole('checkbox')).not.toBeChecked()

    // A project task opens on its board, in the task drawer.
    const link = byId(page, id).getByRole('link', { name: title })
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(new RegExp(`^/acme/projects/[0-9a-f-]{36}\\?task=${id}$`))
    await link.click()
    await expect(page).toHaveURL(new RegExp(`/acme/projects/[0-9a-f-]{36}\\?task=${id}$`))
    await expect(page.getByTestId('task-fields')).toBeVisible()
  })
})

test.describe('manager', () => {
  test.use({ storageState: authFile('MANAGER') })

  test('looks at a delivery lead’s work through the person picker', async ({ page }) => {
    await page.goto('/acme/my-work')
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible()
    await page.getByLabel('Showing').selectOption({ label: ACCOUNTS.DELIVERY.name })
    await expect(page).toHaveURL(/\/acme\/my-work\?person=[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { level: 1, name: `${ACCOUNTS.DELIVERY.name}’s work` })).toBeVisible()
    await expect(page.getByTestId('my-work-summary')).toContainText(`${ACCOUNTS.DELIVERY.name} has`)
    await expect(page.locator('[data-testid="my-work-item"][data-source="project"]').first()).toBeVisible()
  })
})

test.describe('sales rep', () => {
  test.use({ storageState: authFile('SALES') })

  test('sees their own list and may not look at someone else’s', async ({ page, browser }) => {
    // The person id comes from the manager's picker (a rep has no picker).
    const managerContext = await browser.newContext({ storageState: authFile('MANAGER') })
    const managerPage = await managerContext.newPage()
    await managerPage.goto('/acme/my-work')
    const deliveryId = await managerPage.getByLabel('Showing').locator('option', { hasText: ACCOUNTS.DELIVERY.name }).getAttribute('value')
    await managerContext.close()

    await page.goto('/acme/my-work')
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible()
    await expect(page.getByLabel('Showing')).toHaveCount(0)
    const response = await page.goto(`/acme/my-work?person=${deliveryId}`)
    expect(response?.status()).toBe(403)
  })
})
