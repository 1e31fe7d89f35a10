import { describe, expect, it } from 'vitest'
import { verifyCredentials } from '@/lib/auth/credentials'
import { AppError } from '@/lib/errors'
import { changeMemberRole, inviteMember, listMembers } from '@/lib/org/members'
import { createMember, createOrg, createUser, TEST_PASSWORD } from '../factories'
import { testDb } from '../setup/db'

const invite = { name: 'Nina New', email: 'nina@example.test', role: 'DELIVERY' as const, password: 'a-first-password' }

describe('inviteMember', () => {
  it('creates the account, the membership and an audit entry; the person can sign in', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN', { name: 'Ada' })
    const result = await testDb.$transaction((tx) => inviteMember(tx, ctx, invite))
    expect(result.newAccount).toBe(true)
    expect((await listMembers(testDb, ctx)).map((m) => [m.name, m.role])).toEqual([
      ['Ada', 'ADMIN'],
      ['Nina New', 'DELIVERY'],
    ])
    expect(await verifyCredentials(testDb, { email: invite.email, password: invite.password })).toMatchObject({ name: 'Nina New' })
    const log = await testDb.activityLog.findMany({ where: { orgId: org.id } })
    expect(log).toMatchObject([{ action: 'member.invited', entityType: 'membership', entityId: result.membershipId, actorId: ctx.userId }])
  })

  it('adds an existing account from another organization without touching its password', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    await createUser({ email: invite.email, name: 'Nina Elsewhere' })
    const result = await testDb.$transaction((tx) => inviteMember(tx, ctx, invite))
    expect(result.newAccount).toBe(false)
    expect(await verifyCredentials(testDb, { email: invite.email, password: TEST_PASSWORD })).not.toBeNull()
    expect(await verifyCredentials(testDb, { email: invite.email, password: invite.password })).toBeNull()
  })

  it('refuses someone who is already a member, next to the email field, and writes nothing', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    await testDb.$transaction((tx) => inviteMember(tx, ctx, invite))
    const error = await testDb.$transaction((tx) => inviteMember(tx, ctx, { ...invite, role: 'SALES' })).catch((e: AppError) => e)
    expect(error).toBeInstanceOf(AppError)
    expect([(error as AppError).code, (error as AppError).field]).toEqual(['CONFLICT', 'email'])
    expect(await testDb.activityLog.count()).toBe(1)
    expect((await listMembers(testDb, ctx)).find((m) => m.email === invite.email)?.role).toBe('DELIVERY')
  })
})

describe('changeMemberRole', () => {
  it('changes the role and records from and to', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { membership } = await createMember(org, 'SALES')
    await testDb.$transaction((tx) => changeMemberRole(tx, ctx, { membershipId: membership.id, role: 'MANAGER' }))
    expect((await testDb.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('MANAGER')
    const entry = await testDb.activityLog.findFirstOrThrow({ where: { entityId: membership.id } })
    expect(entry.changes).toEqual({ role: { from: 'SALES', to: 'MANAGER' } })
  })

  it('answers 404 for a member of another organization and leaves them alone', async () => {
    const acme = await createOrg()
    const globex = await createOrg()
    const { ctx } = await createMember(acme, 'ADMIN')
    const { membership } = await createMember(globex, 'SALES')
    const error = await testDb.$transaction((tx) => changeMemberRole(tx, ctx, { membershipId: membership.id, role: 'ADMIN' })).catch((e: AppError) => e)
    expect((error as AppError).status).toBe(404)
    expect((await testDb.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('SALES')
  })

  it('never leaves the organization without an admin', async () => {
    const org = await createOrg()
    const { ctx, membership } = await createMember(org, 'ADMIN')
    const error = await testDb.$transaction((tx) => changeMemberRole(tx, ctx, { membershipId: membership.id, role: 'SALES' })).catch((e: AppError) => e)
    expect((error as AppError).code).toBe('CONFLICT')
    expect((await testDb.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('ADMIN')
  })

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const org = await createOrg()
    const a = await createMember(org, 'ADMIN')
    const b = await createMember(org, 'ADMIN')
    const results = await Promise.allSettled([
      testDb.$transaction((tx) => changeMemberRole(tx, a.ctx, { membershipId: b.membership.id, role: 'SALES' })),
      testDb.$transaction((tx) => changeMemberRole(tx, b.ctx, { membershipId: a.membership.id, role: 'SALES' })),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await testDb.membership.count({ where: { orgId: org.id, role: 'ADMIN' } })).toBe(1)
  })
})
