import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { moveDeal, type MovedDeal } from '@/lib/crm/deals'
import type { MoveDealInput } from '@/lib/crm/deals.schema'
import { notFound } from '@/lib/errors'
import { dealLeftWon } from '@/lib/handoff/deal-left-won'
import { winDeal } from '@/lib/handoff/win-deal'

/**
 * Every stage change goes through here (the board, the deal page, bulk moves): into a Won stage
 * is a win (winDeal: the project, exactly once); out of Won puts the project on hold; anything
 * else is a plain move.
 */
export async function changeDealStage(db: Db, ctx: Ctx, input: MoveDealInput): Promise<MovedDeal & { projectId?: string | null }> {
  const target = await db.pipelineStage.findFirst({ where: { id: input.stageId, orgId: ctx.orgId }, select: { kind: true } })
  if (!target) throw notFound('This stage')
  if (target.kind === 'WON') {
    const current = await db.deal.findFirst({ where: { id: input.dealId, orgId: ctx.orgId, deletedAt: null }, select: { status: true, stageId: true } })
    if (current && current.status !== 'WON') {
      const won = await winDeal(db, ctx, { dealId: input.dealId, project: 'auto', version: input.version, afterId: input.afterId, beforeId: input.beforeId, roleAssignments: {} })
      return { ...won.deal, previousStatus: current.status, projectId: won.project?.id ?? null }
    }
  }
  const moved = await moveDeal(db, ctx, input)
  if (moved.previousStatus === 'WON' && moved.status !== 'WON') await dealLeftWon(db, ctx, moved.id, moved.status)
  return moved
}
