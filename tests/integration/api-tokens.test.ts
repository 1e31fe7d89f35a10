import { describe, expect, it } from 'vitest'
import { withIdempotency } from '@/lib/api/idempotency'
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from '@/lib/integration/api-tokens'
import { createMember, createOrg } from '../factories'
import { testDb } from '../setup/db'

const bearer = (token: string) => `Bearer ${token}`

describe('personal API tokens', () => {
  it('act as their user with the role they have now, until revoked', async () => {
    const org = await createOrg()
    const rep = await createMember(org, 'SALES')
    const { token, prefix } = await createApiToken(testDb, rep.ctx, { name: 'Zapier', expiresIn: '90' })
    expect(token).toMatch(/^baton_[A-Za-z0-9_-]{43}$/)
    expect(token.startsWith(prefix)).toBe(true)
    // only a fingerprint is stored
    const stored = await testDb.apiToken.findFirstOrThrow({ where: { userId: rep.user.id } })
    expect(JSON.stringify(stored)).not.toContain(token.slice(6))

    expect(await authenticateApiToken(testDb, bearer(token))).toMatchObject({ ctx: { orgId: org.id, userId: rep.user.id, role: 'SALES' }, org: { slug: org.slug } })
    await testDb.membership.update({ where: { id: rep.membership.id }, data: { role: 'MANAGER' } })
    expect((await authenticateApiToken(testDb, bearer(token)))?.ctx.role).toBe('MANAGER')
    expect((await listApiTokens(testDb, rep.ctx))[0]!.lastUsedAt).not.toBeNull()

    await revokeApiToken(testDb, rep.ctx, stored.id)
    expect(await authenticateApiToken(testDb, bearer(token))).toBeNull()
  })

  it('are refused when unknown, malformed, expired, or their user left the organization', async () => {
    const org = await createOrg()
    const rep = await createMember(org, 'SALES')
    const { token } = await createApiToken(testDb, rep.ctx, { name: 'Short', expiresIn: '30' })
    expect(await authenticateApiToken(testDb, null)).toBeNull()
    expect(await authenticateApiToken(testDb, token)).toBeNull() // no "Bearer"
    expect(await authenticateApiToken(testDb, bearer(`${token.slice(0, -1)}x`))).toBeNull()
    expect(await authenticateApiToken(testDb, bearer(token), new Date(Date.now() + 31 * 24 * 60 * 60 * 1000))).toBeNull()
    await testDb.membership.delete({ where: { id: rep.membership.id } })
    expect(await authenticateApiToken(testDb, bearer(token))).toBeNull()
  })

  it('cannot be revoked by someone else', async () => {
    const org = await createOrg()
    const rep = await createMember(org, 'SALES')
    const admin = await createMember(org, 'ADMIN')
    const created = await createApiToken(testDb, rep.ctx, { name: 'Mine', expiresIn: 'never' })
    await expect(revokeApiToken(testDb, admin.ctx, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('Idempotency-Key', () => {
  it('replays the first answer to a key and refuses the key for another request', async () => {
    const org = await createOrg()
    const rep = await createMember(org, 'SALES')
    const caller = { ctx: rep.ctx, tokenId: 'x', org: { id: org.id, slug: org.slug, currency: 'EUR', timeZone: 'Europe/Berlin' } }
    let runs = 0
    const run = async () => ({ status: 200, body: { project: `p${++runs}` } })
    const first = await withIdempotency(testDb, caller, 'key-1', 'POST /api/v1/deals/a/win', run)
    const again = await withIdempotency(testDb, caller, 'key-1', 'POST /api/v1/deals/a/win', run)
    expect(first).toEqual({ status: 200, body: { project: 'p1' }, replayed: false })
    expect(again).toEqual({ status: 200, body: { project: 'p1' }, replayed: true })
    expect(runs).toBe(1)
    await expect(withIdempotency(testDb, caller, 'key-1', 'POST /api/v1/deals/b/win', run)).rejects.toMatchObject({ code: 'CONFLICT' })
    // without a key, every call runs
    await withIdempotency(testDb, caller, null, 'POST /api/v1/deals/a/win', run)
    expect(runs).toBe(2)
    // a 5xx is not kept: the retry runs
    const failing = async () => ({ status: 500, body: { error: 'x' } })
    await withIdempotency(testDb, caller, 'key-2', 'POST /api/v1/deals/a/win', failing)
    expect((await withIdempotency(testDb, caller, 'key-2', 'POST /api/v1/deals/a/win', run)).replayed).toBe(false)
  })
})
