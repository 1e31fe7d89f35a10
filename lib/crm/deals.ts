import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DealStatus, StageKind } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { fromDay, toDay } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { parseMoney } from '@/lib/money'
import { can } from '@/lib/permissions'
import { assertCanEditDeal, assertCanWriteCrm } from '@/lib/crm/deal-access'
import type { CreateDealInput, MoveDealInput, UpdateDealInput } from '@/lib/crm/deals.schema'

const GAP = 1024
const MIN_GAP = 1e-6

const statusOf: Record<StageKind, DealStatus> = { OPEN: 'OPEN', WON: 'WON', LOST: 'LOST' }

/** Checks that every id in the input belongs to this organization; 404 otherwise. */
async function assertInOrg(db: Db, ctx: Ctx, ids: { ownerId?: string; companyId?: string }) {
  if (ids.ownerId) {
    const member = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId: ids.ownerId }, select: { id: true } })
    if (!member) throw new AppError('NOT_FOUND', 'That owner is not a member of this organization.', 'ownerId')
  }
  if (ids.companyId) {
    const company = await db.company.findFirst({ where: { id: ids.companyId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } })
    if (!company) throw new AppError('NOT_FOUND', 'That company was not found.', 'companyId')
  }
}

/** Top of a stage's column. */
async function topPosition(db: Db, ctx: Ctx, stageId: string): Promise<number> {
  const first = await db.deal.findFirst({
    where: { orgId: ctx.orgId, stageId, deletedAt: null },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { position: true },
  })
  return first ? first.position - GAP : GAP
}

/** Renumbers a column with even gaps, keeping its order (rare: when two cards get too close). */
async function rebalanceStage(db: Db, ctx: Ctx, stageId: string) {
  await db.$executeRaw`
    UPDATE deal SET position = ranked.rn * ${GAP}
    FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn
          FROM deal WHERE org_id = ${ctx.orgId}::uuid AND stage_id = ${stageId}::uuid AND deleted_at IS NULL) ranked
    WHERE deal.id = ranked.id`
}

/** A position between the cards a deal was dropped between. Stale neighbours are ignored. */
export async function positionBetween(db: Db, ctx: Ctx, stageId: string, dealId: string, afterId?: string, beforeId?: string): Promise<number> {
  const ids = [afterId, beforeId].filter((id): id is string => Boolean(id) && id !== dealId)
  const neighbours = ids.length
    ? await db.deal.findMany({ where: { id: { in: ids }, orgId: ctx.orgId, stageId, deletedAt: null }, select: { id: true, position: true } })
    : []
  const after = neighbours.find((n) => n.id === afterId)?.position
  const before = neighbours.find((n) => n.id === beforeId)?.position
  if (after !== undefined && before !== undefined) {
    if (before - after > MIN_GAP) return (after + before) / 2
    await rebalanceStage(db, ctx, stageId)
    return positionBetween(db, ctx, stageId, dealId, afterId, beforeId)
  }
  if (after !== undefined) return after + GAP
  if (before !== undefined) return before - GAP
  return topPosition(db, ctx, stageId)
}

export async function createDeal(db: Db, ctx: Ctx, input: CreateDealInput) {
  assertCanWriteCrm(ctx)
  const ownerId = input.ownerId ?? ctx.userId
  if (ctx.role === 'SALES' && ownerId !== ctx.userId) throw new AppError('FORBIDDEN', 'You can only create deals you own.', 'ownerId')
  await assertInOrg(db, ctx, { ownerId, companyId: input.companyId })

  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })
  const amount = input.amount ? parseMoney(input.amount, org.currency) : ({ ok: true, minor: 0n } as const)
  if (!amount.ok) throw new AppError('INVALID', amount.error, 'amount')

  const stage = await db.pipelineStage.findFirst({
    where: { orgId: ctx.orgId, pipelineId: input.pipelineId, ...(input.stageId ? { id: input.stageId } : { kind: 'OPEN' }) },
    orderBy: { position: 'asc' },
    select: { id: true, kind: true, probability: true },
  })
  if (!stage) throw new AppError('NOT_FOUND', 'That pipeline or stage was not found.', input.stageId ? 'stageId' : 'pipelineId')
  if (stage.kind === 'LOST') throw new AppError('INVALID', 'Create the deal in an open stage; mark it lost from the board.', 'stageId')

  const deal = await db.deal.create({
    data: {
      orgId: ctx.orgId,
      title: input.title,
      amountMinor: amount.minor,
      currency: org.currency,
      pipelineId: input.pipelineId,
      stageId: stage.id,
      status: statusOf[stage.kind],
      probability: stage.probability,
      expectedCloseOn: input.expectedCloseOn ? fromDay(input.expectedCloseOn) : null,
      closedAt: stage.kind === 'WON' ? new Date() : null,
      ownerId,
      companyId: input.companyId ?? null,
      dealType: input.dealType,
      commitments: input.commitments ?? null,
      position: await topPosition(db, ctx, stage.id),
    },
    select: { id: true, title: true },
  })
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: 'deal.created',
    changes: { title: input.title, amountMinor: amount.minor.toString(), stageId: stage.id },
  })
  return deal
}

