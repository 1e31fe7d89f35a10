import { expect, test, type Page } from '@playwright/test'
import { authFile } from './fixtures'

// A delivery lead builds a template: three milestones, tasks with roles, a deal-owner task and
// dependencies; the preview shows business days skipping a weekend; a dependency cycle is
// named next to the tasks and refused; saving makes version 2.
test.use({ storageState: authFile('DELIVERY') })

const section = (page: Page, milestone: string) => page.locator(`[data-testid="milestone-section"][data-milestone="${milestone}"]`)
const task = (page: Page, title: string) => page.getByRole('group', { name: title, exact: true })

async function addTask(page: Page, milestone: string, fields: { title: string; offset: string; duration: string; assignTo: string; waitsFor?: string }) {
  await section(page, milestone).getByRole('button', { name: `Add a task to ${milestone}` }).click()
  await task(page, 'New task').getByLabel('Task title').fill(fields.title)
  const row = task(page, fields.title)
  await row.getByLabel(`Start offset of “${fields.title}” in days`).fill(fields.offset)
  await row.getByLabel(`Duration of “${fields.title}” in days`).fill(fields.duration)
  await row.getByLabel('Assign to').selectOption({ label: fields.assignTo })
  if (fields.waitsFor) await waitFor(page, fields.title, fields.waitsFor)
}

async function waitFor(page: Page, title: string, blocker: string) {
  await task(page, title).getByRole('button', { name: `Choose the tasks “${title}” waits for` }).click()
  const picker = page.getByRole('dialog', { name: `Tasks “${title}” waits for` })
  await picker.getByLabel(blocker, { exact: true }).check()
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()
}

test('a delivery lead builds a template, previews its dates, is stopped by a cycle and saves version 2', async ({ page }) => {
  test.slow()
  const name = `E2E onboarding ${Date.now()}`
  await page.goto('/acme/settings/templates')
  const dialog = page.getByRole('dialog', { name: 'New template' })
  // A click that lands before the page is interactive is repeated.
  await expect(async () => {
    await page.getByRole('button', { name: 'New template' }).click()
    await expect(dialog).toBeVisible({ timeout: 1_000 })
  }).toPass()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByTestId('template-name')).toHaveText(name)
  await expect(page.getByTestId('version-line')).toContainText('Version 1')

  for (const [index, milestone] of ['Kickoff', 'Configuration', 'Go-live'].entries()) {
    await page.getByRole('button', { name: 'Add milestone' }).click()
    await page.getByLabel('Milestone name').nth(index).fill(milestone)
  }
  await expect(page.getByTestId('milestone-section')).toHaveCount(3)

  await addTask(page, 'Kickoff', { title: 'Kickoff call', offset: '0', duration: '0', assignTo: 'Implementation lead' })
  await addTask(page, 'Configuration', { title: 'Configure the workspace', offset: '1', duration: '2', assignTo: 'Solutions engineer', waitsFor: 'Kickoff call' })
  await addTask(page, 'Go-live', { title: 'Go-live check', offset: '3', duration: '1', assignTo: 'The deal owner', waitsFor: 'Configure the workspace' })
  const goLive = task(page, 'Go-live check')
  await goLive.getByLabel('New checklist item for “Go-live check”').fill('Customer confirms go-live')
  await goLive.getByLabel('New checklist item for “Go-live check”').press('Enter')
  await expect(goLive.getByLabel('Checklist item 1 of “Go-live check”')).toHaveValue('Customer confirms go-live')
  await expect(page.getByTestId('task-problems')).toHaveCount(0)

  // Preview: kickoff on Friday 8 January 2027; one working day later is Monday, not Saturday.
  const preview = page.getByTestId('template-preview')
  await preview.getByLabel('Kickoff', { exact: true }).fill('2027-01-08')
  const planned = (title: string) => preview.locator(`[data-testid="preview-task"][data-title="${title}"]`)
  await expect(planned('Kickoff call').getByTestId('preview-start')).toHaveText('Fri 8 Jan')
  await expect(planned('Configure the workspace').getByTestId('preview-start')).toHaveText('Mon 11 Jan')
  await expect(planned('Configure the workspace').getByTestId('preview-due')).toHaveText('Wed 13 Jan')
  await expect(planned('Go-live check')).toContainText('Deal owner')

  // A circle of dependencies is named next to the tasks, and saving is refused.
  // (Tasks added in this session stay open, showing their details.)
  await expect(task(page, 'Kickoff call').getByRole('button', { name: 'Hide details of “Kickoff call”' })).toHaveAttribute('aria-expanded', 'true')
  await waitFor(page, 'Kickoff call', 'Go-live check')
  await expect(task(page, 'Kickoff call').getByTestId('task-problems')).toContainText('These tasks wait for each other in a circle')
  await expect(task(page, 'Go-live check').getByTestId('task-problems')).toContainText('“Kickoff call”')
  await page.getByRole('button', { name: 'Save as version 2' }).click()
  await expect(page.getByText('Fix the problem marked in red before saving.')).toBeVisible()
  await expect(page.getByTestId('version-line')).toContainText('Version 1')

  // Leaving with unsaved changes asks first.
  page.once('dialog', (prompt) => prompt.dismiss())
  await page.getByRole('link', { name: 'Templates', exact: true }).first().click()
  await expect(page.getByTestId('template-name')).toHaveText(name)

  await task(page, 'Kickoff call').getByRole('button', { name: '“Kickoff call” no longer waits for “Go-live check”' }).click()
  await expect(page.getByTestId('task-problems')).toHaveCount(0)
  await page.getByRole('button', { name: 'Save as version 2' }).click()
  await expect(page.getByText('Saved as version 2.')).toBeVisible()
  await expect(page.getByTestId('version-line')).toContainText('Version 2')

  // Saved: a reload shows the content, and version 1 stays in the history.
  await page.reload()
  await expect(page.getByRole('group', { name: 'Go-live check' }).getByText('Deal owner')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Configure the workspace' })).toContainText('waits for 1')
  const history = page.getByTestId('version-history')
  await expect(history).toContainText('Version 2')
  await expect(history.getByRole('link', { name: 'View version 1' })).toBeVisible()
  await page.goto('/acme/settings/templates')
  await expect(page.locator(`[data-testid="template-row"][data-template="${name}"]`)).toContainText('3 tasks · 3 milestones')
})

