import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { loadBoard, type BoardQuery } from '@/lib/crm/board'
import { bulkChangeOwner, bulkDelete, bulkMoveDeals, bulkRestore } from '@/lib/crm/bulk'
import { BulkIdsInput, BulkMoveInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'
import { moveDeal, updateDeal } from '@/lib/crm/deals'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

// deal_stage_totals is kept by triggers on deal (migration 20261203070000_deal_stage_totals,
// ADR 0015): after any write through the services or straight SQL it must equal what the live
// deals say, and the board's column totals read from it must equal the totals of the deals.

type Row = { stage_id: string; owner_id: string; deal_type: string; currency: string; deals: number; amount: string; weighted: string }

async function expectInStep(orgId: string) {
  const kept = await testDb.$queryRaw<Row[]>`
    SELECT stage_id::text, owner_id::text, deal_type::text, currency, deals, amount_minor::text AS amount, weighted_minor::text AS weighted
    FROM deal_stage_totals WHERE org_id = ${orgId}::uuid AND (deals <> 0 OR amount_minor <> 0 OR weighted_minor <> 0) ORDER BY 1, 2, 3, 4`
  const counted = await testDb.$queryRaw<Row[]>`
    SELECT stage_id::text, owner_id::text, deal_type::text, currency, count(*)::int AS deals, sum(amount_minor)::text AS amount,
      sum((amount_minor * probability + 50) / 100)::text AS weighted
    FROM deal WHERE org_id = ${orgId}::uuid AND deleted_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`
  expect(kept).toEqual(counted)
  return kept
}

/** The board's totals per stage name, and the same counted from the deals matching the filters. */
async function boardAgainstDeals(ctx: Ctx, q: BoardQuery) {
  const board = await loadBoard(testDb, ctx, q)
  const shown = Object.fromEntries(board.columns.map((c) => [c.stage.name, c.totals]))
  const rows = await testDb.$queryRaw<{ name: string; currency: string; count: number; amount: string; weighted: string }[]>`
    SELECT s.name, d.currency, count(*)::int AS count, sum(d.amount_minor)::text AS amount, sum((d.amount_minor * d.probability + 50) / 100)::text AS weighted
    FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id
    WHERE d.org_id = ${ctx.orgId}::uuid AND d.deleted_at IS NULL AND d.pipeline_id = ${board.pipeline.id}::uuid
      AND (${q.ownerId ?? null}::uuid IS NULL OR d.owner_id = ${q.ownerId ?? null}::uuid)
      AND (${q.dealType ?? null}::text IS NULL OR d.deal_type::text = ${q.dealType ?? null}::text)
    GROUP BY 1, 2 ORDER BY 1, 2`
  const counted = Object.fromEntries(board.columns.map((c) => [c.stage.name, { count: 0, amounts: [] as { currency: string; amountMinor: string; weightedMinor: string }[] }]))
  for (const r of rows) {
    counted[r.name]!.count += r.count
    counted[r.name]!.amounts.push({ currency: r.currency.trim(), amountMinor: r.amount, weightedMinor: r.weighted })
  }
  const sorted = (t: typeof shown) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ...v, amounts: [...v.amounts].sort((a, b) => a.currency.localeCompare(b.currency)) }]))
  expect(sorted(shown)).toEqual(sorted(counted))
  return shown
}

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  const rep = await createMember(org, 'SALES', { name: 'Rita' })
  const { pipeline, stage, reasons } = await createSalesSetup(admin.ctx)
  return { org, admin, rep, pipeline, stage, reasons }
}

