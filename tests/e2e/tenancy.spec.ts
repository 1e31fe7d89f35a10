// Organizations are walled off from each other: another organization's URL is a 404, a
// role that may not manage members gets a 403, and someone in two organizations switches.
import { test, expect, type Page } from '@playwright/test'
import { ACCOUNTS, authFile, expectShell, signedOut, type AccountKey } from './fixtures'

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  // Nothing of the other organization shows, not even its name in a shell.
  await expect(page.getByTestId('user-card')).toHaveCount(0)
}

test.describe('admin of Acme', () => {
  test.use({ storageState: authFile('ADMIN') })

  test('gets 404 on Globex settings and pipeline', async ({ page }) => {
    await expectNotFound(page, '/globex/settings')
    await expectNotFound(page, '/globex/pipeline')
    await expectNotFound(page, '/globex/settings/members')
    // The same person's own organization works.
    await page.goto('/acme/settings')
    await expectShell(page, ACCOUNTS.ADMIN)
  })

  test('gets 404 from Globex search and 401 when signed out', async ({ page, playwright }) => {
    const other = await page.request.get('/api/orgs/globex/search?q=globex')
    expect(other.status()).toBe(404)
    expect(await other.json()).toEqual({ error: 'This organization was not found.' })
    const own = await page.request.get('/api/orgs/acme/search?q=nortwind&type=company')
    expect(own.status()).toBe(200)
    expect((await own.json()).map((hit: { title: string }) => hit.title)).toContain('Northwind Traders')
    const bad = await page.request.get('/api/orgs/acme/search?q=nortwind&limit=500')
    expect(bad.status()).toBe(422)
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedOut })
    const anonymousAnswer = await anonymous.get('/api/orgs/acme/search?q=nortwind')
    expect(anonymousAnswer.status()).toBe(401)
    await anonymous.dispose()
  })
})

test.describe('admin of Globex', () => {
  test.use({ storageState: authFile('GLOBEX_ADMIN') })

  test('gets 404 on Acme settings', async ({ page }) => {
    await expectNotFound(page, '/acme/settings')
    await expectNotFound(page, '/acme/settings/members')
    await page.goto('/globex/settings')
    await expectShell(page, ACCOUNTS.GLOBEX_ADMIN)
  })
})

test.describe('manager of Acme, who is also in Globex', () => {
  test.use({ storageState: authFile('MANAGER') })

  test('switches to Globex as Sales through the org switcher, and back to Acme as Manager', async ({ page }) => {
    await page.goto('/acme/pipeline')
    await expectShell(page, ACCOUNTS.MANAGER)

    // Keyboard: focus the switcher, open it, follow the link to Globex.
    const switcher = page.locator('summary', { hasText: 'Switch organization' })
    await switcher.focus()
    await page.keyboard.press('Enter')
    const globex = page.getByRole('list', { name: 'Your other organizations' }).getByRole('link', { name: 'Globex · Sales' })
    await expect(globex).toBeVisible()
    await globex.focus()
    await page.keyboard.press('Enter')

    await expect(page).toHaveURL('/globex/pipeline')
    await expectShell(page, { name: ACCOUNTS.MANAGER.name, roleLabel: 'Sales', orgName: 'Globex' })
    // As Sales in Globex, the members page is off limits, though it is not in Acme's.
    await page.goto('/globex/settings')
    await expect(page.getByRole('link', { name: /Manage members/ })).toHaveCount(0)

    // Mouse: back to Acme.
    await switcher.click()
    await page.getByRole('link', { name: 'Acme Services · Manager' }).click()
    await expect(page).toHaveURL('/acme/pipeline')
    await expectShell(page, ACCOUNTS.MANAGER)
  })
})

const notAdmins: AccountKey[] = ['SALES', 'DELIVERY', 'MANAGER']
for (const key of notAdmins) {
  test.describe(`${key} of Acme`, () => {
    test.use({ storageState: authFile(key) })

    test('gets 403 on the members page, and settings shows no link to it', async ({ page }) => {
      await page.goto('/acme/settings')
      await expectShell(page, ACCOUNTS[key])
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
      await expect(page.getByRole('link', { name: /Manage members/ })).toHaveCount(0)

      const response = await page.goto('/acme/settings/members')
      expect(response?.status()).toBe(403)
      await expect(page.getByRole('heading', { name: 'You don’t have access to this' })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0)
      await expect(page.getByText('admin@acme.test')).toHaveCount(0)
    })
  })
}