test('another organization’s template id is a 404, and sales reps get 403 on template settings', async ({ page, browser }) => {
  await page.goto('/acme/settings/templates')
  const href = await page.getByTestId('template-row').first().getByRole('link').first().getAttribute('href')
  const templateId = /\/settings\/templates\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1]
  expect(templateId).toBeTruthy()
  expect((await page.goto('/acme/settings/templates/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404)

  const globex = await browser.newContext({ storageState: authFile('GLOBEX_ADMIN') })
  const outsider = await globex.newPage()
  expect((await outsider.goto(`/globex/settings/templates/${templateId}`))?.status()).toBe(404)
  await globex.close()

  const rep = await browser.newContext({ storageState: authFile('SALES') })
  const repPage = await rep.newPage()
  expect((await repPage.goto('/acme/settings/templates'))?.status()).toBe(403)
  expect((await repPage.goto(href!))?.status()).toBe(403)
  await rep.close()
})

test('a delivery lead manages project roles and holidays, with errors next to the field', async ({ page }) => {
  const role = `Trainer ${Date.now() % 100000}`
  await page.goto('/acme/settings/project-roles')
  const addRole = page.getByRole('form', { name: 'Add a role' })
  await addRole.getByLabel('New role').fill('implementation LEAD')
  await addRole.getByRole('button', { name: 'Add role' }).click()
  await expect(addRole.getByText('Another role already has this name.')).toBeVisible()
  await addRole.getByLabel('New role').fill(role)
  await addRole.getByLabel('Default person').selectOption({ label: 'Dev Delivery' })
  await addRole.getByRole('button', { name: 'Add role' }).click()
  const row = page.locator(`[data-testid="project-role"][data-role="${role}"]`)
  await expect(row.getByLabel(`Default person for ${role}`)).toHaveValue(/[0-9a-f-]{36}/)
  await row.getByRole('button', { name: `Archive ${role}` }).click()
  await expect(page.getByTestId('archived-role').filter({ hasText: role })).toBeVisible()

  // A day far ahead that no other run uses, removed again at the end.
  const day = new Date(Date.UTC(2031, 0, 1) + (Date.now() % 3000) * 86_400_000).toISOString().slice(0, 10)
  await page.getByRole('link', { name: 'Holidays' }).click()
  const addHoliday = page.getByRole('form', { name: 'Add a holiday' })
  await addHoliday.getByLabel('Date').fill('2026-12-25')
  await addHoliday.getByLabel('Name').fill('Christmas again')
  await addHoliday.getByRole('button', { name: 'Add holiday' }).click()
  await expect(addHoliday.getByText('25 Dec 2026 is already a holiday (Christmas Day).')).toBeVisible()
  await addHoliday.getByLabel('Date').fill(day)
  await addHoliday.getByLabel('Name').fill('Founders’ day')
  await addHoliday.getByRole('button', { name: 'Add holiday' }).click()
  await expect(page.getByTestId('holiday').filter({ hasText: 'Founders’ day' })).toBeVisible()
  await page.getByRole('button', { name: `Remove Founders’ day ${day}` }).click()
  await expect(page.getByTestId('holiday').filter({ hasText: 'Founders’ day' })).toHaveCount(0)
})