describe('deal stage totals (kept by triggers)', () => {
  it('follows deals created, moved, re-priced, reassigned, lost, trashed, restored and deleted', async () => {
    const { org, admin, rep, pipeline, stage, reasons } = await setup()
    const a = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, amount: '100', stageId: stage('Qualified').id })
    const b = await createTestDeal(rep.ctx, { pipelineId: pipeline.id, amount: '250.50', stageId: stage('Qualified').id, dealType: 'EXPANSION' })
    const c = await createTestDeal(rep.ctx, { pipelineId: pipeline.id, amount: '0.05', stageId: stage('Lead in').id, dealType: 'RENEWAL' })
    await testDb.$executeRaw`UPDATE deal SET currency = 'USD' WHERE id = ${c.id}::uuid`
    expect(await expectInStep(org.id)).toHaveLength(3)

    // a move to another stage, then a reorder within it (nets to zero: nothing written)
    await testDb.$transaction((tx) => moveDeal(tx, admin.ctx, { dealId: a.id, stageId: stage('Negotiation').id, version: a.version }))
    await testDb.$transaction((tx) => moveDeal(tx, admin.ctx, { dealId: a.id, stageId: stage('Negotiation').id, version: a.version + 1 }))
    await expectInStep(org.id)

    // amount, probability and owner edits
    const fresh = await testDb.deal.findUniqueOrThrow({ where: { id: b.id } })
    await testDb.$transaction((tx) => updateDeal(tx, admin.ctx, { dealId: b.id, version: fresh.version, amount: '1,234.56', probability: 35, ownerId: admin.user.id }))
    await expectInStep(org.id)

    // lost with a reason, bulk moves, owner changes, the trash and back
    const b2 = await testDb.deal.findUniqueOrThrow({ where: { id: b.id } })
    await testDb.$transaction((tx) => moveDeal(tx, admin.ctx, { dealId: b.id, stageId: stage('Lost').id, version: b2.version, lostReasonId: reasons[0]!.id }))
    await testDb.$transaction((tx) => bulkMoveDeals(tx, admin.ctx, BulkMoveInput.parse({ ids: [a.id, c.id], stageId: stage('Proposal').id })))
    await testDb.$transaction((tx) => bulkChangeOwner(tx, admin.ctx, 'deal', BulkOwnerInput.parse({ ids: [a.id, c.id], ownerId: rep.user.id })))
    await expectInStep(org.id)
    await testDb.$transaction((tx) => bulkDelete(tx, admin.ctx, 'deal', BulkIdsInput.parse({ ids: [a.id] })))
    expect((await expectInStep(org.id)).reduce((n, r) => n + r.deals, 0)).toBe(2)
    await testDb.$transaction((tx) => bulkRestore(tx, admin.ctx, 'deal', BulkIdsInput.parse({ ids: [a.id] })))
    await expectInStep(org.id)

    // straight SQL, as the seeds and imports write
    await testDb.$executeRaw`UPDATE deal SET amount_minor = amount_minor * 2, probability = 60 WHERE org_id = ${org.id}::uuid`
    await expectInStep(org.id)
    await testDb.$executeRaw`DELETE FROM deal WHERE id = ${c.id}::uuid`
    expect((await expectInStep(org.id)).reduce((n, r) => n + r.deals, 0)).toBe(2)
  })

  it('gives the board the totals of the matching deals, filtered by owner and deal type', async () => {
    const { admin, rep, pipeline, stage } = await setup()
    for (const [ctx, amount, type, stageName] of [
      [admin.ctx, '100', 'NEW_BUSINESS', 'Qualified'],
      [rep.ctx, '300', 'NEW_BUSINESS', 'Qualified'],
      [rep.ctx, '0.05', 'EXPANSION', 'Qualified'],
      [rep.ctx, '0.05', 'EXPANSION', 'Qualified'],
      [rep.ctx, '0.05', 'EXPANSION', 'Qualified'],
      [admin.ctx, '999', 'RENEWAL', 'Negotiation'],
    ] as const) {
      await createTestDeal(ctx, { pipelineId: pipeline.id, amount, dealType: type, stageId: stage(stageName).id })
    }
    const all = await boardAgainstDeals(admin.ctx, {})
    expect(all['Qualified']!.count).toBe(5)
    // three 0.05 at 25 %: each rounds to 1 cent, so 3 (not round(3.75) = 4)
    expect((await boardAgainstDeals(admin.ctx, { ownerId: rep.user.id, dealType: 'EXPANSION' }))['Qualified']).toEqual({ count: 3, amounts: [{ currency: 'EUR', amountMinor: '15', weightedMinor: '3' }] })
    await boardAgainstDeals(admin.ctx, { ownerId: admin.user.id })
    await boardAgainstDeals(admin.ctx, { dealType: 'RENEWAL' })
  })

  it('stays right under concurrent moves into the same stage', async () => {
    const { org, admin, pipeline, stage } = await setup()
    const deals = []
    for (let i = 0; i < 6; i++) deals.push(await createTestDeal(admin.ctx, { pipelineId: pipeline.id, amount: '10', stageId: stage('Lead in').id }))
    await Promise.all(
      deals.map((d) =>
        testDb.$transaction(async (tx) => {
          await moveDeal(tx, admin.ctx, { dealId: d.id, stageId: stage('Proposal').id, version: d.version })
          await tx.$executeRaw`SELECT pg_sleep(0.02)`
        }),
      ),
    )
    const kept = await expectInStep(org.id)
    expect(kept).toEqual([expect.objectContaining({ stage_id: stage('Proposal').id, deals: 6, amount: '6000' })])
  })
})
