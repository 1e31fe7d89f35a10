import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { inviteMember } from '@/lib/org/members'
import { InviteMemberInput } from '@/lib/org/members.schema'
import { createMember, createOrg } from '../factories'
import { testDb } from '../setup/db'

/** The invite action's body, as app/(app)/[orgSlug]/settings/members/actions.ts runs it. */
function inviteFlow(form: FormData, session: { userId: string } | null) {
  return runAction(
    InviteMemberInput.extend({ orgSlug: z.string() }),
    form,
    async (input, s) => {
      const member = await requireMember(testDb, s, input.orgSlug, 'members:manage')
      return testDb.$transaction((tx) => inviteMember(tx, ctxOf(member), input))
    },
    { getSession: async () => session },
  )
}

function inviteForm(fields: Record<string, string>) {
  const form = new FormData()
  const all = { orgSlug: 'acme', name: 'Nina', email: 'nina@example.test', role: 'SALES', password: 'long-enough-1', ...fields }
  for (const [key, value] of Object.entries(all)) form.set(key, value)
  return form
}

describe('runAction', () => {
  it('refuses an anonymous request before reading its input, and writes nothing', async () => {
    await createOrg({ slug: 'acme' })
    const result = await inviteFlow(inviteForm({}), null)
    expect(result).toMatchObject({ ok: false, status: 401, formError: 'You are signed out. Sign in again to continue.' })
    expect(await testDb.user.count()).toBe(0)
  })

  it('returns field errors next to their fields and echoes what was typed, but never the password', async () => {
    const org = await createOrg({ slug: 'acme' })
    const { session } = await createMember(org, 'ADMIN')
    const result = await inviteFlow(inviteForm({ email: 'not-an-email', password: 'short' }), session)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fieldErrors?.email).toEqual(['Enter a valid email address.'])
    expect(result.fieldErrors?.password).toEqual(['The first password needs at least 10 characters.'])
    expect(result.values).toMatchObject({ name: 'Nina', email: 'not-an-email' })
    expect(result.values).not.toHaveProperty('password')
  })

  it('gives a member without the role a clear 403 message', async () => {
    const org = await createOrg({ slug: 'acme' })
    const { session } = await createMember(org, 'SALES')
    expect(await inviteFlow(inviteForm({}), session)).toMatchObject({ ok: false, status: 403, formError: expect.stringMatching(/role does not allow/) })
  })

  it('gives a member of another organization the 404 answer', async () => {
    await createOrg({ slug: 'acme' })
    const globex = await createOrg({ slug: 'globex' })
    const { session } = await createMember(globex, 'ADMIN')
    expect(await inviteFlow(inviteForm({}), session)).toMatchObject({ ok: false, status: 404 })
  })

  it('returns the data of a successful call', async () => {
    const org = await createOrg({ slug: 'acme' })
    const { session } = await createMember(org, 'ADMIN')
    expect(await inviteFlow(inviteForm({}), session)).toMatchObject({ ok: true, data: { newAccount: true } })
  })

  it('hides an unexpected error behind a generic message with a reference, and logs it', async () => {
    const logged = vi.mocked(console.error).mockImplementation(() => {})
    const result = await runAction(z.object({}), {}, async () => {
      throw new Error('connection string postgres://secret@db leaked')
    }, { getSession: async () => ({ userId: 'u' }) })
    expect(result).toMatchObject({ ok: false, status: 500 })
    if (result.ok) return
    expect(result.formError).toMatch(/^Something went wrong on our side \(reference [0-9a-f]{8}\)\. Nothing was saved\.$/)
    expect(result.formError).not.toContain('secret')
    expect(logged).toHaveBeenCalledOnce()
  })
})
