// Shared pieces of the browser tests: who signs in, where their stored session lives,
// and the two things almost every spec does (sign in through the form, read the shell).
//
// auth.setup.ts signs each account in once through the real form and saves the browser
// state; a spec then starts signed in with `test.use({ storageState: authFile('SALES') })`.
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-accounts'
import { roleLabels } from '../../lib/permissions'
import { GLOBEX } from './accounts'

export { DEMO_PASSWORD }

export type Account = { name: string; email: string; roleLabel: string; orgName: string; orgSlug: string }

/** One account per role in Acme, plus Globex's admin. */
export const ACCOUNTS = {
  ADMIN: demoUser('admin@acme.test'),
  MANAGER: demoUser('manager@acme.test'),
  SALES: demoUser('sales@acme.test'),
  DELIVERY: demoUser('delivery@acme.test'),
  GLOBEX_ADMIN: { name: 'Gina Globex', email: GLOBEX.adminEmail, roleLabel: roleLabels.ADMIN, orgName: GLOBEX.name, orgSlug: GLOBEX.slug },
} satisfies Record<string, Account>

export type AccountKey = keyof typeof ACCOUNTS
export const ACCOUNT_KEYS = Object.keys(ACCOUNTS) as AccountKey[]

function demoUser(email: string): Account {
  const user = DEMO_USERS.find((u) => u.email === email)
  if (!user) throw new Error(`${email} is not a demo user`)
  return { name: user.name, email: user.email, roleLabel: roleLabels[user.role], orgName: DEMO_ORG.name, orgSlug: DEMO_ORG.slug }
}

const authDir = path.resolve(import.meta.dirname, '../../test-results/.auth')

/** The stored browser state (session cookie) of an account, written by auth.setup.ts. */
export function authFile(key: AccountKey) {
  return path.join(authDir, `${key.toLowerCase()}.json`)
}

/** A browser state with nobody signed in, for contexts that must start anonymous. */
export const signedOut = { cookies: [], origins: [] }

/** Fills and submits the sign-in form on the current page (opens /sign-in if not there). */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The shell's user card shows who is signed in, with which role, in which organization. */
export async function expectShell(page: Page, who: { name: string; roleLabel: string; orgName: string }) {
  await expect(page.getByTestId('user-name')).toHaveText(who.name)
  await expect(page.getByTestId('user-role')).toHaveText(who.roleLabel)
  await expect(page.getByTestId('user-org')).toHaveText(who.orgName)
  await expect(page.getByTestId('org-name')).toHaveText(who.orgName)
}

/** Where the proxy sends an anonymous visitor of `path`. */
export function signInUrl(path: string) {
  return new RegExp(`/sign-in\\?callbackUrl=${escapeRegExp(encodeURIComponent(path))}$`)
}

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
