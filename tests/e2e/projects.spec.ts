import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, authFile } from './fixtures'

// A delivery lead creates a project from "Standard onboarding" through the dialog, sees its
// header, slips the kickoff by a week (every open date moves), and undoes it. Sales reps see
// only their won deals' projects, read-only; another organization's project is a 404.

/** Mondays far enough ahead that the dates always show with their year. */
const KICKOFF = { day: '2030-03-04', text: 'Mar 4, 2030' }
const SLIPPED = { day: '2030-03-11', text: 'Mar 11, 2030' }

async function createProject(page: Page, name: string) {
  await page.goto('/acme/projects')
  const dialog = page.getByRole('dialog', { name: 'New project' })
  // (a click before the page is interactive does nothing: click until the dialog opens)
  await expect(async () => {
    await page.getByRole('button', { name: 'New project' }).click()
    await expect(dialog).toBeVisible({ timeout: 1000 })
  }).toPass()
  await dialog.getByLabel('Template').selectOption({ label: 'Standard onboarding (default)' })
  await expect(dialog.getByTestId('role-pickers')).toBeVisible()
  // A missing name is refused next to the field; what was typed stays.
  await dialog.getByLabel('Kickoff').fill(KICKOFF.day)
  await dialog.getByRole('button', { name: 'Create project' }).click()
  await expect(dialog.getByText('Give the project a name.')).toBeVisible()
  await expect(dialog.getByLabel('Kickoff')).toHaveValue(KICKOFF.day)
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create project' }).click()
  await page.waitForURL(/\/acme\/projects\/[0-9a-f-]{36}$/)
  return page.url()
}

test.describe('delivery lead', () => {
  test.use({ storageState: authFile('DELIVERY') })

  test('creates a project from a template, slips the kickoff by a week and undoes it', async ({ page, browser }) => {
    test.slow()
    const name = `E2E onboarding ${Date.now()}`
    const url = await createProject(page, name)

    await page.goto(`${url}/overview`)
    const header = page.getByTestId('project-header')
    await expect(header.getByTestId('project-name')).toHaveText(name)
    await expect(header.getByTestId('project-kickoff')).toHaveText(KICKOFF.text)
    await expect(header.getByTestId('project-status-select')).toHaveValue('PLANNED')
    await expect(header.getByText('Implementation lead')).toBeVisible()
    await expect(header.getByTestId('project-progress')).toContainText('0/')
    const goLive = header.getByTestId('go-live-dates')
    const target = (await goLive.textContent())!
    expect(target).not.toContain('baseline')
    for (const tab of ['Board', 'List', 'Timeline', 'Overview', 'History']) await expect(page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: tab })).toBeVisible()

    // Hand the project to someone else: the owner picker loads the organization's people when it opens.
    const owner = header.getByTestId('field-owner')
    await owner.getByRole('button', { name: 'Edit owner' }).click()
    await owner.getByLabel('Owner').selectOption({ label: ACCOUNTS.MANAGER.name })
    await expect(owner).toContainText(ACCOUNTS.MANAGER.name)
    await expect(owner.getByRole('combobox')).toBeHidden()

    // Slip the kickoff by a week: the preview says what moves, then every open date follows.
    const dialog = page.getByRole('dialog', { name: 'Change the kickoff' })
    await expect(async () => {
      await page.getByRole('button', { name: 'Change kickoff…' }).click()
      await expect(dialog).toBeVisible({ timeout: 1000 })
    }).toPass()
    await dialog.getByLabel('New kickoff').fill(SLIPPED.day)
    await expect(dialog.getByTestId('redate-preview')).toContainText(/open tasks? and \d+ milestones? move 5 working days later/)
    await dialog.getByRole('button', { name: 'Move dates' }).click()
    await expect(dialog).toBeHidden()
    await expect(header.getByTestId('project-kickoff')).toHaveText(SLIPPED.text)
    // the target moved; the first target stays as the baseline
    await expect(goLive).toContainText('baseline')
    await expect(goLive).not.toHaveText(target)

    await page.getByRole('button', { name: 'Undo kickoff change' }).click()
    await expect(page.getByText(/Restored the previous dates of \d+ tasks/)).toBeVisible()
    await expect(header.getByTestId('project-kickoff')).toHaveText(KICKOFF.text)
    await expect(goLive).toHaveText(target)

    await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'History' }).click()
    const history = page.getByTestId('history-item')
    await expect(history.nth(0)).toContainText(`undid the kickoff change back to ${KICKOFF.text}`)
    await expect(history.nth(1)).toContainText(`moved the kickoff from ${KICKOFF.text} to ${SLIPPED.text}`)
    await expect(history.last()).toContainText('created the project from Standard onboarding')

    // The project is in the list, and another organization cannot open it.
    await page.goto(`/acme/projects?q=${encodeURIComponent(name)}`)
    await expect(page.getByTestId('project-row')).toHaveCount(1)
    await expect(page.getByTestId('project-row')).toContainText(ACCOUNTS.MANAGER.name) // the owner it was handed to

    const globex = await browser.newContext({ storageState: authFile('MANAGER') })
    const other = await globex.newPage()
    const id = url.split('/').at(-1)!
    const response = await other.goto(`/globex/projects/${id}/overview`)
    expect(response?.status()).toBe(404)
    await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible()
    await globex.close()
  })

  test('filters the list in the URL', async ({ page }) => {
    await page.goto('/acme/projects')
    await expect(page.getByTestId('project-row').first()).toBeVisible()
    await page.getByLabel('Health').selectOption('LATE')
    await expect(page).toHaveURL(/health=LATE/)
    await expect(page.getByTestId('projects-table').locator('[data-testid="project-health"]:not([data-health="LATE"])')).toHaveCount(0)
    await page.getByLabel('Status').selectOption('DONE')
    await expect(page).toHaveURL(/status=DONE/)

    await page.goto('/acme/projects?status=DONE')
    await expect(page.getByLabel('Status')).toHaveValue('DONE')
    await expect(page.getByTestId('project-row').filter({ hasText: 'Litware Systems onboarding' })).toBeVisible()
    for (const status of await page.getByTestId('project-status').allTextContents()) expect(status).toBe('Done')
  })
})

test.describe('sales rep', () => {
  test.use({ storageState: authFile('SALES') })

  test('sees only the projects of deals they own, read-only', async ({ page }) => {
    await page.goto('/acme/projects?status=all')
    await expect(page.getByRole('button', { name: 'New project' })).toHaveCount(0)
    await expect(page.getByTestId('project-row').filter({ hasText: 'Northwind Traders onboarding' })).toBeVisible()
    await expect(page.getByTestId('project-row').filter({ hasText: 'Contoso Pharma rollout' })).toHaveCount(0)

    await page.getByRole('link', { name: 'Northwind Traders onboarding' }).click()
    await page.waitForURL(/\/acme\/projects\/[0-9a-f-]{36}$/)
    await page.goto(`${page.url()}/overview`)
    await expect(page.getByTestId('project-header')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Change kickoff…' })).toHaveCount(0)
    await expect(page.getByTestId('source-deal-panel')).toContainText('Sam Sales')
    await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0)
  })
})
