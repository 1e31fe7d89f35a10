import { describe, expect, it } from 'vitest'
import { listMyOrganizations, requireMember } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { createMember, createOrg } from '../factories'
import { testDb } from '../setup/db'

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise
    return 'OK'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

describe('requireMember', () => {
  it('knows the organization and role of a member', async () => {
    const org = await createOrg({ name: 'Acme', slug: 'acme' })
    const { user, session } = await createMember(org, 'SALES', { name: 'Sam' })
    const member = await requireMember(testDb, session, 'acme', 'crm:write')
    expect(member.role).toBe('SALES')
    expect(member.org).toMatchObject({ id: org.id, name: 'Acme', slug: 'acme' })
    expect(member.user).toMatchObject({ id: user.id, name: 'Sam' })
  })

  it('refuses a request without a session', async () => {
    await createOrg({ slug: 'acme' })
    expect(await codeOf(requireMember(testDb, null, 'acme'))).toBe('UNAUTHENTICATED')
  })

  it('answers 404 for another organization, the same as for a missing one', async () => {
    const acme = await createOrg({ slug: 'acme' })
    await createOrg({ slug: 'globex' })
    const { session } = await createMember(acme, 'ADMIN')
    const other = await requireMember(testDb, session, 'globex').catch((e: AppError) => e)
    const missing = await requireMember(testDb, session, 'no-such-org').catch((e: AppError) => e)
    expect(other).toBeInstanceOf(AppError)
    expect([(other as AppError).status, (other as AppError).message]).toEqual([404, (missing as AppError).message])
  })

  it('answers 403 when the role lacks the permission', async () => {
    const org = await createOrg({ slug: 'acme' })
    const { session } = await createMember(org, 'DELIVERY')
    const error = await requireMember(testDb, session, 'acme', 'crm:write').catch((e: AppError) => e)
    expect((error as AppError).status).toBe(403)
    expect(await codeOf(requireMember(testDb, session, 'acme', 'projects:write'))).toBe('OK')
  })

  it('lists the organizations of a user in two of them', async () => {
    const acme = await createOrg({ name: 'Acme', slug: 'acme' })
    const globex = await createOrg({ name: 'Globex', slug: 'globex' })
    const { user } = await createMember(acme, 'MANAGER')
    await testDb.membership.create({ data: { orgId: globex.id, userId: user.id, role: 'SALES' } })
    expect(await listMyOrganizations(testDb, user.id)).toEqual([
      { name: 'Acme', slug: 'acme', role: 'MANAGER' },
      { name: 'Globex', slug: 'globex', role: 'SALES' },
    ])
    expect((await requireMember(testDb, { userId: user.id }, 'globex')).role).toBe('SALES')
  })
})
