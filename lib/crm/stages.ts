import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import { can } from '@/lib/permissions'
import { checkStageKinds } from '@/lib/crm/pipelines'
import type { AddStageInput, RemoveStageInput, UpdateStageInput } from '@/lib/crm/settings.schema'

export function assertCanConfigure(ctx: Ctx) {
  if (!can(ctx.role, 'crm:configure')) throw new AppError('FORBIDDEN', 'Only admins and managers can change pipelines, lost reasons and products.')
}

async function stageInOrg(db: Db, ctx: Ctx, stageId: string) {
  const stage = await db.pipelineStage.findFirst({
    where: { id: stageId, orgId: ctx.orgId },
    select: { id: true, name: true, kind: true, pipelineId: true, position: true, probability: true, forecastCategory: true },
  })
  if (!stage) throw notFound('This stage')
  return stage
}

async function kindsAfter(db: Db, ctx: Ctx, pipelineId: string, change: { remove?: string; add?: 'OPEN' | 'WON' | 'LOST' }) {
  const stages = await db.pipelineStage.findMany({ where: { orgId: ctx.orgId, pipelineId }, select: { id: true, kind: true } })
  return [...stages.filter((s) => s.id !== change.remove).map((s) => s.kind), ...(change.add ? [change.add] : [])]
}

export async function addStage(db: Db, ctx: Ctx, input: AddStageInput) {
  assertCanConfigure(ctx)
  const pipeline = await db.pipeline.findFirst({ where: { id: input.pipelineId, orgId: ctx.orgId }, select: { id: true } })
  if (!pipeline) throw notFound('This pipeline')
  const problem = checkStageKinds(await kindsAfter(db, ctx, pipeline.id, { add: input.kind }))
  if (problem) throw new AppError('INVALID', problem, 'kind')
  // New open stages go before the closed ones; closed stages at the end.
  const stages = await db.pipelineStage.findMany({ where: { orgId: ctx.orgId, pipelineId: pipeline.id }, orderBy: { position: 'asc' }, select: { kind: true, position: true } })
  const firstClosed = stages.findIndex((s) => s.kind !== 'OPEN')
  const position =
    input.kind === 'OPEN' && firstClosed >= 0
      ? ((stages[firstClosed - 1]?.position ?? stages[firstClosed]!.position - 2048) + stages[firstClosed]!.position) / 2
      : (stages.at(-1)?.position ?? 0) + 1024
  const stage = await db.pipelineStage.create({
    data: { orgId: ctx.orgId, pipelineId: pipeline.id, name: input.name, probability: input.probability, kind: input.kind, forecastCategory: input.forecastCategory, position },
    select: { id: true },
  })
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: pipeline.id, action: 'stage.added', changes: { stageId: stage.id, name: input.name, kind: input.kind } })
  return stage
}

/** Renames a stage and sets its default probability and forecast category. */
export async function updateStage(db: Db, ctx: Ctx, input: UpdateStageInput) {
  assertCanConfigure(ctx)
  const stage = await stageInOrg(db, ctx, input.stageId)
  await db.pipelineStage.update({ where: { id: stage.id }, data: { name: input.name, probability: input.probability, forecastCategory: input.forecastCategory } })
  const changes = Object.fromEntries(
    (['name', 'probability', 'forecastCategory'] as const).filter((k) => stage[k] !== input[k]).map((k) => [k, { from: stage[k], to: input[k] }]),
  )
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: stage.pipelineId, action: 'stage.updated', changes: { stageId: stage.id, ...changes } })
}

/** Swaps a stage with its neighbour above or below. */
export async function moveStage(db: Db, ctx: Ctx, input: { stageId: string; direction: 'up' | 'down' }) {
  assertCanConfigure(ctx)
  const stage = await stageInOrg(db, ctx, input.stageId)
  const neighbour = await db.pipelineStage.findFirst({
    where: { orgId: ctx.orgId, pipelineId: stage.pipelineId, position: input.direction === 'up' ? { lt: stage.position } : { gt: stage.position } },
    orderBy: { position: input.direction === 'up' ? 'desc' : 'asc' },
    select: { id: true, position: true },
  })
  if (!neighbour) return
  await db.pipelineStage.update({ where: { id: stage.id }, data: { position: neighbour.position } })
  await db.pipelineStage.update({ where: { id: neighbour.id }, data: { position: stage.position } })
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: stage.pipelineId, action: 'stage.moved', changes: { stageId: stage.id, direction: input.direction } })
}

