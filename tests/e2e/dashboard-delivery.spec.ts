import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, authFile } from './fixtures'

// The delivery dashboard on the demo data: a manager sees the charts, changes the date range
// and the owner filter (the URL and the figures change), switches a card to its table,
// downloads a CSV and clicks a figure through to the projects behind it. DELIVERY may open
// it; SALES get a 403. Demo numbers are not asserted, only structure and that filters act.

const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })

test.describe('delivery dashboard as a manager', () => {
  test.use({ storageState: authFile('MANAGER') })

  test('charts, filters in the URL, table view, CSV and click-through', async ({ page }) => {
    await page.goto('/acme/dashboards/delivery')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible()
    for (const title of ['On-time rate by month', 'Go-live against baseline', 'Project health now', 'Overdue tasks by age', 'Workload: estimated hours']) {
      await expect(card(page, title)).toBeVisible()
    }
    await expect(card(page, 'On-time rate by month').locator('.recharts-surface').first()).toBeVisible()

    // the date range: one row per month of the range
    const months = card(page, 'On-time rate by month').locator('table tbody tr')
    await expect(months).toHaveCount(12)
    const to = await page.getByLabel('To', { exact: true }).inputValue()
    await page.getByLabel('From', { exact: true }).fill(to)
    await expect(page).toHaveURL(new RegExp(`from=${to}`))
    await expect(months).toHaveCount(1)

    // the owner filter: only that person's work is left in the workload
    const workload = card(page, 'Workload: open tasks').locator('table tbody tr')
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: ACCOUNTS.DELIVERY.name })
    await expect(page).toHaveURL(/owner=[0-9a-f-]{36}/)
    await expect(async () => {
      const rows = await workload.allInnerTexts()
      expect(rows.length).toBe(1)
      expect(rows[0]).toMatch(new RegExp(`${ACCOUNTS.DELIVERY.name}|No data`))
    }).toPass()
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Everyone' })
    await expect(page).not.toHaveURL(/owner=/)

    // a card as its table
    const health = card(page, 'Project health now')
    await health.getByRole('group', { name: 'Project health now: view' }).getByRole('button', { name: 'Table' }).click()
    await expect(health.getByRole('table')).toBeVisible()
    await expect(health.getByRole('rowheader', { name: 'At risk' })).toBeVisible()

    // the CSV of the same numbers
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download On-time rate by month as CSV' }).click()])
    expect(download.suggestedFilename()).toBe('delivery-on-time-by-month.csv')

    // overdue projects open their board filtered to overdue tasks
    for (const href of await card(page, 'Projects with the most overdue tasks').locator('table a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/acme\/projects\/[0-9a-f-]{36}\?overdue=1$/)
    }

    // click through: the at-risk projects in the projects list
    await health.getByRole('link', { name: 'At risk' }).click()
    await expect(page).toHaveURL(/\/acme\/projects\?health=AT_RISK/)
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible()
  })
})

test.describe('delivery dashboard: who may open it', () => {
  test.describe('DELIVERY', () => {
    test.use({ storageState: authFile('DELIVERY') })
    test('sees the delivery figures', async ({ page }) => {
      const response = await page.goto('/acme/dashboards/delivery')
      expect(response?.status()).toBe(200)
      await expect(card(page, 'Overdue tasks by person')).toBeVisible()
    })
  })

  test.describe('SALES', () => {
    test.use({ storageState: authFile('SALES') })
    test('gets a 403', async ({ page }) => {
      const response = await page.goto('/acme/dashboards/delivery')
      expect(response?.status()).toBe(403)
    })
  })
})
