import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// A sales rep's accounts: create a company and a contact from their lists, edit fields in
// place (with the duplicate-domain error next to the field), delete and restore, find a
// record in the trash, export a filtered list as CSV. Another organization's company is a 404.
test.use({ storageState: authFile('SALES') })

/** Opens a dialog from its trigger; until the page has hydrated a click may do nothing yet. */
async function openDialog(page: Page, button: string, title: string) {
  const dialog = page.getByRole('dialog', { name: title })
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: button }).click()
    await expect(dialog).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  return dialog
}

/** Clicks a field's value to edit it, types, and presses a key. */
async function editField(page: Page, field: Locator, label: string, value: string, key = 'Enter') {
  await field.getByRole('button', { name: `Edit ${label.toLowerCase()}` }).click()
  const input = field.getByLabel(label)
  await input.fill(value)
  await input.press(key)
  return input
}

test('a sales rep creates a company and a contact, edits them in place, deletes and restores, and exports', async ({ page }) => {
  const stamp = Date.now()
  const name = `E2E Accounts ${stamp}`
  const domain = `e2e-${stamp}.example`

  // New company, from the companies list; a bad domain is refused next to its field first.
  await page.goto('/acme/companies')
  let dialog = await openDialog(page, 'New company', 'New company')
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Domain').fill('not a domain')
  await dialog.getByRole('button', { name: 'Create company' }).click()
  await expect(dialog.getByText('Enter a domain like example.com.')).toBeVisible()
  await expect(dialog.getByLabel('Name')).toHaveValue(name)
  await dialog.getByLabel('Domain').fill(`https://www.${domain}/about`)
  await dialog.getByLabel('Country').fill('de')
  await dialog.getByRole('button', { name: 'Create company' }).click()
  await expect(page).toHaveURL(/\/acme\/companies\/[0-9a-f-]{36}$/)
  const companyUrl = page.url()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  const domainField = page.getByTestId('field-domain')
  await expect(domainField).toContainText(domain)
  await expect(page.getByTestId('field-country')).toContainText('Germany (DE)')
  await expect(page.getByTestId('field-owner')).toContainText('Sam Sales')

  // Inline editing: Enter saves, and the change survives a reload.
  const industry = page.getByTestId('field-industry')
  await editField(page, industry, 'Industry', 'Robotics')
  await expect(industry.getByRole('button', { name: 'Edit industry' })).toContainText('Robotics')
  await page.reload()
  await expect(page.getByTestId('field-industry')).toContainText('Robotics')

  // Another company's domain: the error sits next to the field; Escape gives the old value back.
  const input = await editField(page, domainField, 'Domain', 'Northwind.example')
  await expect(domainField.getByRole('alert')).toHaveText('northwind.example already belongs to “Northwind Traders”.')
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  await input.press('Escape')
  await expect(domainField.getByRole('button', { name: 'Edit domain' })).toContainText(domain)

  // A contact at the new company, from the contacts list.
  await page.goto('/acme/contacts')
  dialog = await openDialog(page, 'New contact', 'New contact')
  await dialog.getByLabel('First name').fill('Erika')
  await dialog.getByLabel('Last name').fill(`Tester ${stamp}`)
  await dialog.getByLabel('Email').fill(`erika.${stamp}@${domain}`)
  // The company is found by typing (any of them, however many the organization has).
  await dialog.getByRole('combobox', { name: 'Company' }).fill(name)
  await dialog.getByRole('option', { name }).click()
  await dialog.getByRole('button', { name: 'Create contact' }).click()
  await expect(page).toHaveURL(/\/acme\/contacts\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: `Erika Tester ${stamp}` })).toBeVisible()
  await expect(page.getByTestId('field-company')).toContainText(name)
  // Moved to another company inline, found despite a typo; a reload shows it saved.
  await page.getByTestId('field-company').getByRole('button', { name: 'Edit company' }).click()
  await page.getByTestId('field-company').getByRole('combobox', { name: 'Company' }).fill('nortwind')
  await page.getByRole('option', { name: 'Northwind Traders' }).click()
  await expect(page.getByTestId('field-company')).toContainText('Northwind Traders')
  await page.reload()
  await expect(page.getByTestId('field-company')).toContainText('Northwind Traders')
  await page.getByTestId('field-company').getByRole('button', { name: 'Edit company' }).click()
  await page.getByTestId('field-company').getByRole('combobox', { name: 'Company' }).fill(name)
  await page.getByRole('option', { name }).click()
  await expect(page.getByTestId('field-company')).toContainText(name)
  const jobTitle = page.getByTestId('field-job-title')
  await editField(page, jobTitle, 'Job title', 'Head of Testing')
  await expect(jobTitle.getByRole('button', { name: 'Edit job title' })).toContainText('Head of Testing')

  // The company page lists its new contact.
  await page.goto(companyUrl)
  await expect(page.getByTestId('company-contacts')).toContainText(`Erika Tester ${stamp}`)

  // Delete with a confirmation: the company leaves the list and waits in the trash.
  dialog = await openDialog(page, 'Delete', 'Delete this company?')
  await dialog.getByRole('button', { name: 'Delete company' }).click()
  await expect(page.getByTestId('trash-banner')).toBeVisible()
  await page.goto(`/acme/companies?q=${stamp}`)
  await expect(page.getByTestId('list-row')).toHaveCount(0)
  await page.getByRole('button', { name: 'Trash' }).click()
  await expect(page).toHaveURL(/trash=1/)
  await page.getByRole('link', { name }).click()
  await page.getByTestId('trash-banner').getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByTestId('trash-banner')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Delete' })).toBeVisible()

  // Export the filtered list: exactly the matching rows, with the visible columns.
  await page.goto(`/acme/companies?q=${stamp}`)
  await expect(page.getByTestId('list-row')).toHaveCount(1)
  await expect(page.getByTestId('list-range')).toHaveText('Rows 1–1 of 1')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^acme-companies-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '')
  const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data
  expect(rows).toEqual([
    ['Name', 'Domain', 'Industry', 'Country', 'Owner', 'Contacts', 'Open deals'],
    [name, domain, 'Robotics', 'DE', 'Sam Sales', '1', '0'],
  ])
})

