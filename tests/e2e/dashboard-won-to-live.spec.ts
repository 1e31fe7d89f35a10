import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, authFile } from './fixtures'

// The won-to-live dashboard on the demo data: a manager sees the tiles and charts, opens the
// table of won deals and clicks through to a project and to a deal, downloads a CSV, switches a
// card to its table, and changes the date range and the owner filter (the URL and the figures
// change). DELIVERY and SALES get a 403. Demo numbers are not asserted, only structure and
// that the filters act.

const card = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })
const filter = (page: Page, name: 'from' | 'to' | 'owner') => page.getByRole('search', { name: 'Dashboard filters' }).locator(`[name="${name}"]`)
const DEALS = 'Won deals and their projects'

test.describe('won to live dashboard as a manager', () => {
  test.use({ storageState: authFile('MANAGER') })

  test('tiles, charts, the deals behind them, CSV, table view and filters in the URL', async ({ page }) => {
    test.slow()
    await page.goto('/acme/dashboards/won-to-live')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Won to live' })).toBeVisible()
    for (const label of ['Won deals with a project', 'Median close → go-live', 'Median handoff lag', 'Live']) {
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible()
    }
    for (const title of ['Won to live by close month', 'By template', 'By product', 'By sales owner', DEALS]) await expect(card(page, title)).toBeVisible()
    await expect(card(page, 'Won to live by close month').locator('.recharts-surface').first()).toBeVisible()
    await expect(page.getByText(/first task started = the earliest day/).first()).toBeVisible()

    // the deals behind the figures: deal and project links, newest close first
    const deals = card(page, DEALS)
    const dealLinks = deals.locator('tbody th a')
    await expect(dealLinks.first()).toBeVisible()
    for (const href of await dealLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/acme\/deals\/[0-9a-f-]{36}$/)
    const projectLinks = deals.locator('tbody td a')
    for (const href of await projectLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/acme\/projects\/[0-9a-f-]{36}$/)
    const closed = await deals.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[4]?.textContent ?? ''))
    expect([...closed].sort().reverse()).toEqual(closed)

    // a long table shows its first rows until asked; the CSV has them all
    const showAll = deals.getByRole('button', { name: /^Show all \d+ rows$/ })
    await expect(showAll).toBeVisible()
    const all = Number((await showAll.textContent())!.match(/\d+/)![0])
    await expect(deals.locator('tbody tr')).toHaveCount(25)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${DEALS} as CSV` }).click()])
    expect(download.suggestedFilename()).toBe('won-to-live-deals.csv')
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n')
    expect(csv.length).toBe(all + 1)
    await showAll.click()
    await expect(deals.locator('tbody tr')).toHaveCount(all)

    // a card as its table; a template row opens the deals of that template
    const templates = card(page, 'By template')
    await templates.getByRole('group', { name: 'By template: view' }).getByRole('button', { name: 'Table' }).click()
    await expect(templates.getByRole('table')).toBeVisible()
    await expect(templates.getByRole('columnheader', { name: 'Handoff lag median' })).toBeVisible()
    const templateLink = templates.locator('tbody th a').first()
    if (await templateLink.count()) {
      await templateLink.click()
      await expect(page).toHaveURL(/[?&]template=[0-9a-f-]{36}/)
      await expect(card(page, DEALS)).toBeVisible()
      await page.goto('/acme/dashboards/won-to-live')
    }

    // click through to a project, then to a deal
    await card(page, DEALS).locator('tbody td a').first().click()
    await expect(page).toHaveURL(/\/acme\/projects\/[0-9a-f-]{36}/)
    await page.goBack()
    await card(page, DEALS).locator('tbody th a').first().click()
    await expect(page).toHaveURL(/\/acme\/deals\/[0-9a-f-]{36}$/)
    await page.goBack()

    // the owner filter: only that owner's deals are left
    await filter(page, 'owner').selectOption({ label: ACCOUNTS.SALES.name })
    await expect(page).toHaveURL(/owner=[0-9a-f-]{36}/)
    await expect(async () => {
      const owners = await card(page, DEALS).locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.children.length > 1 ? (r.children[2]?.textContent ?? '') : 'none')))
      expect(owners.length).toBeGreaterThan(0)
      for (const owner of owners) expect(owner).toMatch(new RegExp(`^(${ACCOUNTS.SALES.name}|none)$`))
    }).toPass()
    await filter(page, 'owner').selectOption({ label: 'Everyone' })
    await expect(page).not.toHaveURL(/owner=/)

    // the date range: one row per month of the range
    const months = card(page, 'Won to live by close month').locator('table tbody tr')
    await expect(months).toHaveCount(12)
    const to = await filter(page, 'to').inputValue()
    await filter(page, 'from').fill(to)
    await expect(page).toHaveURL(new RegExp(`from=${to}`))
    await expect(months).toHaveCount(1)
    await expect(page.getByText(/Won deals closed \w+ \d{4} – \w+ \d{4}/)).toBeVisible()
  })
})

test.describe('won to live dashboard: who may open it', () => {
  for (const role of ['DELIVERY', 'SALES'] as const) {
    test.describe(role, () => {
      test.use({ storageState: authFile(role) })
      test('gets a 403', async ({ page }) => {
        const response = await page.goto('/acme/dashboards/won-to-live')
        expect(response?.status()).toBe(403)
      })
    })
  }
})
