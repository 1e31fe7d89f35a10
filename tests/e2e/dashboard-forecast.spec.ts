import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, authFile } from './fixtures'

// The sales forecast on the demo data: a manager sees the charts, changes the date range and the
// owner filter (the URL and the figures change), switches a card to its table, downloads a CSV
// and clicks a figure through to the deals behind it. SALES see their own deals only; DELIVERY
// get a 403. Demo numbers are not asserted, only structure and that filters act.

const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })

test.describe('sales forecast as a manager', () => {
  test.use({ storageState: authFile('MANAGER') })

  test('charts, filters in the URL, table view, CSV and click-through', async ({ page }) => {
    await page.goto('/acme/dashboards/forecast')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible()
    for (const title of ['Forecast by expected close month', 'Open pipeline by stage', 'By owner', 'Win rate and sales cycle by month', 'Lost reasons', 'Pipeline movement', 'Deals that slipped']) {
      await expect(card(page, title)).toBeVisible()
    }
    await expect(card(page, 'Forecast by expected close month').locator('.recharts-surface').first()).toBeVisible()

    // the default range: this month and the next five, one row each
    const months = card(page, 'Forecast by expected close month').locator('table tbody tr')
    await expect(months).toHaveCount(6)
    const to = await page.getByLabel('To', { exact: true }).inputValue()
    await page.getByLabel('From', { exact: true }).fill(to)
    await expect(page).toHaveURL(new RegExp(`from=${to}`))
    await expect(months).toHaveCount(1)

    // a preset range reaching back: one win-rate row per past month
    await page.getByRole('link', { name: 'Last 12 months' }).click()
    await expect(page).toHaveURL(/from=\d{4}-\d{2}&to=\d{4}-\d{2}/)
    await expect(card(page, 'Win rate and sales cycle by month').locator('table tbody tr')).toHaveCount(12)

    // the owner filter: only that person is left in the by-owner card
    const owners = card(page, 'By owner').locator('table tbody tr')
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: ACCOUNTS.SALES.name })
    await expect(page).toHaveURL(/owner=[0-9a-f-]{36}/)
    await expect(async () => {
      const rows = await owners.allInnerTexts()
      expect(rows.length).toBe(1)
      expect(rows[0]).toMatch(new RegExp(`${ACCOUNTS.SALES.name}|No data`))
    }).toPass()
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Everyone' })
    await expect(page).not.toHaveURL(/owner=/)

    // a card as its table
    const movement = card(page, 'Pipeline movement')
    await movement.getByRole('group', { name: 'Pipeline movement: view' }).getByRole('button', { name: 'Table' }).click()
    await expect(movement.getByRole('table')).toBeVisible()
    await expect(movement.getByRole('columnheader', { name: 'Advanced' })).toBeVisible()

    // the CSV of the same numbers
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Forecast by expected close month as CSV' }).click()])
    expect(download.suggestedFilename()).toBe('forecast-by-category.csv')

    // every slipped deal links to its deal
    for (const href of await card(page, 'Deals that slipped').locator('table a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/acme\/deals\/[0-9a-f-]{36}$/)
    }

    // click through: the won deals of the range in the deals list, filtered by close month
    await page.getByRole('link', { name: /Won in range/ }).click()
    await expect(page).toHaveURL(/\/acme\/deals\?.*status=WON.*closedFrom=\d{4}-\d{2}.*closedTo=\d{4}-\d{2}/)
    await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
    await expect(page.getByLabel('Closed from')).toHaveValue(/\d{4}-\d{2}/)
  })
})

test.describe('sales forecast: who may open it', () => {
  test.describe('SALES', () => {
    test.use({ storageState: authFile('SALES') })
    test('sees their own deals only, without an owner choice', async ({ page }) => {
      const response = await page.goto('/acme/dashboards/forecast')
      expect(response?.status()).toBe(200)
      await expect(page.getByText('Your deals only')).toBeVisible()
      await expect(page.getByLabel('Owner', { exact: true })).toHaveCount(0)
      await expect(card(page, 'Forecast by expected close month')).toBeVisible()
    })
  })

  test.describe('DELIVERY', () => {
    test.use({ storageState: authFile('DELIVERY') })
    test('gets a 403', async ({ page }) => {
      const response = await page.goto('/acme/dashboards/forecast')
      expect(response?.status()).toBe(403)
    })
  })
})
