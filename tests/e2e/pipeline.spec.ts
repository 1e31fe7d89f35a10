import { expect, test, type Page } from '@playwright/test'
import { card, column, dragTo } from './deal-board'
import { authFile } from './fixtures'

// A sales rep's board: "mine" by default, create a deal, drag it across stages
// (mouse and keyboard), lose one with a reason, and see the column totals follow.
test.use({ storageState: authFile('SALES') })

test('a sales rep creates a deal, drags it through stages, and loses another with a reason', async ({ page }) => {
  test.slow()
  const title = `E2E rollout ${Date.now()}`
  await page.goto('/acme/pipeline')
  await expect(page.getByLabel('Owner')).toHaveValue('mine')

  await page.getByRole('button', { name: 'New deal' }).click()
  const dialog = page.getByRole('dialog', { name: 'New deal' })
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel('Amount (EUR)').fill('12,5x')
  await dialog.getByRole('button', { name: 'Create deal' }).click()
  await expect(dialog.getByText('Enter an amount like 1,234.56.')).toBeVisible()
  await expect(dialog.getByLabel('Title')).toHaveValue(title)
  await dialog.getByLabel('Amount (EUR)').fill('12,500.00')
  await dialog.getByRole('button', { name: 'Create deal' }).click()
  await expect(dialog).toBeHidden()

  const leadIn = column(page, 'Lead in')
  await expect(card(leadIn, title)).toContainText('€12,500.00')
  const proposalCount = Number((await column(page, 'Proposal').getByTestId('column-count').textContent())!.split(' ')[0])

  await dragTo(page, card(leadIn, title), column(page, 'Proposal'))
  await expect(card(column(page, 'Proposal'), title)).toBeVisible()
  await expect(page.getByText('Moved to Proposal.')).toBeVisible()
  await expect(column(page, 'Proposal').getByTestId('column-count')).toHaveText(`${proposalCount + 1} deals`)

  // The move was saved: a reload shows the deal where it was dropped.
  await page.reload()
  await expect(card(column(page, 'Proposal'), title)).toBeVisible()

  // Without dragging (keyboard only): the card's "Move to" menu.
  await page.getByRole('button', { name: `Move ${title} to stage` }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitemradio', { name: 'Proposal' })).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('Escape')
  // closing the menu gives the focus back to its button, so the keyboard user can go on
  const moveButton = page.getByRole('button', { name: `Move ${title} to stage` })
  await expect(moveButton).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.type('Neg')
  await page.keyboard.press('Enter')
  await expect(card(column(page, 'Negotiation'), title)).toBeVisible()
  await expect(page.getByText('Moved to Negotiation.')).toBeVisible()
  // the card is drawn again in its new column; the focus follows it
  await expect(moveButton).toBeFocused()
  await page.reload()
  await expect(card(column(page, 'Negotiation'), title)).toBeVisible()

  // Dropping on Lost asks why; cancelling puts the card back.
  await dragTo(page, card(column(page, 'Negotiation'), title), column(page, 'Lost'))
  const lost = page.getByRole('dialog', { name: 'Mark the deal as lost' })
  await lost.getByRole('button', { name: 'Cancel' }).click()
  await expect(card(column(page, 'Negotiation'), title)).toBeVisible()

  // The "Move to" menu asks for the reason too.
  await page.getByRole('button', { name: `Move ${title} to stage` }).click()
  await page.getByRole('menuitemradio', { name: 'Lost' }).click()
  await lost.getByRole('button', { name: 'Mark as lost' }).click()
  await expect(lost.getByText('Choose why the deal was lost.')).toBeVisible()
  await lost.getByLabel('Lost reason').selectOption({ label: 'Price' })
  await lost.getByLabel('Note (optional)').fill('Budget moved to next year')
  await lost.getByRole('button', { name: 'Mark as lost' }).click()
  await expect(card(column(page, 'Lost'), title)).toBeVisible()
  await page.reload()
  await expect(card(column(page, 'Lost'), title)).toBeVisible()
})

/** The deals the board's columns count (over all of them, not only the cards loaded). */
const boardTotal = async (page: Page) => (await page.getByTestId('column-count').allTextContents()).reduce((sum, text) => sum + parseInt(text, 10), 0)

test('filters live in the URL and the totals follow them', async ({ page }) => {
  await page.goto('/acme/pipeline?owner=all')
  await expect(page.getByLabel('Owner')).toHaveValue('all')
  const everyone = await boardTotal(page)
  expect(everyone).toBeGreaterThan(0)
  await page.getByLabel('Owner').selectOption('mine')
  await expect(page).toHaveURL(/owner=mine/)
  await expect.poll(() => boardTotal(page)).toBeLessThan(everyone)
  await page.getByLabel('Type').selectOption('RENEWAL')
  await expect(page).toHaveURL(/type=RENEWAL/)
  for (const c of await page.getByTestId('deal-card').all()) await expect(c).toBeVisible()
})

test.describe('delivery', () => {
  test.use({ storageState: authFile('DELIVERY') })
  test('reads the board but cannot create or move deals', async ({ page }) => {
    await page.goto('/acme/pipeline')
    await expect(page.getByTestId('deal-card').first()).toBeVisible()
    await expect(page.getByRole('button', { name: 'New deal' })).toHaveCount(0)
    await expect(page.locator('[aria-roledescription="draggable deal"]')).toHaveCount(0)
  })
})
