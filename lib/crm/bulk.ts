import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'
import { canEditDeal } from '@/lib/crm/deal-access'
import { changeDealStage } from '@/lib/handoff/change-stage'
import { canAssignOwner, canEditRecord } from '@/lib/crm/record-access'
import { ownerNameFor } from '@/lib/crm/record-owner'
import type { BulkIdsInput, BulkMoveInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'

// Bulk actions of the list views: all or nothing, in the caller's transaction, one audit
// entry per record. Every id must belong to this organization (else NOT_FOUND, as for one
// record), and the viewer must be allowed to change every one of them (else FORBIDDEN).

export type BulkEntity = 'company' | 'contact' | 'deal'
export type BulkResult = { count: number }

type Target = { id: string; ownerId: string | null; ownerName: string | null; name: string; deletedAt: Date | null; unique: string | null }

const plural: Record<BulkEntity, string> = { company: 'companies', contact: 'contacts', deal: 'deals' }

async function loadTargets(db: Db, ctx: Ctx, entity: BulkEntity, ids: string[]): Promise<Target[]> {
  const where = { id: { in: ids }, orgId: ctx.orgId }
  let rows: Target[]
  if (entity === 'company') {
    const found = await db.company.findMany({ where, select: { id: true, name: true, domain: true, deletedAt: true, ownerId: true, owner: { select: { name: true } } } })
    rows = found.map((r) => ({ id: r.id, ownerId: r.ownerId, ownerName: r.owner?.name ?? null, name: r.name, deletedAt: r.deletedAt, unique: r.domain }))
  } else if (entity === 'contact') {
    const found = await db.contact.findMany({ where, select: { id: true, firstName: true, lastName: true, email: true, deletedAt: true, ownerId: true, owner: { select: { name: true } } } })
    rows = found.map((r) => ({ id: r.id, ownerId: r.ownerId, ownerName: r.owner?.name ?? null, name: `${r.firstName} ${r.lastName}`.trim(), deletedAt: r.deletedAt, unique: r.email }))
  } else {
    const found = await db.deal.findMany({ where, select: { id: true, title: true, deletedAt: true, ownerId: true, owner: { select: { name: true } } } })
    rows = found.map((r) => ({ id: r.id, ownerId: r.ownerId, ownerName: r.owner.name, name: r.title, deletedAt: r.deletedAt, unique: null }))
  }
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND', `Some of the selected ${plural[entity]} were not found. Reload the list and try again.`)
  return rows
}

function assertCanEditAll(ctx: Ctx, entity: BulkEntity, rows: Target[]) {
  const allowed = (r: Target) => (entity === 'deal' ? canEditDeal(ctx, { ownerId: r.ownerId ?? '' }) : canEditRecord(ctx, r))
  const refused = rows.filter((r) => !allowed(r))
  if (refused.length === 0) return
  if (ctx.role !== 'SALES') throw new AppError('FORBIDDEN', 'Your role can read the CRM but not change it.')
  const rule = entity === 'deal' ? 'deals you own' : `${plural[entity]} you own or that have no owner`
  throw new AppError('FORBIDDEN', `You can only change ${rule}; ${refused.length} of the selected ${refused.length === 1 ? 'is' : 'are'} someone else’s. Nothing was changed.`)
}

async function log(db: Db, ctx: Ctx, entity: BulkEntity, action: string, entries: { id: string; changes: Prisma.InputJsonObject }[]) {
  await db.activityLog.createMany({
    data: entries.map((e) => ({ orgId: ctx.orgId, actorId: ctx.userId, entityType: entity, entityId: e.id, action: `${entity}.${action}`, changes: e.changes })),
  })
}

/** Moves the selected records to the trash (those already there are left as they are). */
export async function bulkDelete(db: Db, ctx: Ctx, entity: BulkEntity, input: BulkIdsInput): Promise<BulkResult> {
  const rows = await loadTargets(db, ctx, entity, input.ids)
  assertCanEditAll(ctx, entity, rows)
  const live = rows.filter((r) => !r.deletedAt)
  const ids = live.map((r) => r.id)
  const where = { id: { in: ids }, orgId: ctx.orgId, deletedAt: null }
  const now = new Date()
  if (entity === 'company') await db.company.updateMany({ where, data: { deletedAt: now } })
  else if (entity === 'contact') await db.contact.updateMany({ where, data: { deletedAt: now } })
  else await db.deal.updateMany({ where, data: { deletedAt: now, version: { increment: 1 } } })
  await log(db, ctx, entity, 'deleted', live.map((r) => ({ id: r.id, changes: { name: r.name } })))
  return { count: live.length }
}

/**
 * Brings the selected records back from the trash. A company whose domain (a contact whose
 * email) a live record took meanwhile, or two selected ones sharing one, stop the whole restore.
 */
export async function bulkRestore(db: Db, ctx: Ctx, entity: BulkEntity, input: BulkIdsInput): Promise<BulkResult> {
  const rows = await loadTargets(db, ctx, entity, input.ids)
  assertCanEditAll(ctx, entity, rows)
  const deleted = rows.filter((r) => r.deletedAt)
  const ids = deleted.map((r) => r.id)
  await assertUniqueOnRestore(db, ctx, entity, deleted)
  const where = { id: { in: ids }, orgId: ctx.orgId, deletedAt: { not: null } }
  if (entity === 'company') await db.company.updateMany({ where, data: { deletedAt: null } })
  else if (entity === 'contact') await db.contact.updateMany({ where, data: { deletedAt: null } })
  else await db.deal.updateMany({ where, data: { deletedAt: null, version: { increment: 1 } } })
  await log(db, ctx, entity, 'restored', deleted.map((r) => ({ id: r.id, changes: { name: r.name } })))
  return { count: deleted.length }
}

async function assertUniqueOnRestore(db: Db, ctx: Ctx, entity: BulkEntity, rows: Target[]) {
  if (entity === 'deal') return
  const field = entity === 'company' ? 'domain' : 'email'
  const values = rows.map((r) => r.unique?.toLowerCase()).filter((v): v is string => Boolean(v))
  const twice = values.find((v, i) => values.indexOf(v) !== i)
  if (twice) throw new AppError('CONFLICT', `Two of the selected ${plural[entity]} use ${twice}; restore one of them.`, field)
  if (values.length === 0) return
  const taken =
    entity === 'company'
      ? await db.$queryRaw<{ value: string; name: string }[]>`
          SELECT lower(domain) AS value, name FROM company
          WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND lower(domain) = ANY(${values}::text[]) LIMIT 1`
      : await db.$queryRaw<{ value: string; name: string }[]>`
          SELECT lower(email) AS value, trim(first_name || ' ' || last_name) AS name FROM contact
          WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND lower(email) = ANY(${values}::text[]) LIMIT 1`
  const clash = taken[0]
  if (clash) throw new AppError('CONFLICT', `They cannot be restored: ${clash.value} already belongs to “${clash.name}”. Nothing was restored.`, field)
}

/**
 * Gives the selected records a new owner. Companies and contacts follow the record rules (a
 * rep claims or releases, managers reassign); a deal always has an owner and only a manager or
 * an admin reassigns deals.
 */
export async function bulkChangeOwner(db: Db, ctx: Ctx, entity: BulkEntity, input: BulkOwnerInput): Promise<BulkResult> {
  const rows = await loadTargets(db, ctx, entity, input.ids)
  if (rows.some((r) => r.deletedAt)) throw new AppError('INVALID', `Restore the ${plural[entity]} in the trash before changing them.`)
  assertCanEditAll(ctx, entity, rows)
  const ownerId = input.ownerId
  if (entity === 'deal') {
    if (ctx.role === 'SALES') throw new AppError('FORBIDDEN', 'Only a manager or an admin can reassign deals.', 'ownerId')
    if (!ownerId) throw new AppError('INVALID', 'A deal always has an owner: choose one.', 'ownerId')
  } else if (!canAssignOwner(ctx, ownerId)) {
    throw new AppError('FORBIDDEN', 'Only a manager or an admin can give records to someone else.', 'ownerId')
  }
  const toName = ownerId ? await ownerNameFor(db, ctx, ownerId) : null
  const changing = rows.filter((r) => r.ownerId !== ownerId)
  const where = { id: { in: changing.map((r) => r.id) }, orgId: ctx.orgId, deletedAt: null }
  if (entity === 'company') await db.company.updateMany({ where, data: { ownerId } })
  else if (entity === 'contact') await db.contact.updateMany({ where, data: { ownerId } })
  else await db.deal.updateMany({ where, data: { ownerId: ownerId!, version: { increment: 1 } } })
  await log(
    db,
    ctx,
    entity,
    'updated',
    changing.map((r) => ({ id: r.id, changes: { owner: { from: r.ownerName, to: toName }, ownerId: { from: r.ownerId, to: ownerId } } })),
  )
  return { count: changing.length }
}

/**
 * Moves the selected deals to a stage of their pipeline through changeDealStage (the same rules
 * as the board: permissions, status and probability, closedAt, the lost reason a Lost stage
 * needs; a Won stage builds each deal's project, leaving Won puts it on hold).
 * Deals already in the stage stay where they are.
 */
export async function bulkMoveDeals(db: Db, ctx: Ctx, input: BulkMoveInput): Promise<BulkResult> {
  const stage = await db.pipelineStage.findFirst({ where: { id: input.stageId, orgId: ctx.orgId }, select: { id: true, kind: true, pipelineId: true, name: true } })
  if (!stage) throw new AppError('NOT_FOUND', 'That stage was not found.', 'stageId')
  if (stage.kind === 'LOST' && !input.lostReasonId) throw new AppError('INVALID', 'Choose why the deals were lost.', 'lostReasonId')
  const deals = await db.deal.findMany({
    where: { id: { in: input.ids }, orgId: ctx.orgId },
    select: { id: true, ownerId: true, version: true, stageId: true, pipelineId: true, deletedAt: true, title: true },
    orderBy: { id: 'asc' },
  })
  if (deals.length !== input.ids.length) throw new AppError('NOT_FOUND', 'Some of the selected deals were not found. Reload the list and try again.')
  if (deals.some((d) => d.deletedAt)) throw new AppError('INVALID', 'Restore the deals in the trash before moving them.')
  assertCanEditAll(ctx, 'deal', deals.map((d) => ({ id: d.id, ownerId: d.ownerId, ownerName: null, name: d.title, deletedAt: null, unique: null })))
  const elsewhere = deals.filter((d) => d.pipelineId !== stage.pipelineId).length
  if (elsewhere > 0) {
    throw new AppError('INVALID', `${elsewhere} of the selected deals ${elsewhere === 1 ? 'is' : 'are'} in another pipeline than “${stage.name}”. Filter the list by pipeline first.`, 'stageId')
  }
  const moving = deals.filter((d) => d.stageId !== stage.id)
  for (const deal of moving) {
    await changeDealStage(db, ctx, { dealId: deal.id, stageId: stage.id, version: deal.version, lostReasonId: input.lostReasonId, lostNote: input.lostNote })
  }
  return { count: moving.length }
}
