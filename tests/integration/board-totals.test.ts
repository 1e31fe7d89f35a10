import { describe, expect, it } from 'vitest'
import { loadBoard } from '@/lib/crm/board'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

describe('board column totals (one index-only aggregate per stage)', () => {
  it('rounds each deal’s weighted amount half up before adding, as a rep adds up the cards', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { pipeline } = await createSalesSetup(ctx)
    // 0.05 EUR at 10 % is 0.5 cent: each rounds up to 1 cent, so three make 3 (not round(1.5) = 2).
    for (let i = 0; i < 3; i++) await createTestDeal(ctx, { pipelineId: pipeline.id, amount: '0.05' })
    const leadIn = (await loadBoard(testDb, ctx, {})).columns[0]!
    expect(leadIn.totals).toEqual({ count: 3, amounts: [{ currency: 'EUR', amountMinor: '15', weightedMinor: '3' }] })
  })

  it('totals each stage separately, leaves empty stages at zero, and skips deleted deals', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { pipeline, stage } = await createSalesSetup(ctx)
    await createTestDeal(ctx, { pipelineId: pipeline.id, amount: '100', stageId: stage('Qualified').id })
    await createTestDeal(ctx, { pipelineId: pipeline.id, amount: '300', stageId: stage('Negotiation').id })
    const gone = await createTestDeal(ctx, { pipelineId: pipeline.id, amount: '999', stageId: stage('Negotiation').id })
    await testDb.deal.update({ where: { id: gone.id }, data: { deletedAt: new Date() } })
    const board = await loadBoard(testDb, ctx, {})
    const totals = Object.fromEntries(board.columns.map((c) => [c.stage.name, c.totals]))
    expect(totals['Lead in']).toEqual({ count: 0, amounts: [] })
    expect(totals['Qualified']).toEqual({ count: 1, amounts: [{ currency: 'EUR', amountMinor: '10000', weightedMinor: '2500' }] })
    expect(totals['Negotiation']).toEqual({ count: 1, amounts: [{ currency: 'EUR', amountMinor: '30000', weightedMinor: '22500' }] })
  })
})
