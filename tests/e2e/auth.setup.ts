// Signs every account in once through the real form and stores its browser state, so the
// specs start signed in (test.use({ storageState: authFile('ADMIN') })) without the form.
import { test as setup, expect } from '@playwright/test'
import { ACCOUNTS, ACCOUNT_KEYS, authFile, expectShell, signInThroughForm } from './fixtures'

for (const key of ACCOUNT_KEYS) {
  const account = ACCOUNTS[key]
  setup(`sign in as ${key} (${account.email})`, async ({ page }) => {
    await signInThroughForm(page, account.email)
    await expect(page).toHaveURL(`/${account.orgSlug}/pipeline`)
    await expectShell(page, account)
    await page.context().storageState({ path: authFile(key) })
  })
}
