import type { Ctx } from '@/lib/authz'
import { createDeal } from '@/lib/crm/deals'
import { createDefaultLostReasons, createPipeline, getPipeline } from '@/lib/crm/pipelines'
import type { CreateDealInput } from '@/lib/crm/deals.schema'
import { testDb } from '../setup/db'

/** The default pipeline (Lead in .. Negotiation, Won, Lost) and lost reasons of an org. */
export async function createSalesSetup(ctx: Ctx) {
  await testDb.$transaction(async (tx) => {
    await createPipeline(tx, ctx, { name: 'New business', isDefault: true })
    await createDefaultLostReasons(tx, ctx)
  })
  const pipeline = await getPipeline(testDb, ctx)
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!
  const reasons = await testDb.lostReason.findMany({ where: { orgId: ctx.orgId }, orderBy: { position: 'asc' } })
  return { pipeline, stage, reasons }
}

export async function createTestDeal(ctx: Ctx, input: Partial<CreateDealInput> & { pipelineId: string }) {
  const deal = await testDb.$transaction((tx) => createDeal(tx, ctx, { title: 'Deal', amount: '1000', dealType: 'NEW_BUSINESS', ...input }))
  return testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })
}
