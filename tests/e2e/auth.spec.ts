// Signing in and out through the real form. These tests start signed out on purpose.
import { test, expect } from '@playwright/test'
import { ACCOUNTS, ACCOUNT_KEYS, DEMO_PASSWORD, expectShell, signInThroughForm, signInUrl, signedOut } from './fixtures'

test.use({ storageState: signedOut })

const WRONG = 'Wrong email or password.'

for (const key of ACCOUNT_KEYS) {
  const account = ACCOUNTS[key]
  test(`${key}: signs in to the shell as ${account.roleLabel} of ${account.orgName}, then signs out`, async ({ page }) => {
    await signInThroughForm(page, account.email)
    await expect(page).toHaveURL(`/${account.orgSlug}/pipeline`)
    await expectShell(page, account)
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'Pipeline',
      'Deals',
      'Contacts',
      'Companies',
      'Projects',
      'My work',
      'Dashboards',
      'Settings',
    ])

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL('/sign-in')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()

    // The session is gone: an app page sends the visitor back to sign-in.
    await page.goto(`/${account.orgSlug}/settings`)
    await expect(page).toHaveURL(signInUrl(`/${account.orgSlug}/settings`))
    await expect(page.getByTestId('user-name')).toHaveCount(0)
  })
}

test('a wrong password and an unknown email get the very same error', async ({ page }) => {
  await signInThroughForm(page, ACCOUNTS.ADMIN.email, 'not-the-password')
  const error = page.getByText(WRONG)
  await expect(error).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByLabel('Email')).toHaveValue(ACCOUNTS.ADMIN.email)
  const wrongPassword = await page.locator('form [role="alert"]').allInnerTexts()

  await signInThroughForm(page, 'nobody@acme.test', DEMO_PASSWORD)
  await expect(page.getByLabel('Email')).toHaveValue('nobody@acme.test')
  await expect(error).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in/)
  // Nothing tells the two apart: same message, and no other hint in the form.
  expect(await page.locator('form [role="alert"]').allInnerTexts()).toEqual(wrongPassword)
  expect(wrongPassword).toEqual([WRONG])

  // Still signed out.
  await page.goto('/acme/pipeline')
  await expect(page).toHaveURL(signInUrl('/acme/pipeline'))
})

test('an anonymous visit to an app page goes to sign-in, and back to that page after signing in', async ({ page }) => {
  await page.goto('/acme/pipeline')
  await expect(page).toHaveURL(signInUrl('/acme/pipeline'))

  await signInThroughForm(page, ACCOUNTS.SALES.email)
  await expect(page).toHaveURL('/acme/pipeline')
  await expect(page.getByRole('heading', { name: 'Pipeline' })).toBeVisible()
  await expectShell(page, ACCOUNTS.SALES)
})
