import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { notFound } from '@/lib/errors'
import type { Role } from '@/lib/generated/prisma/enums'
import type { CreateApiTokenInput } from '@/lib/integration/api-tokens.schema'

// Personal API tokens. A token is 32 random bytes ("baton_" + base64url), shown once; only its
// SHA-256 is stored (a slow password hash buys nothing for a random 256-bit secret, and the
// lookup must be fast on every request). It acts as its user, in its organization, with the
// role the user has *now*: removing someone from the organization disables their tokens.

const PREFIX = 'baton_'
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createApiToken(db: Db, ctx: Ctx, input: CreateApiTokenInput) {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const expiresAt = input.expiresIn === 'never' ? null : new Date(Date.now() + Number(input.expiresIn) * 24 * 60 * 60 * 1000)
  const row = await db.apiToken.create({
    data: { orgId: ctx.orgId, userId: ctx.userId, name: input.name, prefix: token.slice(0, PREFIX.length + 6), tokenHash: hashToken(token), expiresAt },
    select: { id: true, name: true, prefix: true, expiresAt: true },
  })
  await logActivity(db, ctx, { entityType: 'api_token', entityId: row.id, action: 'api_token.created', changes: { name: input.name } })
  return { ...row, token }
}

/** The caller's own tokens, newest first (revoked ones too, marked). */
export async function listApiTokens(db: Db, ctx: Ctx) {
  return db.apiToken.findMany({
    where: { orgId: ctx.orgId, userId: ctx.userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  })
}

export async function revokeApiToken(db: Db, ctx: Ctx, id: string) {
  const token = await db.apiToken.findFirst({ where: { id, orgId: ctx.orgId, userId: ctx.userId }, select: { id: true, name: true, revokedAt: true } })
  if (!token) throw notFound('This token')
  if (token.revokedAt) return
  await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } })
  await logActivity(db, ctx, { entityType: 'api_token', entityId: id, action: 'api_token.revoked', changes: { name: token.name } })
}

export type ApiCaller = { ctx: Ctx; tokenId: string; org: { id: string; slug: string; currency: string; timeZone: string } }

/** Who an `Authorization: Bearer baton_…` header belongs to, or null (missing, unknown, revoked, expired, or no longer a member). */
export async function authenticateApiToken(db: Db, authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(baton_[A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? '')
  if (!match) return null
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, orgId: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true, org: { select: { id: true, slug: true, currency: true, timeZone: true } } },
  })
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null
  const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId: token.orgId, userId: token.userId } }, select: { role: true } })
  if (!membership) return null
  // "last used" to the minute: no write on every request of a busy integration
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } })
  }
  const role: Role = membership.role
  return { ctx: { orgId: token.orgId, userId: token.userId, role }, tokenId: token.id, org: { ...token.org, currency: token.org.currency.trim() } }
}
