// The handoff as a sales rep lives it: drag a deal to Won, confirm the dialog, open the new
// project and find its tasks, dates, people and brief; follow the link back to the deal and
// see the project's progress there; winning again never makes a second project.
import { test, expect } from '@playwright/test'
import { card, column, dragTo } from './deal-board'
import { authFile } from './fixtures'

test.use({ storageState: authFile('SALES'), viewport: { width: 1920, height: 1000 } })

test('a won deal becomes its onboarding project, with the brief, and links back', async ({ page }) => {
  test.setTimeout(120_000)
  const title = `Handoff ${Date.now().toString(36)}`
  const promise = 'Single sign-on working before the first training day.'

  await page.goto('/acme/pipeline')
  await page.getByRole('button', { name: 'New deal' }).click()
  const create = page.getByRole('dialog', { name: 'New deal' })
  await create.getByLabel('Title').fill(title)
  await create.getByLabel(/^Amount/).fill('36,500')
  await create.getByRole('combobox', { name: 'Company' }).fill('northwind')
  await page.getByRole('option', { name: 'Northwind Traders' }).click()
  await create.getByLabel('Commitments (what was promised)').fill(promise)
  await create.getByRole('button', { name: 'Create deal' }).click()
  await expect(card(column(page, 'Lead in'), title)).toBeVisible()

  // Drag it to Won: the dialog shows the template the rules chose, and why.
  await dragTo(page, card(column(page, 'Lead in'), title), column(page, 'Won'))
  const dialog = page.getByRole('dialog', { name: 'Mark the deal as won' })
  await expect(dialog.getByLabel('Template')).toHaveValue(/.+/)
  await expect(dialog.getByLabel('Template').locator('option:checked')).toHaveText(/Standard onboarding/)
  await expect(dialog.getByTestId('template-reason')).toHaveText(/organization default/)
  const kickoff = await dialog.getByLabel('Kickoff').inputValue()
  expect(kickoff).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await expect(dialog.getByLabel('Implementation lead')).toHaveValue(/.+/) // the role's default person
  await dialog.getByRole('button', { name: 'Mark as won' }).click()
  await expect(page.getByText(/Project “Northwind Traders — Handoff .*” created with 12 tasks/)).toBeVisible()
  await expect(card(column(page, 'Won'), title).getByTestId('project-badge')).toBeVisible()

  // The project: its tasks on the board, the kickoff from the dialog, the people.
  await page.getByRole('button', { name: 'Open project' }).click()
  await expect(page).toHaveURL(/\/acme\/projects\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('project-name')).toHaveText(`Northwind Traders — ${title}`)
  await expect(page.getByTestId('task-card')).toHaveCount(12)
  await expect(page.getByTestId('project-kickoff').locator('time')).toHaveAttribute('datetime', kickoff)
  await expect(page.getByTestId('project-members')).toContainText('Dev Delivery')
  await expect(page.getByTestId('project-members')).toContainText('Sam Sales')

  // The brief: what was sold and promised, a snapshot beside live links.
  await page.getByRole('link', { name: 'Overview' }).click()
  const brief = page.getByTestId('handoff-brief')
  await expect(brief.getByTestId('handoff-commitments')).toHaveText(promise)
  await expect(brief.getByTestId('handoff-total')).toHaveText('€36,500.00')
  // shown once: the project's own brief is delivery's, it does not repeat the handoff
  await expect(page.getByTestId('project-brief')).not.toContainText(promise)

  // Back to the deal: it shows its project and progress.
  await page.getByTestId('source-deal-panel').getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(/\/acme\/deals\/[0-9a-f-]{36}$/)
  const panel = page.getByTestId('deal-project')
  await expect(panel.getByRole('link', { name: `Northwind Traders — ${title}` })).toBeVisible()
  await expect(panel.getByTestId('deal-project-progress')).toHaveText('0 %')
  await expect(panel).toContainText('0 of 12 tasks done')
})
