// An admin manages who can sign in: invite (with validation), the invited person signs
// in, the admin changes their role. Emails are unique per run: the database outlives reruns.
import { test, expect, type Page } from '@playwright/test'
import { ACCOUNTS, authFile, expectShell, signInThroughForm, signedOut } from './fixtures'

test.use({ storageState: authFile('ADMIN') })

const MEMBERS = '/acme/settings/members'

function uniquePerson(label: string) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`
  return { name: `${label} ${stamp}`, email: `${label.toLowerCase().replace(/\W+/g, '.')}.${stamp}@acme.test` }
}

function inviteForm(page: Page) {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Invite member' }) })
  return {
    name: form.getByLabel('Name', { exact: true }),
    email: form.getByLabel('Email', { exact: true }),
    role: form.getByLabel('Role', { exact: true }),
    password: form.getByLabel('First password'),
    submit: form.getByRole('button', { name: 'Invite member' }),
  }
}

async function openMembers(page: Page) {
  await page.goto(MEMBERS)
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible()
  // The table has loaded: the admin sees themself in it.
  await expect(memberRow(page, ACCOUNTS.ADMIN.email)).toBeVisible()
}

function memberRow(page: Page, email: string) {
  return page.getByRole('row').filter({ hasText: email })
}

test('a too-short first password is refused next to the field, and what was typed stays', async ({ page }) => {
  const person = uniquePerson('Shorty')
  await openMembers(page)
  const form = inviteForm(page)
  await form.name.fill(person.name)
  await form.email.fill(person.email)
  await form.role.selectOption({ label: 'Delivery' })
  await form.password.fill('short')
  await form.submit.click()

  const message = 'The first password needs at least 10 characters.'
  await expect(page.getByText(message)).toBeVisible()
  await expect(form.password).toHaveAccessibleDescription(message)
  await expect(form.password).toHaveAttribute('aria-invalid', 'true')
  await expect(form.name).toHaveValue(person.name)
  await expect(form.email).toHaveValue(person.email)
  await expect(form.role).toHaveValue('DELIVERY')
  await expect(page.getByRole('status')).toHaveCount(0)
  await expect(memberRow(page, person.email)).toHaveCount(0)

  // Nobody was added: not after a reload either.
  await openMembers(page)
  await expect(memberRow(page, person.email)).toHaveCount(0)
})

test('an invited person signs in with the chosen role, and sees a role change at once', async ({ page, browser, baseURL }) => {
  const person = uniquePerson('Nina New')
  const password = 'first-password-123'

  await test.step('the admin invites them as Delivery', async () => {
    await openMembers(page)
    const form = inviteForm(page)
    await form.name.fill(person.name)
    await form.email.fill(person.email)
    await form.role.selectOption({ label: 'Delivery' })
    await form.password.fill(password)
    await form.submit.click()

    await expect(page.getByRole('status').filter({ hasText: `${person.name} can now sign in as ${person.email}.` })).toBeVisible()
    const row = memberRow(page, person.email)
    await expect(row).toBeVisible()
    await expect(row).toContainText(person.name)
    await expect(row.getByLabel(`Role of ${person.name}`)).toHaveValue('DELIVERY')
    // The form is cleared for the next invite.
    await expect(form.email).toHaveValue('')
  })

  const theirs = await browser.newContext({ baseURL, storageState: signedOut })
  const theirPage = await theirs.newPage()
  try {
    await test.step('they sign in and see the shell as Delivery of Acme', async () => {
      await signInThroughForm(theirPage, person.email, password)
      await expect(theirPage).toHaveURL('/acme/pipeline')
      await expectShell(theirPage, { name: person.name, roleLabel: 'Delivery', orgName: 'Acme Services' })
    })

    await test.step('the admin makes them a Manager; it shows after a reload', async () => {
      const row = memberRow(page, person.email)
      await row.getByLabel(`Role of ${person.name}`).selectOption({ label: 'Manager' })
      await row.getByRole('button', { name: 'Save' }).click()
      await expect(row.getByRole('status')).toHaveText('Role saved.')
      await expect(row.getByLabel(`Role of ${person.name}`)).toHaveValue('MANAGER')

      await page.reload()
      await expect(memberRow(page, person.email).getByLabel(`Role of ${person.name}`)).toHaveValue('MANAGER')
    })

    await test.step('their next page shows the new role, without signing in again', async () => {
      await theirPage.reload()
      await expectShell(theirPage, { name: person.name, roleLabel: 'Manager', orgName: 'Acme Services' })
    })
  } finally {
    await theirs.close()
  }
})

test('an anonymous request to a server action is refused', async ({ page, context, browser, baseURL }) => {
  const person = uniquePerson('Ghost')
  const password = 'ghost-password-123'
  await openMembers(page)

  // The session ends while the page is open (cookie gone), then the form is submitted.
  await context.clearCookies()
  const form = inviteForm(page)
  await form.name.fill(person.name)
  await form.email.fill(person.email)
  await form.password.fill(password)
  await form.submit.click()
  await expect(page.getByText('You are signed out. Sign in again to continue.')).toBeVisible()
  await expect(page.getByRole('status')).toHaveCount(0)

  // Nothing was saved: the admin (a fresh, signed-in browser) sees no such member ...
  const admin = await browser.newContext({ baseURL, storageState: authFile('ADMIN') })
  try {
    const adminPage = await admin.newPage()
    await openMembers(adminPage)
    await expect(memberRow(adminPage, person.email)).toHaveCount(0)
  } finally {
    await admin.close()
  }

  // ... and no account was created with that email and password.
  await signInThroughForm(page, person.email, password)
  await expect(page.getByText('Wrong email or password.')).toBeVisible()
})
