import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { assertCanConfigure } from '@/lib/crm/stages'

const taken = new AppError('CONFLICT', 'That reason already exists.', 'label')

export async function addLostReason(db: Db, ctx: Ctx, input: { label: string }) {
  assertCanConfigure(ctx)
  const existing = await db.lostReason.findFirst({ where: { orgId: ctx.orgId, label: { equals: input.label, mode: 'insensitive' } }, select: { id: true, archivedAt: true } })
  if (existing && !existing.archivedAt) throw taken
  const last = await db.lostReason.aggregate({ where: { orgId: ctx.orgId }, _max: { position: true } })
  const reason = existing
    ? await db.lostReason.update({ where: { id: existing.id }, data: { archivedAt: null, label: input.label }, select: { id: true } })
    : await db.lostReason.create({ data: { orgId: ctx.orgId, label: input.label, position: (last._max.position ?? 0) + 1 }, select: { id: true } })
  await logActivity(db, ctx, { entityType: 'lost_reason', entityId: reason.id, action: 'lost_reason.added', changes: { label: input.label } })
  return reason
}

export async function renameLostReason(db: Db, ctx: Ctx, input: { lostReasonId: string; label: string }) {
  assertCanConfigure(ctx)
  const reason = await db.lostReason.findFirst({ where: { id: input.lostReasonId, orgId: ctx.orgId }, select: { id: true, label: true } })
  if (!reason) throw notFound('This lost reason')
  const clash = await db.lostReason.findFirst({ where: { orgId: ctx.orgId, label: { equals: input.label, mode: 'insensitive' }, id: { not: reason.id } }, select: { id: true } })
  if (clash) throw taken
  await db.lostReason.update({ where: { id: reason.id }, data: { label: input.label } })
  await logActivity(db, ctx, { entityType: 'lost_reason', entityId: reason.id, action: 'lost_reason.renamed', changes: { label: { from: reason.label, to: input.label } } })
}

/** Archived reasons stay on the deals that used them but are no longer offered. */
export async function archiveLostReason(db: Db, ctx: Ctx, input: { lostReasonId: string }) {
  assertCanConfigure(ctx)
  const reason = await db.lostReason.findFirst({ where: { id: input.lostReasonId, orgId: ctx.orgId, archivedAt: null }, select: { id: true } })
  if (!reason) throw notFound('This lost reason')
  const remaining = await db.lostReason.count({ where: { orgId: ctx.orgId, archivedAt: null } })
  if (remaining <= 1) throw new AppError('INVALID', 'Keep at least one lost reason: losing a deal requires one.')
  await db.lostReason.update({ where: { id: reason.id }, data: { archivedAt: new Date() } })
  await logActivity(db, ctx, { entityType: 'lost_reason', entityId: reason.id, action: 'lost_reason.archived' })
}