/**
 * Removes a stage. A stage with deals needs a stage of the same kind to move them to
 * (so no deal silently changes between open, won and lost). The pipeline keeps its rules.
 */
export async function removeStage(db: Db, ctx: Ctx, input: RemoveStageInput) {
  assertCanConfigure(ctx)
  const stage = await stageInOrg(db, ctx, input.stageId)
  const problem = checkStageKinds(await kindsAfter(db, ctx, stage.pipelineId, { remove: stage.id }))
  if (problem) throw new AppError('INVALID', `${stage.name} cannot be removed: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`)
  const deals = await db.deal.count({ where: { orgId: ctx.orgId, stageId: stage.id } })
  if (deals > 0) {
    if (!input.moveToStageId) throw new AppError('INVALID', `${stage.name} has ${deals} ${deals === 1 ? 'deal' : 'deals'}: choose a stage to move them to.`, 'moveToStageId')
    const target = await stageInOrg(db, ctx, input.moveToStageId)
    if (target.id === stage.id || target.pipelineId !== stage.pipelineId) throw new AppError('INVALID', 'Choose another stage of the same pipeline.', 'moveToStageId')
    if (target.kind !== stage.kind) throw new AppError('INVALID', `Move the deals to another ${stage.kind.toLowerCase()} stage.`, 'moveToStageId')
    const last = await db.deal.aggregate({ where: { orgId: ctx.orgId, stageId: target.id }, _max: { position: true } })
    const start = (last._max.position ?? 0) + 1024
    // Keep their order, after the target's cards; one statement whatever the count.
    await db.$executeRaw`
      UPDATE deal SET stage_id = ${target.id}::uuid,
        position = ${start} + ranked.rn * 1024,
        probability = CASE WHEN deal.probability_overridden THEN deal.probability ELSE ${target.probability} END,
        version = deal.version + 1
      FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn FROM deal WHERE org_id = ${ctx.orgId}::uuid AND stage_id = ${stage.id}::uuid) ranked
      WHERE deal.id = ranked.id`
  }
  await db.pipelineStage.delete({ where: { id: stage.id } })
  await logActivity(db, ctx, {
    entityType: 'pipeline',
    entityId: stage.pipelineId,
    action: 'stage.removed',
    changes: { stageId: stage.id, name: stage.name, movedDeals: deals, moveToStageId: input.moveToStageId ?? null },
  })
  return { movedDeals: deals }
}

export async function renamePipeline(db: Db, ctx: Ctx, input: { pipelineId: string; name: string }) {
  assertCanConfigure(ctx)
  const pipeline = await db.pipeline.findFirst({ where: { id: input.pipelineId, orgId: ctx.orgId }, select: { id: true, name: true } })
  if (!pipeline) throw notFound('This pipeline')
  await db.pipeline
    .update({ where: { id: pipeline.id }, data: { name: input.name } })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another pipeline already has that name.' }))
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: pipeline.id, action: 'pipeline.renamed', changes: { name: { from: pipeline.name, to: input.name } } })
}

export async function makeDefaultPipeline(db: Db, ctx: Ctx, input: { pipelineId: string }) {
  assertCanConfigure(ctx)
  const pipeline = await db.pipeline.findFirst({ where: { id: input.pipelineId, orgId: ctx.orgId }, select: { id: true } })
  if (!pipeline) throw notFound('This pipeline')
  await db.pipeline.updateMany({ where: { orgId: ctx.orgId, isDefault: true }, data: { isDefault: false } })
  await db.pipeline.update({ where: { id: pipeline.id }, data: { isDefault: true } })
  await logActivity(db, ctx, { entityType: 'pipeline', entityId: pipeline.id, action: 'pipeline.made_default' })
}
