import { expect, test, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// Global search (Ctrl-K palette and the search page) and the CSV import, as a sales rep.
test.use({ storageState: authFile('SALES') })

/** Ctrl-K once the page listens for it (the shortcut works after hydration). */
async function openPalette(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Search the CRM' })
  await expect(page.getByRole('button', { name: /Search…/ })).toBeVisible()
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press('Control+k')
    await expect(dialog).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  return dialog
}

test('Ctrl-K finds a company by a misspelled name and Enter opens it', async ({ page }) => {
  await page.goto('/acme/pipeline')
  const palette = await openPalette(page)
  await palette.getByRole('combobox').fill('nortwind')
  const hit = palette.getByRole('option', { name: /^Northwind Traders/ })
  await expect(hit).toBeVisible()
  await expect(palette.getByRole('group', { name: 'Companies' })).toContainText('Northwind Traders')
  // the best match is selected: Enter opens it
  await expect(hit).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/acme\/companies\/[0-9a-f-]{36}$/, { timeout: 15_000 })
  await expect(palette).toBeHidden()
  // The company page is built separately: assert it only once it exists.
  if ((await page.getByRole('heading', { name: 'Not found' }).count()) === 0) {
    await expect(page.getByRole('heading', { name: 'Northwind Traders' })).toBeVisible()
  }

  // Escape closes the palette; arrows move through the results
  await page.goto('/acme/pipeline')
  const again = await openPalette(page)
  await again.getByRole('combobox').fill('contso')
  await expect(again.getByRole('option', { name: /Contoso Pharma/ }).first()).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(again.getByRole('option', { name: /Contoso Pharma/ }).first()).toHaveAttribute('aria-selected', 'false')
  await page.keyboard.press('Escape')
  await expect(again).toBeHidden()
})

test('the search page lists ranked results of every type, and filters by type in the URL', async ({ page }) => {
  await page.goto('/acme/search?q=contso')
  const results = page.getByTestId('search-result')
  await expect(results.first()).toContainText('Contoso Pharma')
  await expect(results.first()).toContainText('Company')
  await page.getByRole('navigation', { name: 'Result types' }).getByRole('link', { name: 'Deals' }).click()
  await expect(page).toHaveURL(/type=deal/)
  await expect(results.first()).toContainText('Deal')
  for (const row of await results.all()) await expect(row).toContainText('Deal')
  await page.getByLabel('Search', { exact: true }).fill('zzqx nothing like it')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('Nothing matches “zzqx nothing like it”.')).toBeVisible()
})

test('imports a 1,000-row contacts CSV and reports its three bad rows by row number', async ({ page }) => {
  test.setTimeout(90_000)
  const tag = Date.now()
  // rows as a spreadsheet numbers them: the header is row 1, data row i is row i + 2
  const bad = new Map<number, string>([
    [10, 'Bad,Email,not-an-email,Northwind Traders,Buyer'], // row 12
    [500, `,,nobody-${tag}@example.test,,Buyer`], // row 502
    [900, `Ghost,Company,ghost-${tag}@example.test,Umbrella Corp,CTO`], // row 902
  ])
  const lines = ['First name,Last name,E-mail,Company name,Job title']
  for (let i = 0; i < 1000; i++) lines.push(bad.get(i) ?? `Person${i},Import${tag},p${tag}-${i}@example.test,${i % 2 ? 'Northwind Traders' : 'contoso.example'},Buyer`)

  await page.goto('/acme/settings')
  await page.getByRole('link', { name: /Import companies, contacts or deals from CSV/ }).click()
  await expect(page).toHaveURL(/\/acme\/import$/)
  await page.getByLabel('Contacts').check()
  await page.getByLabel('CSV file').setInputFiles({ name: `people-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) })

  // columns guessed from the headers
  const mapping = page.getByTestId('column-mapping')
  await expect(mapping.getByLabel('Email', { exact: true })).toHaveValue('2')
  await expect(mapping.getByLabel('Company', { exact: true })).toHaveValue('3')
  await expect(mapping.getByLabel('Full name', { exact: true })).toHaveValue('')
  // the first rows are checked before anything is written
  await expect(page.getByTestId('preview-row')).toHaveCount(10)
  await expect(page.locator('[data-testid="preview-row"][data-outcome="create"]')).toHaveCount(10)

  await page.getByRole('button', { name: 'Import contacts' }).click()
  const progress = page.getByRole('progressbar', { name: 'Import progress' })
  await expect(page.getByTestId('import-progress-label')).toHaveText('Import finished: 1,000 of 1,000 rows', { timeout: 60_000 })
  await expect(progress).toHaveAttribute('aria-valuenow', '100')
  await expect(page.getByTestId('import-count-created')).toHaveText('997')
  await expect(page.getByTestId('import-count-errors')).toHaveText('3')
  await expect(page.getByTestId('import-error')).toHaveText([
    /Row 12\s*“not-an-email” is not an email address/,
    /Row 502\s*The name is empty/,
    /Row 902\s*Company “Umbrella Corp” not found/,
  ])

  // the good rows are in the CRM: search finds one
  const palette = await openPalette(page)
  await palette.getByRole('combobox').fill(`p${tag}-42@example.test`)
  await expect(palette.getByRole('option', { name: new RegExp(`Person42 Import${tag}`) })).toBeVisible()
})

test.describe('delivery', () => {
  test.use({ storageState: authFile('DELIVERY') })
  test('can search but cannot import', async ({ page }) => {
    const response = await page.goto('/acme/import')
    expect(response?.status()).toBe(403)
    await page.goto('/acme/search?q=northwind')
    await expect(page.getByTestId('search-result').first()).toContainText('Northwind Traders')
  })
})
