import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { resolveFilters, type DashboardParams } from '@/lib/dashboards/params'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import { loadForecastPipeline } from '@/lib/dashboards/forecast-pipeline'
import { loadForecastOwners } from '@/lib/dashboards/forecast-owners'
import { loadClosedDeals } from '@/lib/dashboards/forecast-win-rate'
import { loadSlippedDeals } from '@/lib/dashboards/forecast-slipped'
import { loadMovement } from '@/lib/dashboards/forecast-movement'
import { categoryMonthRows, closedTotal, lostReasonRows, movementRows, pipelineTotals, winRateMonthRows, winRateRows } from '@/lib/dashboards/forecast-figures'
import { listDeals } from '@/lib/crm/deal-list'
import { dealListDef } from '@/lib/crm/list-defs'
import { parseListParams } from '@/lib/crm/list-params'
import { moveDeal, updateDeal } from '@/lib/crm/deals'
import { winDeal } from '@/lib/handoff/win-deal'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

// Today is 20 April 2026 in Berlin; the range is March to May 2026 (the previous period is
// December 2025 to February 2026). Berlin is UTC+1 until 29 March, UTC+2 after.
const TODAY = '2026-04-20'
const at = (iso: string) => new Date(iso)
const day = (value: string) => new Date(`${value}T00:00:00Z`)

function filtersFor(ctx: Ctx, params: DashboardParams = {}) {
  return resolveFilters({ from: '2026-03', to: '2026-05', ...params }, { role: ctx.role, userId: ctx.userId }, TODAY, { back: 0, ahead: 5 })
}
const dash = (ctx: Ctx): DashboardCtx => ({ ...ctx, timeZone: 'Europe/Berlin', currency: 'EUR' })

/**
 * Acme (Berlin, EUR), default pipeline (Lead in 10 %, Qualified 25 %, Proposal 50 % best case,
 * Negotiation 75 % commit, Won, Lost) plus an open "On hold" stage in the OMITTED category.
 * Ann and Bob sell. Amounts are minor units (cents).
 */
