import 'server-only'
import { randomBytes } from 'node:crypto'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { can } from '@/lib/permissions'
import type { CreateEndpointInput, UpdateEndpointInput } from '@/lib/integration/webhooks.schema'

// Webhook endpoints (settings, ADMIN only) and their delivery log.

function assertAdmin(ctx: Ctx) {
  if (!can(ctx.role, 'org:manage')) throw new AppError('FORBIDDEN', 'Only an admin can manage webhooks.')
}

export const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`

const endpointSelect = { id: true, url: true, description: true, events: true, active: true, secret: true, createdAt: true } as const

export async function listEndpoints(db: Db, ctx: Ctx) {
  assertAdmin(ctx)
  const endpoints = await db.webhookEndpoint.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: 'asc' }, select: endpointSelect })
  const counts = await db.webhookDelivery.groupBy({ by: ['endpointId', 'status'], where: { orgId: ctx.orgId }, _count: { _all: true } })
  return endpoints.map((e) => ({
    ...e,
    counts: Object.fromEntries(counts.filter((c) => c.endpointId === e.id).map((c) => [c.status, c._count._all])) as Partial<Record<'PENDING' | 'SUCCEEDED' | 'FAILED', number>>,
  }))
}

export async function createEndpoint(db: Db, ctx: Ctx, input: CreateEndpointInput) {
  assertAdmin(ctx)
  const endpoint = await db.webhookEndpoint.create({
    data: { orgId: ctx.orgId, url: input.url, description: input.description, events: input.events, secret: newSecret(), createdById: ctx.userId },
    select: endpointSelect,
  })
  await logActivity(db, ctx, { entityType: 'webhook', entityId: endpoint.id, action: 'webhook.created', changes: { url: input.url, events: input.events } })
  return endpoint
}

async function findEndpoint(db: Db, ctx: Ctx, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, orgId: ctx.orgId }, select: endpointSelect })
  if (!endpoint) throw notFound('This webhook')
  return endpoint
}

export async function updateEndpoint(db: Db, ctx: Ctx, input: UpdateEndpointInput) {
  assertAdmin(ctx)
  const before = await findEndpoint(db, ctx, input.id)
  const active = input.active ?? before.active
  await db.webhookEndpoint.update({
    where: { id: before.id },
    data: { url: input.url, description: input.description, events: input.events, active, disabledAt: active ? null : before.active ? new Date() : undefined },
  })
  await logActivity(db, ctx, {
    entityType: 'webhook',
    entityId: before.id,
    action: 'webhook.updated',
    changes: { url: [before.url, input.url], events: [before.events, input.events], active: [before.active, active] },
  })
}

export async function rotateSecret(db: Db, ctx: Ctx, id: string) {
  assertAdmin(ctx)
  const endpoint = await findEndpoint(db, ctx, id)
  const secret = newSecret()
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } })
  await logActivity(db, ctx, { entityType: 'webhook', entityId: endpoint.id, action: 'webhook.secret_rotated' })
  return secret
}

export async function deleteEndpoint(db: Db, ctx: Ctx, id: string) {
  assertAdmin(ctx)
  const endpoint = await findEndpoint(db, ctx, id)
  await db.webhookEndpoint.delete({ where: { id: endpoint.id } })
  await logActivity(db, ctx, { entityType: 'webhook', entityId: endpoint.id, action: 'webhook.deleted', changes: { url: endpoint.url } })
}

/** The last deliveries of an endpoint, newest first. */
export async function listDeliveries(db: Db, ctx: Ctx, endpointId: string, take = 50) {
  assertAdmin(ctx)
  await findEndpoint(db, ctx, endpointId)
  return db.webhookDelivery.findMany({
    where: { orgId: ctx.orgId, endpointId },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, eventType: true, eventId: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
  })
}

/** Sends a delivery again (a failed one, or a succeeded one the receiver lost): a new series of attempts. */
export async function resendDelivery(db: Db, ctx: Ctx, id: string) {
  assertAdmin(ctx)
  const delivery = await db.webhookDelivery.findFirst({ where: { id, orgId: ctx.orgId }, select: { id: true, endpoint: { select: { active: true } } } })
  if (!delivery) throw notFound('This delivery')
  if (!delivery.endpoint.active) throw new AppError('CONFLICT', 'This endpoint is disabled: enable it before sending again.')
  await db.webhookDelivery.update({ where: { id }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null } })
  await logActivity(db, ctx, { entityType: 'webhook_delivery', entityId: id, action: 'webhook.resent' })
  return { id }
}
