import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { moveDeal } from '@/lib/crm/deals'
import type { MoveDealInput } from '@/lib/crm/deals.schema'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  const sales = await createSalesSetup(admin.ctx)
  return { org, admin, ...sales }
}

const move = (ctx: Parameters<typeof moveDeal>[1], input: MoveDealInput) => testDb.$transaction((tx) => moveDeal(tx, ctx, input))
const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)

describe('createDeal', () => {
  it('parses the amount to minor units in the org currency and starts in the first open stage', async () => {
    const { admin, pipeline } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Northwind rollout', amount: '12,500.50' })
    expect(deal).toMatchObject({ amountMinor: 1250050n, currency: 'EUR', stageId: pipeline.stages[0]!.id, status: 'OPEN', probability: 10, ownerId: admin.user.id, version: 1 })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: deal.id } })
    expect(log.action).toBe('deal.created')
  })

  it('reports a bad amount next to the amount field and writes nothing', async () => {
    const { admin, pipeline } = await setup()
    const error = await fail(createTestDeal(admin.ctx, { pipelineId: pipeline.id, amount: '12.345' }))
    expect(error).toMatchObject({ code: 'INVALID', field: 'amount', message: 'Use at most 2 decimals for EUR.' })
    expect(await testDb.deal.count()).toBe(0)
  })

  it('lets a sales rep create deals only for themselves, and refuses delivery', async () => {
    const { org, admin, pipeline } = await setup()
    const rep = await createMember(org, 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    expect(await fail(createTestDeal(rep.ctx, { pipelineId: pipeline.id, ownerId: admin.user.id }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(createTestDeal(delivery.ctx, { pipelineId: pipeline.id }))).toMatchObject({ code: 'FORBIDDEN' })
    expect((await createTestDeal(rep.ctx, { pipelineId: pipeline.id })).ownerId).toBe(rep.user.id)
  })

  it('answers 404 for a pipeline or company of another organization', async () => {
    const { admin } = await setup()
    const otherOrg = await createOrg()
    const other = await createMember(otherOrg, 'ADMIN')
    const { pipeline: foreign } = await createSalesSetup(other.ctx)
    const company = await testDb.company.create({ data: { orgId: otherOrg.id, name: 'Foreign' } })
    expect(await fail(createTestDeal(admin.ctx, { pipelineId: foreign.id }))).toMatchObject({ code: 'NOT_FOUND' })
    const { pipeline } = await getOwnPipeline(admin.ctx.orgId)
    expect(await fail(createTestDeal(admin.ctx, { pipelineId: pipeline, companyId: company.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
  })
})

async function getOwnPipeline(orgId: string) {
  const p = await testDb.pipeline.findFirstOrThrow({ where: { orgId } })
  return { pipeline: p.id }
}

describe('moveDeal', () => {
  it('moves a deal to another stage, takes its probability, and records the move', async () => {
    const { admin, pipeline, stage } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const moved = await move(admin.ctx, { dealId: deal.id, stageId: stage('Proposal').id, version: 1 })
    expect(moved).toMatchObject({ stageId: stage('Proposal').id, status: 'OPEN', probability: 50, version: 2 })
    const entry = await testDb.activityLog.findFirstOrThrow({ where: { entityId: deal.id, action: 'deal.stage_changed' } })
    expect(entry.changes).toMatchObject({ stage: { from: 'Lead in', to: 'Proposal' } })
  })

  it('refuses a stale version: two people moving the same card never silently lose a move', async () => {
    const { admin, pipeline, stage } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    await move(admin.ctx, { dealId: deal.id, stageId: stage('Qualified').id, version: 1 })
    const error = await fail(move(admin.ctx, { dealId: deal.id, stageId: stage('Proposal').id, version: 1 }))
    expect(error).toMatchObject({ code: 'CONFLICT' })
    expect((await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).stageId).toBe(stage('Qualified').id)
  })

  it('lets exactly one of two simultaneous moves of the same version through', async () => {
    const { admin, pipeline, stage } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const results = await Promise.allSettled([
      move(admin.ctx, { dealId: deal.id, stageId: stage('Qualified').id, version: 1 }),
      move(admin.ctx, { dealId: deal.id, stageId: stage('Proposal').id, version: 1 }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).version).toBe(2)
  })

  it('needs a lost reason to lose a deal, then records it with closedAt and probability 0', async () => {
    const { admin, pipeline, stage, reasons } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const error = await fail(move(admin.ctx, { dealId: deal.id, stageId: stage('Lost').id, version: 1 }))
    expect(error).toMatchObject({ code: 'INVALID', field: 'lostReasonId' })
    await move(admin.ctx, { dealId: deal.id, stageId: stage('Lost').id, version: 1, lostReasonId: reasons[0]!.id, lostNote: 'Too expensive this year' })
    const lost = await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })
    expect(lost).toMatchObject({ status: 'LOST', probability: 0, lostReasonId: reasons[0]!.id, lostNote: 'Too expensive this year' })
    expect(lost.closedAt).toBeInstanceOf(Date)
  })

  it('marks a deal won in the Won stage and reopens it when moved back', async () => {
    const { admin, pipeline, stage } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    await move(admin.ctx, { dealId: deal.id, stageId: stage('Won').id, version: 1 })
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ status: 'WON', probability: 100 })
    await move(admin.ctx, { dealId: deal.id, stageId: stage('Negotiation').id, version: 2 })
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ status: 'OPEN', probability: 75, closedAt: null })
  })

  it('places the card between the two it was dropped between', async () => {
    const { admin, pipeline, stage } = await setup()
    const [a, b, c] = [await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'A' }), await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'B' }), await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'C' })]
    // New deals go on top: the column reads C, B, A. Drop A between C and B.
    await move(admin.ctx, { dealId: a.id, stageId: stage('Lead in').id, version: 1, afterId: c.id, beforeId: b.id })
    const order = await testDb.deal.findMany({ where: { stageId: stage('Lead in').id }, orderBy: { position: 'asc' }, select: { title: true } })
    expect(order.map((d) => d.title)).toEqual(['C', 'A', 'B'])
  })

  it('renumbers a column when two cards are too close to fit one between them', async () => {
    const { admin, pipeline, stage } = await setup()
    const a = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'A' })
    const b = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'B' })
    const c = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'C' })
    await testDb.deal.update({ where: { id: b.id }, data: { position: 1 } })
    await testDb.deal.update({ where: { id: a.id }, data: { position: 1 + 1e-9 } })
    await move(admin.ctx, { dealId: c.id, stageId: stage('Lead in').id, version: 1, afterId: b.id, beforeId: a.id })
    const order = await testDb.deal.findMany({ where: { stageId: stage('Lead in').id }, orderBy: { position: 'asc' }, select: { title: true, position: true } })
    expect(order.map((d) => d.title)).toEqual(['B', 'C', 'A'])
    expect(order[1]!.position - order[0]!.position).toBeGreaterThan(1)
  })

  it('lets a sales rep move only their own deals; delivery none', async () => {
    const { org, admin, pipeline, stage } = await setup()
    const rep = await createMember(org, 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    const theirs = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const own = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    expect(await fail(move(rep.ctx, { dealId: theirs.id, stageId: stage('Qualified').id, version: 1 }))).toMatchObject({ code: 'FORBIDDEN', message: 'You can only change deals you own.' })
    expect(await fail(move(delivery.ctx, { dealId: own.id, stageId: stage('Qualified').id, version: 1 }))).toMatchObject({ code: 'FORBIDDEN' })
    expect((await move(rep.ctx, { dealId: own.id, stageId: stage('Qualified').id, version: 1 })).status).toBe('OPEN')
  })

  it('answers 404 for another organization’s deal and does not touch it', async () => {
    const { admin, pipeline, stage } = await setup()
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const outsider = await createMember(await createOrg(), 'ADMIN')
    expect(await fail(move(outsider.ctx, { dealId: deal.id, stageId: stage('Qualified').id, version: 1 }))).toMatchObject({ code: 'NOT_FOUND' })
    expect((await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).version).toBe(1)
  })
})
