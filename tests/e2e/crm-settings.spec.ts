import { expect, test, type Page } from '@playwright/test'
import { authFile } from './fixtures'

const stageRow = (page: Page, name: string) => page.getByTestId('pipeline-editor').first().locator(`[data-testid="stage-row"][data-stage="${name}"]`)

test.describe('an admin', () => {
  test.use({ storageState: authFile('ADMIN') })

  test('adds, edits and removes pipeline stages, moving the deals of a removed stage', async ({ page }) => {
    const name = `Demo ${Date.now() % 100000}`
    await page.goto('/acme/settings/pipelines')
    const editor = page.getByTestId('pipeline-editor').first()
    const add = editor.getByRole('form', { name: /Add a stage/ })
    await add.getByLabel('New stage').fill(name)
    await add.getByLabel('Probability %').fill('140')
    await add.getByRole('button', { name: 'Add stage' }).click()
    await expect(add.getByText('Use 0 to 100.')).toBeVisible()
    await add.getByLabel('Probability %').fill('40')
    await add.getByRole('button', { name: 'Add stage' }).click()
    await expect(stageRow(page, name)).toBeVisible()

    // A second Won stage is refused with the rule.
    await add.getByLabel('New stage').fill('Won again')
    await add.getByLabel('Kind').selectOption('WON')
    await add.getByRole('button', { name: 'Add stage' }).click()
    await expect(add.getByText('A pipeline has exactly one Won stage.')).toBeVisible()

    // Removing a stage with deals asks where they go, then moves them.
    const qualified = stageRow(page, 'Qualified')
    const deals = Number(await qualified.locator('td').nth(2).textContent())
    const proposalBefore = Number(await stageRow(page, 'Proposal').locator('td').nth(2).textContent())
    await qualified.getByRole('button', { name: 'Remove Qualified' }).click()
    const dialog = page.getByRole('dialog', { name: 'Remove Qualified' })
    await expect(dialog).toContainText(`Qualified has ${deals} deals: choose a stage to move them to.`)
    await dialog.getByLabel('Move its deals to').selectOption({ label: 'Proposal' })
    await dialog.getByRole('button', { name: 'Move deals and remove' }).click()
    await expect(stageRow(page, 'Qualified')).toHaveCount(0)
    await expect(stageRow(page, 'Proposal').locator('td').nth(2)).toHaveText(String(proposalBefore + deals))

    // The board shows the new stage and no Qualified column.
    await page.goto('/acme/pipeline?owner=all')
    await expect(page.locator(`[data-testid="board-column"][data-stage="${name}"]`)).toBeVisible()
    await expect(page.locator('[data-testid="board-column"][data-stage="Qualified"]')).toHaveCount(0)
  })

  test('manages products and lost reasons, with errors next to the field', async ({ page }) => {
    await page.goto('/acme/settings/products')
    const add = page.getByRole('form', { name: 'Add a product' })
    await add.getByLabel('Name').fill('Training day')
    await add.getByLabel('Unit price (EUR)').fill('900.555')
    await add.getByRole('button', { name: 'Add product' }).click()
    await expect(add.getByText('Use at most 2 decimals for EUR.')).toBeVisible()
    await add.getByLabel('Unit price (EUR)').fill('900.50')
    await add.getByRole('button', { name: 'Add product' }).click()
    await expect(page.getByLabel('Name of Training day')).toBeVisible()
    await expect(page.getByLabel('Unit price of Training day')).toHaveValue('900.50')

    await page.getByRole('link', { name: 'Lost reasons' }).click()
    const reason = page.getByRole('form', { name: 'Add a lost reason' })
    await reason.getByLabel('New reason').fill('price')
    await reason.getByRole('button', { name: 'Add' }).click()
    await expect(reason.getByText('That reason already exists.')).toBeVisible()
  })
})

test.describe('a sales rep', () => {
  test.use({ storageState: authFile('SALES') })
  test('sees no pipeline settings and gets 403 there', async ({ page }) => {
    await page.goto('/acme/settings')
    // personal API tokens are everyone's; configuration is not
    await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link')).toHaveText(['General', 'API tokens'])
    const response = await page.goto('/acme/settings/pipelines')
    expect(response?.status()).toBe(403)
    expect((await page.goto('/acme/settings/webhooks'))?.status()).toBe(403)
  })
})