export type MovedDeal = {
  id: string
  stageId: string
  position: number
  version: number
  status: DealStatus
  /** the status before the move (the handoff reacts when a deal leaves WON) */
  previousStatus: DealStatus
  probability: number
}

/**
 * Moves a deal to a stage and a place in its column, with optimistic concurrency:
 * the version the user saw must still be the current one. Entering a Lost stage needs a
 * lost reason. Run in a transaction (it may renumber a column and writes the audit entry).
 */
export async function moveDeal(db: Db, ctx: Ctx, input: MoveDealInput): Promise<MovedDeal> {
  const deal = await db.deal.findFirst({
    where: { id: input.dealId, orgId: ctx.orgId, deletedAt: null },
    select: {
      id: true,
      ownerId: true,
      version: true,
      pipelineId: true,
      stageId: true,
      status: true,
      probability: true,
      probabilityOverridden: true,
      stage: { select: { name: true } },
    },
  })
  if (!deal) throw notFound('This deal')
  assertCanEditDeal(ctx, deal)
  const conflict = new AppError('CONFLICT', 'Someone else changed this deal a moment ago. The board now shows its latest state; try again.')
  if (deal.version !== input.version) throw conflict

  const stage = await db.pipelineStage.findFirst({
    where: { id: input.stageId, orgId: ctx.orgId, pipelineId: deal.pipelineId },
    select: { id: true, name: true, kind: true, probability: true },
  })
  if (!stage) throw notFound('This stage')
  const stageChanged = stage.id !== deal.stageId

  let lostReasonId: string | null | undefined
  if (stageChanged && stage.kind === 'LOST') {
    if (!input.lostReasonId) throw new AppError('INVALID', 'Choose why the deal was lost.', 'lostReasonId')
    const reason = await db.lostReason.findFirst({ where: { id: input.lostReasonId, orgId: ctx.orgId }, select: { id: true } })
    if (!reason) throw new AppError('NOT_FOUND', 'That lost reason was not found.', 'lostReasonId')
    lostReasonId = reason.id
  }

  const position = await positionBetween(db, ctx, stage.id, deal.id, input.afterId, input.beforeId)
  const status = statusOf[stage.kind]
  const probability = !stageChanged
    ? deal.probability
    : stage.kind !== 'OPEN' || !deal.probabilityOverridden
      ? stage.probability
      : deal.probability
  const now = new Date()

  const updated = await db.deal.updateMany({
    where: { id: deal.id, orgId: ctx.orgId, version: input.version },
    data: {
      position,
      version: { increment: 1 },
      ...(stageChanged
        ? {
            stageId: stage.id,
            status,
            probability,
            stageEnteredAt: now,
            closedAt: status === 'OPEN' ? null : deal.status === status ? undefined : now,
            lostReasonId: status === 'LOST' ? lostReasonId : null,
            lostNote: status === 'LOST' ? (input.lostNote ?? null) : null,
          }
        : {}),
    },
  })
  if (updated.count === 0) throw conflict

  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: stageChanged ? 'deal.stage_changed' : 'deal.reordered',
    changes: stageChanged
      ? {
          stage: { from: deal.stage.name, to: stage.name },
          stageId: { from: deal.stageId, to: stage.id },
          ...(deal.status !== status ? { status: { from: deal.status, to: status } } : {}),
          ...(lostReasonId ? { lostReasonId, lostNote: input.lostNote ?? null } : {}),
        }
      : { position },
  })
  return { id: deal.id, stageId: stage.id, position, version: input.version + 1, status, previousStatus: deal.status, probability }
}

export type UpdatedDeal = { id: string; version: number; changed: string[] }

type FieldChange = { from: string | number | null; to: string | number | null }

/**
 * Edits a deal's fields with optimistic concurrency: the version the user saw must still be
 * the current one. Writes `deal.updated` with `{field: {from, to}}` (owner and company also by
 * name). The amount is read-only while the deal has line items (it is their sum). SALES edit
 * the deals they own and cannot reassign them; MANAGER and ADMIN can. A probability sets the
 * per-deal override; an empty one returns to the stage's default. Run in a transaction.
 */