async function buildForecast() {
  const org = await createOrg({ timeZone: 'Europe/Berlin', currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  const manager = await createMember(org, 'MANAGER')
  const ann = await createMember(org, 'SALES', { name: 'Ann' })
  const bob = await createMember(org, 'SALES', { name: 'Bob' })
  const { pipeline, stage, reasons } = await createSalesSetup(admin.ctx)
  const onHold = await testDb.pipelineStage.create({
    data: { orgId: org.id, pipelineId: pipeline.id, name: 'On hold', position: stage('Negotiation').position + 1, probability: 5, kind: 'OPEN', forecastCategory: 'OMITTED' },
  })

  let n = 0
  const deal = (d: {
    title: string
    owner: { user: { id: string } }
    stage: { id: string }
    amount: number
    status?: 'OPEN' | 'WON' | 'LOST'
    probability?: number
    overridden?: boolean
    expected?: string | null
    closedAt?: string
    createdAt?: string
    currency?: string
    lostReasonId?: string
    dealType?: 'NEW_BUSINESS' | 'EXPANSION'
    deleted?: boolean
  }) =>
    testDb.deal.create({
      data: {
        orgId: org.id,
        title: d.title,
        amountMinor: BigInt(d.amount),
        currency: d.currency ?? 'EUR',
        pipelineId: pipeline.id,
        stageId: d.stage.id,
        status: d.status ?? 'OPEN',
        probability: d.probability ?? 0,
        probabilityOverridden: d.overridden ?? false,
        expectedCloseOn: d.expected ? day(d.expected) : null,
        closedAt: d.closedAt ? at(d.closedAt) : null,
        ownerId: d.owner.user.id,
        dealType: d.dealType ?? 'NEW_BUSINESS',
        lostReasonId: d.lostReasonId ?? null,
        position: ++n,
        createdAt: at(d.createdAt ?? '2026-01-05T10:00:00Z'),
        deletedAt: d.deleted ? at('2026-03-02T10:00:00Z') : null,
      },
    })

  // Open deals.
  const a = await deal({ title: 'A', owner: ann, stage: stage('Negotiation'), amount: 1_000_000, probability: 75, expected: '2026-03-20', createdAt: '2026-03-01T12:00:00Z' })
  // probability overridden to 90 % in a 50 % stage: weighted 200,000 x 90 / 100 = 180,000
  const b = await deal({ title: 'B', owner: ann, stage: stage('Proposal'), amount: 200_000, probability: 90, overridden: true, expected: '2026-04-10', createdAt: '2026-03-31T22:30:00Z' })
  const d = await deal({ title: 'D overdue', owner: bob, stage: stage('Qualified'), amount: 400_000, probability: 25, expected: '2026-02-15' })
  await deal({ title: 'E undated', owner: bob, stage: stage('Qualified'), amount: 50_000, probability: 25 })
  await deal({ title: 'F dollars', owner: ann, stage: stage('Negotiation'), amount: 999_999, probability: 75, expected: '2026-04-01', currency: 'USD' })
  await deal({ title: 'G deleted', owner: ann, stage: stage('Negotiation'), amount: 5_000_000, probability: 75, expected: '2026-03-25', deleted: true })
  await deal({ title: 'H on hold', owner: bob, stage: onHold, amount: 70_000, probability: 5, expected: '2026-05-05' })
  // C through the service, so its slip is written by updateDeal itself.
  const c = await createTestDeal(bob.ctx, { title: 'C', pipelineId: pipeline.id, stageId: stage('Lead in').id, amount: '3333.33', expectedCloseOn: '2026-03-31' })
  await testDb.$transaction((tx) => updateDeal(tx, bob.ctx, { dealId: c.id, version: c.version, expectedCloseOn: '2026-04-30' }))
  await testDb.deal.update({ where: { id: c.id }, data: { createdAt: at('2026-01-05T10:00:00Z') } })
  await testDb.activityLog.updateMany({ where: { entityId: c.id }, data: { createdAt: at('2026-03-20T10:00:00Z') } })

  // Closed deals. W1 closes at 01:30 on 1 April in Berlin (23:30 UTC on 31 March): April.
  await deal({ title: 'W1', owner: ann, stage: stage('Won'), status: 'WON', amount: 300_000, probability: 100, closedAt: '2026-03-31T23:30:00Z', createdAt: '2026-03-01T12:00:00Z' })
  // W3 closes at 00:30 on 1 March in Berlin (23:30 UTC on 28 February): March, after an 8-day cycle.
  await deal({ title: 'W3', owner: ann, stage: stage('Won'), status: 'WON', amount: 20_000, probability: 100, closedAt: '2026-02-28T23:30:00Z', createdAt: '2026-02-20T23:30:00Z' })
  await deal({ title: 'W0 previous', owner: ann, stage: stage('Won'), status: 'WON', amount: 500_000, probability: 100, closedAt: '2026-02-10T10:00:00Z' })
  await deal({ title: 'L1', owner: ann, stage: stage('Lost'), status: 'LOST', amount: 250_000, closedAt: '2026-04-02T10:00:00Z', lostReasonId: reasons[0]!.id, createdAt: '2026-02-01T10:00:00Z' })
  await deal({ title: 'L2', owner: bob, stage: stage('Lost'), status: 'LOST', amount: 80_000, closedAt: '2026-03-15T12:00:00Z', lostReasonId: reasons[1]!.id, dealType: 'EXPANSION' })

  // W2: won, lost, then won again through the services (one deal, one win), created 60 days before its last close.
  const w2 = await createTestDeal(bob.ctx, { title: 'W2', pipelineId: pipeline.id, stageId: stage('Lead in').id, amount: '1000' })
  await testDb.$transaction((tx) => winDeal(tx, bob.ctx, { dealId: w2.id, project: 'none', closeOn: '2026-03-05', roleAssignments: {} }))
  const won = await testDb.deal.findUniqueOrThrow({ where: { id: w2.id } })
  await testDb.$transaction((tx) => moveDeal(tx, bob.ctx, { dealId: w2.id, stageId: stage('Lost').id, version: won.version, lostReasonId: reasons[0]!.id }))
  await testDb.$transaction((tx) => winDeal(tx, bob.ctx, { dealId: w2.id, project: 'none', closeOn: '2026-03-10', roleAssignments: {} }))
  await testDb.deal.update({ where: { id: w2.id }, data: { createdAt: at('2026-01-09T10:00:00Z'), closedAt: at('2026-03-10T10:00:00Z') } })

  // Stage moves from the audit trail: A advanced twice in March (counted once); C moved back in April.
  const move = (dealId: string, from: string, to: string, when: string) =>
    testDb.activityLog.create({ data: { orgId: org.id, actorId: admin.user.id, entityType: 'deal', entityId: dealId, action: 'deal.stage_changed', changes: { stageId: { from, to } }, createdAt: at(when) } })
  await move(a.id, stage('Lead in').id, stage('Qualified').id, '2026-03-12T10:00:00Z')
  await move(a.id, stage('Qualified').id, stage('Negotiation').id, '2026-03-13T10:00:00Z')
  await move(c.id, stage('Qualified').id, stage('Lead in').id, '2026-04-03T10:00:00Z')
  await move(b.id, stage('Proposal').id, stage('Lost').id, '2026-04-04T10:00:00Z') // closing is not advancing
  // Not slips: a first date, an earlier date, a push before the range.
  const edit = (dealId: string, from: string | null, to: string | null, when: string) =>
    testDb.activityLog.create({ data: { orgId: org.id, actorId: admin.user.id, entityType: 'deal', entityId: dealId, action: 'deal.updated', changes: { expectedCloseOn: { from, to } }, createdAt: at(when) } })
  await edit(a.id, null, '2026-03-20', '2026-03-05T10:00:00Z')
  await edit(b.id, '2026-05-01', '2026-04-10', '2026-03-06T10:00:00Z')
  await edit(d.id, '2026-01-31', '2026-02-15', '2026-01-15T10:00:00Z')

  // Another organization: none of this may count.
  const other = await createOrg({ timeZone: 'Europe/Berlin', currency: 'EUR' })
  const otherAdmin = await createMember(other, 'ADMIN')
  const otherSetup = await createSalesSetup(otherAdmin.ctx)
  const theirs = await testDb.deal.create({
    data: { orgId: other.id, title: 'Theirs', amountMinor: 7_000_000n, currency: 'EUR', pipelineId: otherSetup.pipeline.id, stageId: otherSetup.stage('Negotiation').id, probability: 75, expectedCloseOn: day('2026-03-10'), ownerId: otherAdmin.user.id, position: 1, createdAt: at('2026-03-03T10:00:00Z') },
  })
  await testDb.deal.create({
    data: { orgId: other.id, title: 'Their win', amountMinor: 9_000_000n, currency: 'EUR', pipelineId: otherSetup.pipeline.id, stageId: otherSetup.stage('Won').id, status: 'WON', probability: 100, closedAt: at('2026-03-03T10:00:00Z'), ownerId: otherAdmin.user.id, position: 2 },
  })
  await testDb.activityLog.create({
    data: { orgId: other.id, entityType: 'deal', entityId: theirs.id, action: 'deal.updated', changes: { expectedCloseOn: { from: '2026-03-01', to: '2026-03-10' } }, createdAt: at('2026-03-04T10:00:00Z') },
  })

  return { org, admin, manager, ann, bob, stage, reasons, ids: { a: a.id, b: b.id, c: c.id, w2: w2.id } }
}

describe('sales forecast dashboard', () => {
  it('sums open pipeline by expected close month and category, weighted with the deal’s own probability, beside closed-won by close month in Berlin', async () => {
    const { manager } = await buildForecast()
    const filters = filtersFor(manager.ctx)
    const data = await loadForecastPipeline(testDb, dash(manager.ctx), filters)
    // A 1,000,000 x 75 % in March; B 200,000 x 90 % (overridden) and C 333,333 x 10 % in April.
    expect(pipelineTotals(data)).toEqual({ deals: 3, amount: 1_533_333, weighted: 750_000 + 180_000 + 33_333, won: 420_000, wonDeals: 3 })
    const rows = categoryMonthRows('acme', filters, data)
    expect(rows.map(({ month, COMMIT, BEST_CASE, PIPELINE, amount, won }) => ({ month, COMMIT, BEST_CASE, PIPELINE, amount, won }))).toEqual([
      // March: W2 (100,000) and W3 (20,000, 00:30 on 1 March in Berlin); April: W1 (01:30 on 1 April in Berlin).
      { month: '2026-03', COMMIT: 750_000, BEST_CASE: 0, PIPELINE: 0, amount: 1_000_000, won: 120_000 },
      { month: '2026-04', COMMIT: 0, BEST_CASE: 180_000, PIPELINE: 33_333, amount: 533_333, won: 300_000 },
      { month: '2026-05', COMMIT: 0, BEST_CASE: 0, PIPELINE: 0, amount: 0, won: 0 },
    ])
    expect(rows[0]!.href).toBe('/acme/deals?status=OPEN&close=2026-03')
    // Overdue (expected before April): A (in the range) and D (before it).
    expect(data.overdue).toEqual({ deals: 2, amount: 1_400_000, weighted: 750_000 + 100_000 })
    expect(data.omitted).toEqual({ deals: 1, amount: 70_000, weighted: 3_500 })
    expect(data.undated.deals).toBe(1)
    expect(data.otherCurrency).toBe(1)
  })

  it('counts a deal won, lost and won again once, as won; win rate, cycle and lost reasons by close month in the org time zone', async () => {
    const { manager, reasons } = await buildForecast()
    const filters = filtersFor(manager.ctx)
    const closed = await loadClosedDeals(testDb, dash(manager.ctx), filters)
    const total = closedTotal(closed)
    // Won W1, W2, W3; lost L1, L2. Cycles 30.479 (W1: 1 Mar 12:00 -> 31 Mar 23:30 UTC), 60 (W2), 8 (W3) days.
    expect(total).toMatchObject({ won: 3, lost: 2, rate: 0.6, wonAmount: 420_000 })
    expect(total.cycle).toBeCloseTo((30 + 11.5 / 24 + 60 + 8) / 3, 6)
    // Months up to April (today's month): May has nothing to close yet.
    expect(winRateMonthRows('acme', filters, closed).map(({ month, won, lost, rate }) => ({ month, won, lost, rate }))).toEqual([
      { month: '2026-03', won: 2, lost: 1, rate: 2 / 3 },
      { month: '2026-04', won: 1, lost: 1, rate: 0.5 },
    ])
    expect(winRateRows('acme', filters, closed, 'type').map(({ name, won, lost }) => ({ name, won, lost }))).toEqual([
      { name: 'New business', won: 3, lost: 1 },
      { name: 'Expansion', won: 0, lost: 1 },
    ])
    expect(winRateRows('acme', filters, closed, 'owner').map(({ name, won, lost }) => ({ name, won, lost }))).toEqual([
      { name: 'Ann', won: 2, lost: 1 },
      { name: 'Bob', won: 1, lost: 1 },
    ])
    expect(lostReasonRows('acme', filters, closed).map(({ reason, lost, lostAmount }) => ({ reason, lost, lostAmount }))).toEqual([
      { reason: reasons[0]!.label, lost: 1, lostAmount: 250_000 },
      { reason: reasons[1]!.label, lost: 1, lostAmount: 80_000 },
    ])
  })

  it('compares each owner’s won amount with the previous period of the same length', async () => {
    const { manager } = await buildForecast()
    const owners = await loadForecastOwners(testDb, dash(manager.ctx), filtersFor(manager.ctx))
    expect(owners.map(({ name, openDeals, open, weighted, won, previousWon }) => ({ name, openDeals, open, weighted, won, previousWon }))).toEqual([
      { name: 'Ann', openDeals: 2, open: 1_200_000, weighted: 930_000, won: 320_000, previousWon: 500_000 },
      { name: 'Bob', openDeals: 1, open: 333_333, weighted: 33_333, won: 100_000, previousWon: 0 },
    ])
  })

  it('lists the deals whose expected close date moved later in the range, from the audit trail', async () => {
    const { manager, ids } = await buildForecast()
    const slipped = await loadSlippedDeals(testDb, dash(manager.ctx), filtersFor(manager.ctx))
    expect(slipped.total).toBe(1)
    expect(slipped.deals).toEqual([
      expect.objectContaining({ id: ids.c, title: 'C', pushes: 1, firstFrom: '2026-03-31', lastTo: '2026-04-30', slipDays: 30, expectedCloseOn: '2026-04-30' }),
    ])
  })

  it('counts pipeline movement by month: entered, advanced once per deal, won and lost by current status', async () => {
    const { manager } = await buildForecast()
    const filters = filtersFor(manager.ctx)
    const rows = movementRows('acme', filters, await loadMovement(testDb, dash(manager.ctx), filters))
    expect(rows.map(({ month, entered, advanced, won, lost }) => ({ month, entered, advanced, won, lost }))).toEqual([
      // March: A and W1 created (1 Mar); A advanced twice; W2, W3 won; L2 lost.
      { month: '2026-03', entered: 2, advanced: 1, won: 2, lost: 1 },
      // April: B created at 00:30 on 1 April in Berlin; W1 won, L1 lost; C moved back, B closed: not advances.
      { month: '2026-04', entered: 1, advanced: 0, won: 1, lost: 1 },
    ])
  })

  it('counts a deal closed or created in the first of two midnights in the month the org calendar gives it (America/Havana, 1 November 2026)', async () => {
    // Havana leaves daylight time at 01:00 on 1 November 2026: 00:00-00:59 happens twice, first
    // at 04:00-04:59 UTC (UTC-4), then at 05:00-05:59 UTC (UTC-5). Both are November; 03:30 UTC
    // is 23:30 on 31 October.
    const org = await createOrg({ timeZone: 'America/Havana', currency: 'EUR' })
    const manager = await createMember(org, 'MANAGER')
    const { pipeline, stage } = await createSalesSetup(manager.ctx)
    let n = 0
    const closed = (status: 'WON' | 'LOST', when: string) =>
      testDb.deal.create({
        data: { orgId: org.id, title: `${status} ${when}`, amountMinor: 1_000n, currency: 'EUR', pipelineId: pipeline.id, stageId: stage(status === 'WON' ? 'Won' : 'Lost').id, status, probability: status === 'WON' ? 100 : 0, closedAt: at(when), createdAt: at(when), ownerId: manager.user.id, position: ++n },
      })
    await closed('WON', '2026-11-01T03:30:00Z') // 23:30 on 31 October
    await closed('WON', '2026-11-01T04:30:00Z') // 00:30 on 1 November, the first time
    await closed('LOST', '2026-11-01T05:30:00Z') // 00:30 on 1 November, the second time
    const ctx: DashboardCtx = { ...manager.ctx, timeZone: 'America/Havana', currency: 'EUR' }
    const filters = resolveFilters({ from: '2026-10', to: '2026-11' }, { role: 'MANAGER', userId: manager.user.id }, '2026-11-20', { back: 0, ahead: 0 })

    const months = winRateMonthRows('acme', filters, await loadClosedDeals(testDb, ctx, filters))
    expect(months.map(({ month, won, lost }) => ({ month, won, lost }))).toEqual([
      { month: '2026-10', won: 1, lost: 0 },
      { month: '2026-11', won: 1, lost: 1 },
    ])
    expect((await loadForecastPipeline(testDb, ctx, filters)).won).toEqual([
      { month: '2026-10', deals: 1, amount: 1_000 },
      { month: '2026-11', deals: 1, amount: 1_000 },
    ])
    expect(await loadMovement(testDb, ctx, filters)).toEqual([
      { month: '2026-10', entered: 1, advanced: 0, won: 1, lost: 0 },
      { month: '2026-11', entered: 2, advanced: 0, won: 1, lost: 1 },
    ])
  })

  it('shows SALES their own deals only, whatever owner the URL names', async () => {
    const { ann, bob } = await buildForecast()
    const filters = filtersFor(ann.ctx, { owner: bob.user.id })
    expect(filters.ownerId).toBe(ann.user.id)
    const ctx = dash(ann.ctx)
    const [pipeline, closed, slipped, owners] = await Promise.all([
      loadForecastPipeline(testDb, ctx, filters),
      loadClosedDeals(testDb, ctx, filters),
      loadSlippedDeals(testDb, ctx, filters),
      loadForecastOwners(testDb, ctx, filters),
    ])
    expect(pipelineTotals(pipeline)).toEqual({ deals: 2, amount: 1_200_000, weighted: 930_000, won: 320_000, wonDeals: 2 })
    expect(pipeline.otherCurrency).toBe(1)
    expect(closedTotal(closed)).toMatchObject({ won: 2, lost: 1 })
    expect(slipped.total).toBe(0)
    expect(owners.map((o) => o.name)).toEqual(['Ann'])
  })

  it('links to a deals list that finds the same deals: closed months in the org time zone, lost reason, expected-close range', async () => {
    const { admin, reasons } = await buildForecast()
    const titles = async (search: Record<string, string>) =>
      (await listDeals(testDb, admin.ctx, parseListParams(dealListDef, { sort: 'title', dir: 'asc', ...search }))).rows.map((r) => r.title)
    expect(await titles({ closedFrom: '2026-04', closedTo: '2026-04' })).toEqual(['L1', 'W1'])
    expect(await titles({ status: 'WON', closedFrom: '2026-03', closedTo: '2026-03' })).toEqual(['W2', 'W3'])
    expect(await titles({ status: 'LOST', lostReason: reasons[1]!.id })).toEqual(['L2'])
    expect(await titles({ status: 'OPEN', closeFrom: '2026-03', closeTo: '2026-04' })).toEqual(['A', 'B', 'C', 'F dollars'])
    expect(await titles({ status: 'OPEN', closeTo: '2026-03' })).toEqual(['A', 'D overdue'])
    expect(await titles({ createdFrom: '2026-04', createdTo: '2026-04' })).toEqual(['B'])
  })
})
