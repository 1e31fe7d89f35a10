import { expect, test, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// A project's List and Timeline tabs on a demo project built from "Standard onboarding"
// (prisma/seed/demo-projects.ts), which has milestones and dependencies.
const PROJECT = 'Northwind Traders onboarding'

async function openProject(page: Page) {
  await page.goto('/acme/projects')
  await page.getByRole('link', { name: PROJECT }).first().click()
  await expect(page).toHaveURL(/\/acme\/projects\/[0-9a-f-]{36}/)
  return new URL(page.url()).pathname.match(/\/acme\/projects\/[0-9a-f-]{36}/)![0]
}

test.describe('delivery lead', () => {
  test.use({ storageState: authFile('DELIVERY') })

  test('the timeline shows bars, milestones, dependency arrows and today, zooms, and has a table alternative', async ({ page }) => {
    const base = await openProject(page)
    await page.goto(`${base}/timeline`)
    const chart = page.getByTestId('timeline-chart')
    await expect(chart).toBeVisible()
    await expect(chart.getByTestId('timeline-bar').first()).toBeVisible()
    expect(await chart.getByTestId('timeline-bar').count()).toBeGreaterThan(5)
    expect(await chart.getByTestId('timeline-milestone').count()).toBeGreaterThan(0)
    expect(await chart.getByTestId('timeline-arrow').count()).toBeGreaterThan(0)
    await expect(chart.getByTestId('timeline-today')).toHaveCount(1)

    // An arrow joins two bars that exist: it starts at its blocker's bar and ends at the blocked one's.
    const arrow = chart.getByTestId('timeline-arrow').first()
    const blockerId = await arrow.getAttribute('data-blocker-id')
    const blockedId = await arrow.getAttribute('data-blocked-id')
    await expect(chart.locator(`[data-testid="timeline-bar"][data-task-id="${blockerId}"]`)).toHaveCount(1)
    await expect(chart.locator(`[data-testid="timeline-bar"][data-task-id="${blockedId}"]`)).toHaveCount(1)

    // Every bar has a spoken label and links to its task on the board.
    const bar = chart.getByTestId('timeline-bar').first()
    await expect(bar).toHaveAttribute('aria-label', /.+, (To do|In progress|Blocked|Overdue|Done|Done late), /)
    await expect(bar).toHaveAttribute('href', new RegExp(`^${base}\\?task=[0-9a-f-]{36}$`))

    // Zoom to weeks: the same bars, narrower.
    const before = await bar.locator('rect').getAttribute('width')
    await page.getByRole('navigation', { name: 'Zoom' }).getByRole('link', { name: 'Weeks' }).click()
    await expect(page).toHaveURL(/zoom=week/)
    await expect(page.getByRole('navigation', { name: 'Zoom' }).getByRole('link', { name: 'Weeks' })).toHaveAttribute('aria-current', 'page')
    const after = await chart.getByTestId('timeline-bar').first().locator('rect').getAttribute('width')
    expect(Number(after)).toBeLessThan(Number(before))

    // The table alternative lists the same tasks, with what each waits on.
    await page.getByRole('link', { name: 'Show as table' }).click()
    await expect(page).toHaveURL(/view=table/)
    const table = page.getByTestId('timeline-table')
    await expect(table).toBeVisible()
    await expect(table.getByRole('columnheader', { name: 'Waits on' })).toBeVisible()
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(5)
  })

  test('the list groups tasks by milestone, sorts by assignee, folds a milestone and links to the board', async ({ page }) => {
    const base = await openProject(page)
    await page.goto(`${base}/list`)
    const list = page.getByTestId('task-list')
    await expect(list).toBeVisible()
    const rows = list.getByTestId('task-list-row')
    const total = await rows.count()
    expect(total).toBeGreaterThan(5)

    await list.getByRole('link', { name: /^Assignee/ }).click()
    await expect(page).toHaveURL(/sort=assignee&dir=asc/)
    await expect(list.getByRole('columnheader', { name: /Assignee/ })).toHaveAttribute('aria-sort', 'ascending')

    // Fold the first milestone: its rows hide, the others stay.
    const controls = await list.getByRole('button', { expanded: true }).first().getAttribute('aria-controls')
    const toggle = list.locator(`button[aria-controls="${controls}"]`)
    const hidden = await page.locator(`#${controls} [data-testid="task-list-row"]`).count()
    expect(hidden).toBeGreaterThan(0)
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect(rows.filter({ visible: true })).toHaveCount(total - hidden)
    await toggle.click()

    const first = rows.first().getByRole('link').first()
    await expect(first).toHaveAttribute('href', new RegExp(`^${base}\\?task=[0-9a-f-]{36}$`))
  })
})

test.describe('another organization', () => {
  test('an Acme project’s timeline and list are a 404 from Globex', async ({ browser }) => {
    const acme = await browser.newContext({ storageState: authFile('DELIVERY') })
    const page = await acme.newPage()
    const base = await openProject(page)
    await acme.close()
    const id = base.split('/').at(-1)

    // The manager of Acme is also a member of Globex: Acme's project id under Globex is not found.
    const both = await browser.newContext({ storageState: authFile('MANAGER') })
    const other = await both.newPage()
    for (const path of [`/globex/projects/${id}/timeline`, `/globex/projects/${id}/list`]) {
      const response = await other.goto(path)
      expect(response?.status()).toBe(404)
    }
    await both.close()
  })
})