export async function updateDeal(db: Db, ctx: Ctx, input: UpdateDealInput): Promise<UpdatedDeal> {
  const deal = await db.deal.findFirst({
    where: { id: input.dealId, orgId: ctx.orgId, deletedAt: null },
    select: {
      id: true,
      version: true,
      title: true,
      amountMinor: true,
      currency: true,
      status: true,
      probability: true,
      probabilityOverridden: true,
      expectedCloseOn: true,
      ownerId: true,
      companyId: true,
      dealType: true,
      commitments: true,
      stage: { select: { probability: true } },
      owner: { select: { name: true } },
      company: { select: { name: true } },
      _count: { select: { lineItems: true } },
    },
  })
  if (!deal) throw notFound('This deal')
  assertCanEditDeal(ctx, deal)
  const conflict = new AppError('CONFLICT', 'Someone else changed this deal a moment ago. Reload the page to see their change, then try again.')
  if (deal.version !== input.version) throw conflict

  const data: Prisma.DealUncheckedUpdateManyInput = {}
  const changes: Record<string, FieldChange> = {}
  const set = <K extends keyof Prisma.DealUncheckedUpdateManyInput>(key: K, value: Prisma.DealUncheckedUpdateManyInput[K]) => {
    data[key] = value
  }

  if (input.title !== undefined && input.title !== deal.title) {
    set('title', input.title)
    changes.title = { from: deal.title, to: input.title }
  }
  if (input.amount !== undefined) {
    const amount = parseMoney(input.amount === '' ? '0' : input.amount, deal.currency.trim())
    if (!amount.ok) throw new AppError('INVALID', amount.error, 'amount')
    if (amount.minor !== deal.amountMinor) {
      if (deal._count.lineItems > 0) throw new AppError('INVALID', 'The amount is the sum of the line items; change those instead.', 'amount')
      set('amountMinor', amount.minor)
      changes.amountMinor = { from: deal.amountMinor.toString(), to: amount.minor.toString() }
    }
  }
  if (input.ownerId !== undefined && input.ownerId !== deal.ownerId) {
    if (ctx.role === 'SALES') throw new AppError('FORBIDDEN', 'Only a manager or an admin can reassign a deal.', 'ownerId')
    const owner = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId: input.ownerId }, select: { role: true, user: { select: { name: true } } } })
    if (!owner) throw new AppError('NOT_FOUND', 'That owner is not a member of this organization.', 'ownerId')
    if (!can(owner.role, 'crm:write')) throw new AppError('INVALID', 'That person cannot own deals; choose someone in sales.', 'ownerId')
    set('ownerId', input.ownerId)
    changes.owner = { from: deal.owner.name, to: owner.user.name }
    changes.ownerId = { from: deal.ownerId, to: input.ownerId }
  }
  if (input.companyId !== undefined && input.companyId !== deal.companyId) {
    const company = input.companyId
      ? await db.company.findFirst({ where: { id: input.companyId, orgId: ctx.orgId, deletedAt: null }, select: { name: true } })
      : null
    if (input.companyId && !company) throw new AppError('NOT_FOUND', 'That company was not found.', 'companyId')
    set('companyId', input.companyId)
    changes.company = { from: deal.company?.name ?? null, to: company?.name ?? null }
    changes.companyId = { from: deal.companyId, to: input.companyId }
  }
  if (input.expectedCloseOn !== undefined) {
    const from = deal.expectedCloseOn ? toDay(deal.expectedCloseOn) : null
    if (input.expectedCloseOn !== from) {
      set('expectedCloseOn', input.expectedCloseOn ? fromDay(input.expectedCloseOn) : null)
      changes.expectedCloseOn = { from, to: input.expectedCloseOn }
    }
  }
  if (input.probability !== undefined) {
    if (deal.status !== 'OPEN') throw new AppError('INVALID', 'A closed deal’s probability follows its stage.', 'probability')
    const overridden = input.probability !== null
    const probability = input.probability ?? deal.stage.probability
    if (probability !== deal.probability || overridden !== deal.probabilityOverridden) {
      set('probability', probability)
      set('probabilityOverridden', overridden)
      changes.probability = { from: deal.probability, to: probability }
    }
  }
  if (input.dealType !== undefined && input.dealType !== deal.dealType) {
    set('dealType', input.dealType)
    changes.dealType = { from: deal.dealType, to: input.dealType }
  }
  if (input.commitments !== undefined && (input.commitments ?? null) !== deal.commitments) {
    set('commitments', input.commitments)
    changes.commitments = { from: deal.commitments, to: input.commitments ?? null }
  }

  if (Object.keys(data).length === 0) return { id: deal.id, version: deal.version, changed: [] }
  const updated = await db.deal.updateMany({
    where: { id: deal.id, orgId: ctx.orgId, version: input.version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  })
  if (updated.count === 0) throw conflict
  await logActivity(db, ctx, { entityType: 'deal', entityId: deal.id, action: 'deal.updated', changes })
  return { id: deal.id, version: input.version + 1, changed: Object.keys(data) }
}