test('the list keeps its view in the URL: sort, filters, columns and pages', async ({ page }) => {
  await page.goto('/acme/contacts')
  await page.getByRole('link', { name: 'Name', exact: true }).click()
  await expect(page).toHaveURL(/sort=name&dir=desc/)
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
  await page.getByLabel('Owner').selectOption('mine')
  await expect(page).toHaveURL(/owner=mine/)
  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('checkbox', { name: 'Phone' }).check()
  await expect(page).toHaveURL(/cols=/)
  await expect(page.getByRole('columnheader', { name: 'Phone' })).toBeVisible()
  // The same URL in a fresh page shows the same view.
  await page.reload()
  await expect(page.getByLabel('Owner')).toHaveValue('mine')
  await expect(page.getByRole('columnheader', { name: 'Phone' })).toBeVisible()

  // The demo deals in pages of 25: next, then back.
  await page.goto('/acme/deals?size=25')
  const range = page.getByTestId('list-range')
  await expect(range).toHaveText(/^Rows 1–25 of \d+$/)
  const total = Number((await range.textContent())!.split(' of ')[1])
  expect(total).toBeGreaterThan(25)
  await page.getByRole('link', { name: 'Next page' }).click()
  await expect(range).toHaveText(`Rows 26–${Math.min(total, 50)} of ${total}`)
  await expect(page.getByTestId('list-row')).toHaveCount(Math.min(total, 50) - 25)
  await page.getByRole('link', { name: 'Previous page' }).click()
  await expect(range).toHaveText(`Rows 1–25 of ${total}`)
})

test('bulk actions ask for confirmation and a lost reason', async ({ page }) => {
  const stamp = Date.now()
  await page.goto('/acme/companies')
  const dialog = await openDialog(page, 'New company', 'New company')
  await dialog.getByLabel('Name').fill(`E2E Bulk ${stamp}`)
  await dialog.getByRole('button', { name: 'Create company' }).click()
  await expect(page).toHaveURL(/\/acme\/companies\/[0-9a-f-]{36}$/)

  await page.goto(`/acme/companies?q=E2E Bulk ${stamp}`)
  await page.getByRole('checkbox', { name: `Select E2E Bulk ${stamp}` }).check()
  await expect(page.getByTestId('selected-count')).toHaveText('1 company selected')
  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete 1 company?' })
  await confirm.getByRole('button', { name: 'Delete 1 company' }).click()
  await expect(page.getByText('1 company moved to the trash.')).toBeVisible()
  await expect(page.getByTestId('list-row')).toHaveCount(0)

  // Deals: moving to Lost needs a reason in the dialog.
  await page.goto('/acme/deals?owner=mine&status=OPEN')
  await page.getByLabel('Pipeline').selectOption({ label: 'New business' })
  await expect(page).toHaveURL(/pipeline=/)
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).check()
  await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Move stage' }).click()
  const move = page.getByRole('dialog', { name: /^Move \d+ deals? to a stage$/ })
  await move.getByLabel('Stage').selectOption({ label: 'Lost' })
  await move.getByRole('button', { name: 'Mark as lost' }).click()
  await expect(move.getByText('Choose why the deals were lost.')).toBeVisible()
  await move.getByRole('button', { name: 'Cancel' }).click()
  await expect(move).toBeHidden()
})

async function globexCompanyId(browser: Browser) {
  const context = await browser.newContext({ storageState: authFile('GLOBEX_ADMIN') })
  const page = await context.newPage()
  await page.goto('/globex/companies')
  const dialog = await openDialog(page, 'New company', 'New company')
  await dialog.getByLabel('Name').fill(`Globex secret ${Date.now()}`)
  await dialog.getByRole('button', { name: 'Create company' }).click()
  await expect(page).toHaveURL(/\/globex\/companies\/[0-9a-f-]{36}$/)
  const id = page.url().split('/').at(-1)!
  // Globex's own export answers; Acme's is a 404 for a Globex admin.
  expect((await context.request.get('/globex/companies/export')).status()).toBe(200)
  expect((await context.request.get('/acme/companies/export')).status()).toBe(404)
  await context.close()
  return id
}

test('another organization’s company is a 404, under either organization', async ({ page, browser }) => {
  const id = await globexCompanyId(browser)
  for (const path of [`/acme/companies/${id}`, `/globex/companies/${id}`, '/acme/companies/not-a-company', `/acme/contacts/${id}`]) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
    await expect(page.getByText('Globex secret')).toHaveCount(0)
  }
})
