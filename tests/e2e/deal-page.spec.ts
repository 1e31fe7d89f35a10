import { expect, test, type Browser, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// A sales rep's deal page: open a deal from the board, price it with two line items, put a
// contact on it with a role, fix a bad close date inline, log a call and a follow-up task,
// and read it all back in the timeline. Another organization's deal is a 404.
test.use({ storageState: authFile('SALES') })

const timeline = (page: Page) => page.getByTestId('timeline')

async function createDealOnBoard(page: Page, org: string, title: string, amount: string) {
  await page.goto(`/${org}/pipeline`)
  const dialog = page.getByRole('dialog', { name: 'New deal' })
  // Until the board has hydrated, the button does nothing yet: click until the dialog opens.
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'New deal' }).click()
    await expect(dialog).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel(/^Amount/).fill(amount)
  await dialog.getByRole('button', { name: 'Create deal' }).click()
  await expect(dialog).toBeHidden()
  return page.getByTestId('deal-card').filter({ hasText: title })
}

test('a sales rep prices a deal, adds a contact, edits it inline and logs a call and a task', async ({ page }) => {
  test.slow() // many saves in one story
  const title = `E2E deal page ${Date.now()}`
  const card = await createDealOnBoard(page, 'acme', title, '5,000.00')
  await card.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(/\/acme\/deals\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await expect(page.getByTestId('deal-amount')).toHaveText('€5,000.00')

  // Two line items: the unit price comes from the product, the amount becomes their sum.
  const lineForm = page.getByRole('form', { name: 'Add a line item' })
  await lineForm.getByLabel('Product').selectOption({ label: 'Onboarding Pro (ONB-PRO) · €12,000.00' })
  await expect(lineForm.getByLabel('Unit price (EUR)')).toHaveValue('12000.00')
  await lineForm.getByLabel('Quantity').fill('2')
  await lineForm.getByLabel('Discount %').fill('10')
  await lineForm.getByRole('button', { name: 'Add line' }).click()
  await expect(page.getByTestId('deal-amount')).toHaveText('€21,600.00')
  await lineForm.getByLabel('Product').selectOption({ label: 'Implementation day (IMPL-DAY) · €1,200.00' })
  await lineForm.getByLabel('Quantity').fill('3')
  await lineForm.getByRole('button', { name: 'Add line' }).click()
  await expect(page.getByTestId('line-item')).toHaveCount(2)
  await expect(page.getByTestId('deal-amount')).toHaveText('€25,200.00')
  await expect(page.getByTestId('field-amount')).toContainText('sum of line items')
  await expect(page.getByRole('button', { name: 'Edit amount (eur)' })).toHaveCount(0)

  // A contact found by searching, with a role; their email and phone show on the deal.
  const picker = page.getByRole('combobox', { name: 'Add a contact' })
  await picker.fill('northwind')
  const option = page.getByRole('listbox', { name: 'Matching contacts' }).getByRole('option').first()
  await expect(option).toBeVisible()
  const contactName = (await option.locator('span.font-medium').textContent())!.trim()
  await option.click()
  const contactForm = page.getByRole('form', { name: 'Add a contact to the deal' })
  await contactForm.getByLabel('Role').selectOption('CHAMPION')
  await contactForm.getByRole('button', { name: 'Add contact' }).click()
  const onDeal = page.getByTestId('deal-contact').filter({ hasText: contactName })
  await expect(onDeal).toBeVisible()
  await expect(onDeal.getByRole('link', { name: /@northwind\.example$/ })).toBeVisible()
  await expect(onDeal.getByLabel(`Role of ${contactName}`)).toHaveValue('CHAMPION')

  // Inline edit: a bad date is refused next to the field; Enter saves a good one.
  await page.getByRole('button', { name: 'Edit expected close' }).click()
  const close = page.getByLabel('Expected close')
  await close.fill('2030-02-30')
  await close.press('Enter')
  await expect(page.getByTestId('field-close').getByRole('alert')).toHaveText('Enter a date like 2026-12-31.')
  await expect(close).toHaveAttribute('aria-invalid', 'true')
  await close.fill('2030-06-15')
  await close.press('Enter')
  await expect(page.getByTestId('field-close')).toContainText('Jun 15, 2030')
  // Escape cancels an edit.
  await page.getByRole('button', { name: 'Edit expected close' }).click()
  await page.getByLabel('Expected close').fill('2031-01-01')
  await page.getByLabel('Expected close').press('Escape')
  await expect(page.getByTestId('field-close')).toContainText('Jun 15, 2030')

  // Log a call, then a follow-up task: a missing title is reported next to it.
  const composer = page.getByTestId('activity-composer')
  await composer.getByRole('tab', { name: 'Call' }).click()
  await composer.getByRole('textbox', { name: 'Call notes' }).fill('Walked through the rollout plan; they want a pilot first.')
  await composer.getByRole('button', { name: 'Log call' }).click()
  await expect(timeline(page).getByText('Walked through the rollout plan; they want a pilot first.')).toBeVisible()

  await composer.getByRole('tab', { name: 'Task' }).click()
  await composer.getByLabel('Due date', { exact: true }).fill('2030-01-10')
  await composer.getByRole('button', { name: 'Add task' }).click()
  await expect(composer.getByText('Give the task a title.')).toBeVisible()
  await composer.getByRole('textbox', { name: 'Task', exact: true }).fill('Send the pilot proposal')
  await composer.getByLabel('Due date', { exact: true }).fill('2030-01-10')
  await composer.getByRole('button', { name: 'Add task' }).click()
  const task = timeline(page).getByTestId('timeline-item').filter({ hasText: 'Send the pilot proposal' })
  await expect(task).toContainText('Due Jan 10, 2030')
  await expect(task).toContainText('Assigned to Sam Sales')

  // The timeline, newest first: the task, the call, … and the amount changes from the lines.
  const items = timeline(page).getByTestId('timeline-item')
  await expect(items.nth(0)).toContainText('Send the pilot proposal')
  await expect(items.nth(1)).toContainText('logged a call')
  await expect(timeline(page)).toContainText('changed the expected close')
  await expect(timeline(page).getByTestId('change-line').filter({ hasText: 'Amount: €5,000.00 → €21,600.00' })).toBeVisible()
  await expect(timeline(page).getByTestId('change-line').filter({ hasText: 'Amount: €21,600.00 → €25,200.00' })).toBeVisible()
  await expect(timeline(page).getByTestId('timeline-item').filter({ hasText: 'added a contact' })).toContainText('Champion')

  // Ticking the task done survives a reload.
  await task.getByRole('checkbox', { name: 'Mark “Send the pilot proposal” as done' }).check()
  await expect(page.getByText('Task done.')).toBeVisible()
  await page.reload()
  await expect(timeline(page).getByTestId('timeline-item').filter({ hasText: 'Send the pilot proposal' }).getByRole('checkbox')).toBeChecked()
  await expect(page.getByTestId('deal-amount')).toHaveText('€25,200.00')
})

test('the stage selector moves the deal, and choosing Lost asks why', async ({ page }) => {
  const title = `E2E stages ${Date.now()}`
  const card = await createDealOnBoard(page, 'acme', title, '800')
  await card.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { name: title })).toBeVisible()

  await page.getByLabel('Stage').selectOption({ label: 'Proposal (50 %)' })
  await expect(page.getByText('Moved to Proposal.')).toBeVisible()
  await expect(page.getByTestId('field-probability')).toContainText('50 %')
  await expect(page.getByTestId('change-line').filter({ hasText: 'Stage: Lead in → Proposal' })).toBeVisible()

  // Lost needs a reason; cancelling leaves the deal where it was.
  await page.getByLabel('Stage').selectOption({ label: 'Lost' })
  const lost = page.getByRole('dialog', { name: 'Mark the deal as lost' })
  await lost.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByLabel('Stage')).toHaveValue(await page.getByLabel('Stage').locator('option', { hasText: 'Proposal' }).getAttribute('value') as string)
  await page.getByLabel('Stage').selectOption({ label: 'Lost' })
  await lost.getByLabel('Lost reason').selectOption({ label: 'Price' })
  await lost.getByRole('button', { name: 'Mark as lost' }).click()
  await expect(page.getByTestId('deal-status')).toHaveText('Lost')
  await expect(page.getByTestId('timeline-item').filter({ hasText: 'marked the deal as lost' })).toContainText('Lost reason: Price')
  // A closed deal's probability follows its stage.
  await expect(page.getByRole('button', { name: 'Edit probability (%)' })).toHaveCount(0)
})

async function globexDealId(browser: Browser) {
  const context = await browser.newContext({ storageState: authFile('GLOBEX_ADMIN') })
  const page = await context.newPage()
  const title = `Globex secret ${Date.now()}`
  const card = await createDealOnBoard(page, 'globex', title, '100')
  const href = await card.getByRole('link', { name: title }).getAttribute('href')
  await context.close()
  return href!.split('/').at(-1)!
}

test('another organization’s deal is a 404, under either organization', async ({ page, browser }) => {
  const id = await globexDealId(browser)
  for (const path of [`/acme/deals/${id}`, `/globex/deals/${id}`, '/acme/deals/not-a-deal']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
    await expect(page.getByText('Globex secret')).toHaveCount(0)
  }
})
