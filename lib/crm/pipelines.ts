import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { ForecastCategory, StageKind } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'

export type StageSpec = { name: string; probability: number; kind: StageKind; forecastCategory: ForecastCategory }

/** The stages a new pipeline starts with (Salesforce-like defaults, editable in settings). */
export const DEFAULT_STAGES: StageSpec[] = [
  { name: 'Lead in', probability: 10, kind: 'OPEN', forecastCategory: 'PIPELINE' },
  { name: 'Qualified', probability: 25, kind: 'OPEN', forecastCategory: 'PIPELINE' },
  { name: 'Proposal', probability: 50, kind: 'OPEN', forecastCategory: 'BEST_CASE' },
  { name: 'Negotiation', probability: 75, kind: 'OPEN', forecastCategory: 'COMMIT' },
  { name: 'Won', probability: 100, kind: 'WON', forecastCategory: 'CLOSED' },
  { name: 'Lost', probability: 0, kind: 'LOST', forecastCategory: 'OMITTED' },
]

export const DEFAULT_LOST_REASONS = ['Price', 'Chose a competitor', 'No budget', 'No decision', 'Timing', 'Missing feature']

/** Exactly one WON stage and at least one LOST stage; the message says what is wrong. */
export function checkStageKinds(kinds: StageKind[]): string | null {
  const won = kinds.filter((k) => k === 'WON').length
  if (won !== 1) return won === 0 ? 'A pipeline needs a Won stage.' : 'A pipeline has exactly one Won stage.'
  if (!kinds.includes('LOST')) return 'A pipeline needs at least one Lost stage.'
  if (!kinds.includes('OPEN')) return 'A pipeline needs at least one open stage.'
  return null
}

export type StageDto = { id: string; name: string; position: number; probability: number; kind: StageKind; forecastCategory: ForecastCategory }
export type PipelineDto = { id: string; name: string; isDefault: boolean; stages: StageDto[] }

const stageSelect = { id: true, name: true, position: true, probability: true, kind: true, forecastCategory: true } as const

export async function listPipelines(db: Db, ctx: Ctx): Promise<PipelineDto[]> {
  return db.pipeline.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ isDefault: 'desc' }, { position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, isDefault: true, stages: { select: stageSelect, orderBy: { position: 'asc' } } },
  })
}

/** The pipeline with this id, or the default one when no id is given. */
export async function getPipeline(db: Db, ctx: Ctx, pipelineId?: string): Promise<PipelineDto> {
  const pipeline = await db.pipeline.findFirst({
    where: pipelineId ? { id: pipelineId, orgId: ctx.orgId } : { orgId: ctx.orgId },
    orderBy: [{ isDefault: 'desc' }, { position: 'asc' }],
    select: { id: true, name: true, isDefault: true, stages: { select: stageSelect, orderBy: { position: 'asc' } } },
  })
  if (!pipeline) throw notFound('This pipeline')
  return pipeline
}

/** Creates a pipeline with its stages (defaults unless given). Run in a transaction. */
export async function createPipeline(db: Db, ctx: Ctx, input: { name: string; isDefault?: boolean; stages?: StageSpec[] }) {
  const stages = input.stages ?? DEFAULT_STAGES
  const problem = checkStageKinds(stages.map((s) => s.kind))
  if (problem) throw new AppError('INVALID', problem)
  const hasDefault = (await db.pipeline.count({ where: { orgId: ctx.orgId, isDefault: true } })) > 0
  if (input.isDefault && hasDefault) await db.pipeline.updateMany({ where: { orgId: ctx.orgId, isDefault: true }, data: { isDefault: false } })
  const count = await db.pipeline.count({ where: { orgId: ctx.orgId } })
  const clash = await db.pipeline.findFirst({ where: { orgId: ctx.orgId, name: { equals: input.name, mode: 'insensitive' } }, select: { id: true } })
  if (clash) throw new AppError('CONFLICT', 'Another pipeline already has that name.', 'name')
  const pipeline = await db.pipeline.create({
    data: { orgId: ctx.orgId, name: input.name, isDefault: input.isDefault ?? !hasDefault, position: count * 1024 },
    select: { id: true },
  })
  await db.pipelineStage.createMany({
    data: stages.map((stage, i) => ({ ...stage, orgId: ctx.orgId, pipelineId: pipeline.id, position: (i + 1) * 1024 })),
  })
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: pipeline.id, action: 'pipeline.created', changes: { name: input.name } })
  return pipeline
}

export async function listLostReasons(db: Db, ctx: Ctx) {
  return db.lostReason.findMany({
    where: { orgId: ctx.orgId, archivedAt: null },
    orderBy: [{ position: 'asc' }, { label: 'asc' }],
    select: { id: true, label: true },
  })
}

export async function createDefaultLostReasons(db: Db, ctx: Ctx) {
  await db.lostReason.createMany({
    data: DEFAULT_LOST_REASONS.map((label, i) => ({ orgId: ctx.orgId, label, position: i })),
    skipDuplicates: true,
  })
}

/** What a new organization starts with: the default pipeline and lost reasons. Idempotent. */
export async function provisionSales(db: Db, ctx: Ctx) {
  if ((await db.pipeline.count({ where: { orgId: ctx.orgId } })) === 0) await createPipeline(db, ctx, { name: 'New business', isDefault: true })
  await createDefaultLostReasons(db, ctx)
}

/** Deals (live and in the trash) per stage: removing a stage must move them all. */
export async function dealCountsByStage(db: Db, ctx: Ctx): Promise<Record<string, number>> {
  const counts = await db.deal.groupBy({ by: ['stageId'], where: { orgId: ctx.orgId }, _count: { _all: true } })
  return Object.fromEntries(counts.map((c) => [c.stageId, c._count._all]))
}
