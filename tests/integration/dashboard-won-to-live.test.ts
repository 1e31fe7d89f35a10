import { beforeEach, describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import type { ProjectStatus } from '@/lib/generated/prisma/enums'
import { createPipeline } from '@/lib/crm/pipelines'
import { changeDealStage } from '@/lib/handoff/change-stage'
import { winDeal } from '@/lib/handoff/win-deal'
import { WinDealInput } from '@/lib/handoff/win-deal.schema'
import { defaultColumnRows } from '@/lib/pm/board-columns'
import { resolveFilters, type DashboardParams } from '@/lib/dashboards/params'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import { loadWonToLiveDistribution, type WonToLiveGroup } from '@/lib/dashboards/won-to-live-distribution'
import { loadWonToLiveDeals } from '@/lib/dashboards/won-to-live-deals'
import { createMember, createOrg } from '../factories'
import { createSalesSetup } from '../factories/crm'
import { createTestTemplate } from '../factories/template-versions'
import { testDb } from '../setup/db'

// Won to live on a hand-made organization (Europe/Berlin), "today" 2026-06-15, range Jan-Jun 2026.
// Each deal's days (org time) and durations, worked out by hand:
//
//        owner tpl products    close   kickoff first start  go-live   c->k k->s handoff c->live
//   D1   Ann   T1  P1,P1,P2    01-05   01-12   01-14        03-06       7    2     9     60
//   D2   Ann   T1  P1          02-02   02-09   02-10 (a)    04-13       7    1     8     70
//   D3   Bob   T2  P2          04-01(b)04-06   04-16 (c)    06-05       5   10    15     65
//   D4   Bob   T1  -           04-20(d)04-27   05-07        -           7   10    17      -  (age 56)
//   D5   Ann   T2  P1          05-04   06-22(e) -           -           -    -     -      -  (age 42)
//
// (a) its first task was never started but moved straight to done on 02-10, before the other
//     task was started (02-12): a completion counts as a start.
// (b) closed 2026-03-31T23:30Z = 01:30 on April 1st in Berlin: counts in April, not March.
// (c) started 2026-04-15T22:30Z = April 16th in Berlin.
// (d) won on 03-02, lost, won again on 04-20 through the services: one project, close = 04-20.
// (e) kickoff after today: not reached, so neither close->kickoff nor kickoff->start counts.
// Left out: a lost deal with a project, a won deal whose project is deleted, one whose project
// is cancelled, one without a project, one closed 2025-12-31 23:30 Berlin, another org's deal.
//
// percentile_cont interpolates: for sorted values v[0..n-1], p -> position p*(n-1).
//   handoff [8, 9, 15, 17]: median 12, p75 15.5 (15 + .25*2), p90 16.4 (15 + .7*2)
//   close->live [60, 65, 70]: median 65, p75 67.5, p90 69
//   close->kickoff [5, 7, 7, 7]: 7, 7, 7; kickoff->start [1, 2, 10, 10]: median 6, p75 10, p90 10

const TODAY = '2026-06-15'
const at = (iso: string) => new Date(iso)
const day = (value: string) => new Date(`${value}T00:00:00Z`)

type TaskSpec = { startedAt?: string; completedAt?: string }

async function world() {
  const org = await createOrg({ timeZone: 'Europe/Berlin', currency: 'EUR' })
  const manager = await createMember(org, 'MANAGER', { name: 'Mia Manager' })
  const ann = await createMember(org, 'SALES', { name: 'Ann Seller' })
  const bob = await createMember(org, 'SALES', { name: 'Bob Seller' })
  const sales = await createSalesSetup(manager.ctx)
  const other = await testDb.$transaction((tx) => createPipeline(tx, manager.ctx, { name: 'Renewals' }))
  const t1 = await createTestTemplate(manager.ctx, { name: 'Onboarding', tasks: [{ title: 'Welcome call', offsetDays: 0 }] })
  await testDb.projectTemplate.update({ where: { id: t1.template.id }, data: { isDefault: true } })
  const t2 = await testDb.projectTemplate.create({ data: { orgId: org.id, name: 'Migration' } })
  const p1 = await testDb.product.create({ data: { orgId: org.id, name: 'Platform', unitPriceMinor: 100_000n, currency: 'EUR' } })
  const p2 = await testDb.product.create({ data: { orgId: org.id, name: 'Support', unitPriceMinor: 50_000n, currency: 'EUR' } })
  const ctx: DashboardCtx = { ...manager.ctx, timeZone: 'Europe/Berlin', currency: 'EUR' }
  let position = 0

  async function deal(c: Ctx, title: string, o: { status?: 'WON' | 'LOST' | 'OPEN'; closedAt?: string; ownerId: string; pipelineId?: string; products?: string[]; deletedAt?: string }) {
    const status = o.status ?? 'WON'
    const pipelineId = o.pipelineId ?? sales.pipeline.id
    const stage = await testDb.pipelineStage.findFirstOrThrow({ where: { pipelineId, kind: status } })
    const row = await testDb.deal.create({
      data: {
        orgId: c.orgId,
        title,
        currency: 'EUR',
        amountMinor: 100_000n,
        pipelineId,
        stageId: stage.id,
        status,
        probability: stage.probability,
        ownerId: o.ownerId,
        position: ++position,
        closedAt: o.closedAt ? at(o.closedAt) : null,
        deletedAt: o.deletedAt ? at(o.deletedAt) : null,
      },
    })
    for (const [i, productId] of (o.products ?? []).entries()) {
      await testDb.dealLineItem.create({ data: { orgId: c.orgId, dealId: row.id, productId, name: 'Line', quantity: 1, unitPriceMinor: 100_000n, position: i } })
    }
    return row
  }

  async function project(
    c: Ctx,
    dealId: string,
    o: { kickoffOn: string; templateId?: string; status?: ProjectStatus; completedAt?: string; deletedAt?: string; tasks?: TaskSpec[] },
  ) {
    const row = await testDb.project.create({
      data: {
        orgId: c.orgId,
        name: `Project of ${dealId.slice(0, 4)}`,
        kickoffOn: day(o.kickoffOn),
        status: o.status ?? 'ACTIVE',
        completedAt: o.completedAt ? at(o.completedAt) : null,
        deletedAt: o.deletedAt ? at(o.deletedAt) : null,
        sourceDealId: dealId,
        templateId: o.templateId,
      },
    })
    await addTasks(c, row.id, o.tasks ?? [])
    return row
  }

  async function addTasks(c: Ctx, projectId: string, tasks: TaskSpec[]) {
    if (!(await testDb.boardColumn.count({ where: { projectId } }))) await testDb.boardColumn.createMany({ data: defaultColumnRows(c.orgId, projectId) })
    const column = await testDb.boardColumn.findFirstOrThrow({ where: { projectId }, orderBy: { position: 'asc' } })
    for (const [i, t] of tasks.entries()) {
      await testDb.task.create({
        data: {
          orgId: c.orgId,
          projectId,
          columnId: column.id,
          title: `Task ${i}`,
          position: 10_000 + i,
          startedAt: t.startedAt ? at(t.startedAt) : null,
          completedAt: t.completedAt ? at(t.completedAt) : null,
        },
      })
    }
  }

  const d1 = await deal(ann.ctx, 'D1', { closedAt: '2026-01-05T10:00:00Z', ownerId: ann.user.id, products: [p1.id, p1.id, p2.id] })
  const pr1 = await project(ann.ctx, d1.id, {
    kickoffOn: '2026-01-12',
    templateId: t1.template.id,
    status: 'DONE',
    completedAt: '2026-03-06T10:00:00Z',
    tasks: [{ startedAt: '2026-01-20T09:00:00Z' }, { startedAt: '2026-01-14T09:00:00Z', completedAt: '2026-01-20T09:00:00Z' }, {}],
  })
  const d2 = await deal(ann.ctx, 'D2', { closedAt: '2026-02-02T10:00:00Z', ownerId: ann.user.id, products: [p1.id] })
  await project(ann.ctx, d2.id, {
    kickoffOn: '2026-02-09',
    templateId: t1.template.id,
    status: 'DONE',
    completedAt: '2026-04-13T10:00:00Z',
    tasks: [{ completedAt: '2026-02-10T08:00:00Z' }, { startedAt: '2026-02-12T09:00:00Z' }],
  })
  const d3 = await deal(bob.ctx, 'D3', { closedAt: '2026-03-31T23:30:00Z', ownerId: bob.user.id, products: [p2.id] })
  await project(bob.ctx, d3.id, { kickoffOn: '2026-04-06', templateId: t2.id, status: 'DONE', completedAt: '2026-06-05T10:00:00Z', tasks: [{ startedAt: '2026-04-15T22:30:00Z' }] })

  // D4: an open deal won (a project from the default template), lost, and won again.
  const d4 = await deal(bob.ctx, 'D4', { status: 'OPEN', ownerId: bob.user.id })
  const win = (closeOn: string) => testDb.$transaction((tx) => winDeal(tx, bob.ctx, WinDealInput.parse({ dealId: d4.id, closeOn })), { timeout: 20_000, maxWait: 20_000 })
  await win('2026-03-02')
  const afterWin = await testDb.deal.findUniqueOrThrow({ where: { id: d4.id } })
  await testDb.$transaction((tx) =>
    changeDealStage(tx, bob.ctx, { dealId: d4.id, stageId: sales.stage('Lost').id, version: afterWin.version, lostReasonId: sales.reasons[0]!.id }),
  )
  await win('2026-04-20')
  const pr4 = await testDb.project.findUniqueOrThrow({ where: { sourceDealId: d4.id } })
  await testDb.project.update({ where: { id: pr4.id }, data: { kickoffOn: day('2026-04-27') } }) // re-planned after the second win
  await testDb.task.updateMany({ where: { projectId: pr4.id }, data: { startedAt: at('2026-05-07T09:00:00Z') } })

  const d5 = await deal(ann.ctx, 'D5', { closedAt: '2026-05-04T10:00:00Z', ownerId: ann.user.id, pipelineId: other.id, products: [p1.id] })
  await project(ann.ctx, d5.id, { kickoffOn: '2026-06-22', templateId: t2.id, status: 'PLANNED' })

  // Left out, each for its own reason.
  const lost = await deal(ann.ctx, 'Lost after a win', { status: 'LOST', closedAt: '2026-03-10T10:00:00Z', ownerId: ann.user.id })
  await project(ann.ctx, lost.id, { kickoffOn: '2026-03-01', status: 'ON_HOLD', tasks: [{ startedAt: '2026-03-02T09:00:00Z' }] })
  const deletedProject = await deal(ann.ctx, 'Project deleted', { closedAt: '2026-03-10T10:00:00Z', ownerId: ann.user.id })
  await project(ann.ctx, deletedProject.id, { kickoffOn: '2026-03-12', deletedAt: '2026-03-20T10:00:00Z' })
  const cancelled = await deal(ann.ctx, 'Project cancelled', { closedAt: '2026-03-10T10:00:00Z', ownerId: ann.user.id })
  await project(ann.ctx, cancelled.id, { kickoffOn: '2026-03-12', status: 'CANCELLED' })
  await deal(ann.ctx, 'No project', { closedAt: '2026-03-10T10:00:00Z', ownerId: ann.user.id })
  const deletedDeal = await deal(ann.ctx, 'Deal deleted', { closedAt: '2026-03-10T10:00:00Z', ownerId: ann.user.id, deletedAt: '2026-03-11T10:00:00Z' })
  await project(ann.ctx, deletedDeal.id, { kickoffOn: '2026-03-12' })
  const december = await deal(ann.ctx, 'Closed in December', { closedAt: '2025-12-31T22:30:00Z', ownerId: ann.user.id, products: [p1.id] })
  await project(ann.ctx, december.id, { kickoffOn: '2026-01-05', status: 'DONE', completedAt: '2026-01-30T10:00:00Z' })

  const elsewhere = await createOrg({ timeZone: 'Europe/Berlin' })
  const stranger = await createMember(elsewhere, 'ADMIN')
  const theirSales = await createSalesSetup(stranger.ctx)
  const theirStage = theirSales.stage('Won')
  const theirs = await testDb.deal.create({
    data: { orgId: elsewhere.id, title: 'Theirs', currency: 'EUR', pipelineId: theirSales.pipeline.id, stageId: theirStage.id, status: 'WON', probability: 100, ownerId: stranger.user.id, position: 1, closedAt: at('2026-02-02T10:00:00Z') },
  })
  await project(stranger.ctx, theirs.id, { kickoffOn: '2026-02-03', status: 'DONE', completedAt: '2026-02-05T10:00:00Z', tasks: [{ startedAt: '2026-02-04T10:00:00Z' }] })

  return { org, ctx, ann, bob, t1, t2, p1, p2, other, pipeline: sales.pipeline, deals: { d1, d2, d3, d4, d5 }, pr1, pr4 }
}

const filtersFor = (ctx: DashboardCtx, params: DashboardParams = {}, extra: { productId?: string } = {}) => ({
  ...resolveFilters({ from: '2026-01', to: '2026-06', ...params }, { role: 'MANAGER', userId: ctx.userId }, TODAY, { back: -11, ahead: 0 }),
  ...extra,
})
const find = (groups: WonToLiveGroup[], dim: WonToLiveGroup['dim'], key: string | null = null) => groups.find((g) => g.dim === dim && g.key === key)
const p = (p50: number | null, p75: number | null, p90: number | null) => ({ p50, p75, p90 })
const close = (actual: { p50: number | null; p75: number | null; p90: number | null }, expected: ReturnType<typeof p>) => {
  for (const k of ['p50', 'p75', 'p90'] as const) {
    if (expected[k] === null) expect(actual[k]).toBeNull()
    else expect(actual[k]).toBeCloseTo(expected[k], 6)
  }
}

describe('won to live dashboard', () => {
  let w: Awaited<ReturnType<typeof world>>
  beforeEach(async () => {
    w = await world()
  })

  it('counts each won deal with a live project once, and its medians, p75 and p90 by hand', async () => {
    const groups = await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx))
    const total = find(groups, 'total')!
    expect(total).toMatchObject({ deals: 5, started: 4, live: 3 })
    close(total.handoff, p(12, 15.5, 16.4))
    close(total.closeToLive, p(65, 67.5, 69))
    close(total.closeToKickoff, p(7, 7, 7))
    close(total.kickoffToStart, p(6, 10, 10))
    // the deal won, lost and won again has one project and counts once
    expect(await testDb.project.count({ where: { sourceDealId: w.deals.d4.id } })).toBe(1)
  })

  it('puts a deal in the month it closed in the organization time zone', async () => {
    const groups = await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx))
    const months = groups.filter((g) => g.dim === 'month').map((g) => [g.key, g.deals])
    expect(Object.fromEntries(months)).toEqual({ '2026-01': 1, '2026-02': 1, '2026-04': 2, '2026-05': 1 })
    const april = find(groups, 'month', '2026-04')!
    expect(april).toMatchObject({ deals: 2, started: 2, live: 1 })
    close(april.handoff, p(16, 16.5, 16.8)) // [15, 17]
    close(april.closeToLive, p(65, 65, 65)) // D3 only: D4 is not live
    // December 31st 23:30 in Berlin is December: a range starting in January leaves it out,
    // one ending in December takes it
    const dec = await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx, { from: '2025-12', to: '2025-12' }))
    expect(find(dec, 'total')).toMatchObject({ deals: 1, live: 1 })
    // March 31st 23:30 UTC is April 1st in Berlin: March has no deals
    const march = await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx, { from: '2026-03', to: '2026-03' }))
    expect(find(march, 'total')).toBeUndefined()
  })

  it('splits by template, by owner, and by product with a deal under each of its products', async () => {
    const groups = await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx))
    const t1 = find(groups, 'template', w.t1.template.id)!
    expect(t1).toMatchObject({ label: 'Onboarding', deals: 3, started: 3, live: 2 })
    close(t1.handoff, p(9, 13, 15.4)) // [8, 9, 17]
    close(t1.closeToLive, p(65, 67.5, 69)) // [60, 70]
    expect(find(groups, 'template', w.t2.id)).toMatchObject({ label: 'Migration', deals: 2, started: 1, live: 1 })

    expect(find(groups, 'owner', w.ann.user.id)).toMatchObject({ label: 'Ann Seller', deals: 3, live: 2, handoff: { p50: 8.5 } })
    expect(find(groups, 'owner', w.bob.user.id)).toMatchObject({ label: 'Bob Seller', deals: 2, live: 1, handoff: { p50: 16 } })

    // D1 has Platform twice and Support once: it counts once under each product
    const platform = find(groups, 'product', w.p1.id)!
    expect(platform).toMatchObject({ label: 'Platform', deals: 3, live: 2 }) // D1, D2, D5
    close(platform.closeToLive, p(65, 67.5, 69))
    const support = find(groups, 'product', w.p2.id)!
    expect(support).toMatchObject({ label: 'Support', deals: 2, live: 2 }) // D1, D3
    close(support.closeToLive, p(62.5, 63.75, 64.5)) // [60, 65]
    expect(find(groups, 'product', null)).toMatchObject({ deals: 1 }) // D4 has no product
  })

  it('narrows every figure by owner, template, pipeline and product', async () => {
    const total = async (params: DashboardParams, extra = {}) => find(await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx, params, extra)), 'total')?.deals ?? 0
    expect(await total({ owner: w.bob.user.id })).toBe(2)
    expect(await total({ template: w.t2.id })).toBe(2)
    expect(await total({ pipeline: w.other.id })).toBe(1)
    expect(await total({ pipeline: w.pipeline.id })).toBe(4)
    expect(await total({}, { productId: w.p2.id })).toBe(2)
    const bobs = await loadWonToLiveDeals(testDb, w.ctx, filtersFor(w.ctx, { owner: w.bob.user.id }))
    expect(bobs.map((d) => d.dealTitle)).toEqual(['D4', 'D3'])
  })

  it('lists the deals behind the figures, newest first, with projects not live yet in progress and their age', async () => {
    const deals = await loadWonToLiveDeals(testDb, w.ctx, filtersFor(w.ctx))
    expect(deals.map((d) => d.dealTitle)).toEqual(['D5', 'D4', 'D3', 'D2', 'D1'])
    const [d5, d4, d3, , d1] = deals
    expect(d1).toMatchObject({ projectId: w.pr1.id, owner: 'Ann Seller', template: 'Onboarding', closeOn: '2026-01-05', kickoffOn: '2026-01-12', firstStartOn: '2026-01-14', liveOn: '2026-03-06' })
    expect(d1).toMatchObject({ closeToKickoff: 7, kickoffToStart: 2, handoff: 9, closeToLive: 60, age: null })
    expect(d3).toMatchObject({ closeOn: '2026-04-01', firstStartOn: '2026-04-16', handoff: 15, closeToLive: 65 })
    expect(d4).toMatchObject({ projectId: w.pr4.id, closeOn: '2026-04-20', kickoffOn: '2026-04-27', firstStartOn: '2026-05-07', liveOn: null, handoff: 17, closeToLive: null, age: 56 })
    expect(d5).toMatchObject({ kickoffOn: '2026-06-22', firstStartOn: null, closeToKickoff: null, kickoffToStart: null, handoff: null, closeToLive: null, age: 42 })

    const capped = await loadWonToLiveDeals(testDb, w.ctx, filtersFor(w.ctx), 2)
    expect(capped.map((d) => d.dealTitle)).toEqual(['D5', 'D4'])
  })

  it('gives a deal closed in the first of two midnights the day and month the org calendar says (America/Havana, 1 November 2026)', async () => {
    // Havana leaves daylight time at 01:00 on 1 November 2026: 00:00-00:59 happens twice, first
    // at 04:00-04:59 UTC. A deal closed at 04:30 UTC closed on 1 November, not 31 October.
    const havana = await createOrg({ timeZone: 'America/Havana', currency: 'EUR' })
    const manager = await createMember(havana, 'MANAGER')
    const { pipeline, stage } = await createSalesSetup(manager.ctx)
    const deal = await testDb.deal.create({
      data: { orgId: havana.id, title: 'Havana', currency: 'EUR', amountMinor: 1_000n, pipelineId: pipeline.id, stageId: stage('Won').id, status: 'WON', probability: 100, ownerId: manager.user.id, position: 1, closedAt: at('2026-11-01T04:30:00Z') },
    })
    const project = await testDb.project.create({
      data: { orgId: havana.id, name: 'Havana project', kickoffOn: day('2026-11-02'), status: 'DONE', completedAt: at('2026-11-20T15:00:00Z'), sourceDealId: deal.id },
    })
    await testDb.boardColumn.createMany({ data: defaultColumnRows(havana.id, project.id) })
    const column = await testDb.boardColumn.findFirstOrThrow({ where: { projectId: project.id }, orderBy: { position: 'asc' } })
    await testDb.task.create({ data: { orgId: havana.id, projectId: project.id, columnId: column.id, title: 'First', position: 1, startedAt: at('2026-11-01T04:40:00Z') } })
    // and one whose work began before the range (its day is converted on its own, outside the days of the range)
    const early = await testDb.deal.create({
      data: { orgId: havana.id, title: 'Early', currency: 'EUR', amountMinor: 1_000n, pipelineId: pipeline.id, stageId: stage('Won').id, status: 'WON', probability: 100, ownerId: manager.user.id, position: 2, closedAt: at('2026-10-10T15:00:00Z') },
    })
    const earlyProject = await testDb.project.create({ data: { orgId: havana.id, name: 'Early project', kickoffOn: day('2026-09-28'), status: 'ACTIVE', sourceDealId: early.id } })
    await testDb.boardColumn.createMany({ data: defaultColumnRows(havana.id, earlyProject.id) })
    const earlyColumn = await testDb.boardColumn.findFirstOrThrow({ where: { projectId: earlyProject.id }, orderBy: { position: 'asc' } })
    await testDb.task.create({ data: { orgId: havana.id, projectId: earlyProject.id, columnId: earlyColumn.id, title: 'Early', position: 1, startedAt: at('2026-09-20T15:00:00Z') } })
    const ctx: DashboardCtx = { ...manager.ctx, timeZone: 'America/Havana', currency: 'EUR' }
    const filters = resolveFilters({ from: '2026-10', to: '2026-11' }, { role: 'MANAGER', userId: manager.user.id }, '2026-11-25', { back: 0, ahead: 0 })

    const groups = await loadWonToLiveDistribution(testDb, ctx, filters)
    expect(groups.filter((g) => g.dim === 'month').map((g) => [g.key, g.deals])).toEqual([['2026-10', 1], ['2026-11', 1]])
    // closed 1 Nov, kickoff 2 Nov, first task started 1 Nov (00:40, the first time), live 20 Nov
    const november = find(groups, 'month', '2026-11')!
    close(november.closeToKickoff, p(1, 1, 1))
    close(november.handoff, p(0, 0, 0))
    close(november.closeToLive, p(19, 19, 19))
    // closed 10 Oct, kickoff 28 Sep, first task started 20 Sep
    const october = find(groups, 'month', '2026-10')!
    close(october.kickoffToStart, p(-8, -8, -8))
    close(october.handoff, p(-20, -20, -20))
    const rows = await loadWonToLiveDeals(testDb, ctx, filters)
    expect(rows[0]).toMatchObject({ closeOn: '2026-11-01', firstStartOn: '2026-11-01', liveOn: '2026-11-20', closeToKickoff: 1, closeToLive: 19 })
    expect(rows[1]).toMatchObject({ closeOn: '2026-10-10', firstStartOn: '2026-09-20', kickoffToStart: -8, handoff: -20 })
  })

  it('never counts another organization’s deals', async () => {
    const elsewhere = await testDb.organization.findFirstOrThrow({ where: { id: { not: w.org.id } } })
    const member = await testDb.membership.findFirstOrThrow({ where: { orgId: elsewhere.id } })
    const theirCtx: DashboardCtx = { orgId: elsewhere.id, userId: member.userId, role: 'ADMIN', timeZone: 'Europe/Berlin', currency: 'EUR' }
    expect(find(await loadWonToLiveDistribution(testDb, theirCtx, filtersFor(theirCtx)), 'total')).toMatchObject({ deals: 1, live: 1 })
    // and in ours, their deal (closed 2026-02-02, like D2) is not in February
    expect(find(await loadWonToLiveDistribution(testDb, w.ctx, filtersFor(w.ctx)), 'month', '2026-02')).toMatchObject({ deals: 1 })
    // asking for their owner in our org finds nothing
    expect(await loadWonToLiveDeals(testDb, w.ctx, filtersFor(w.ctx, { owner: member.userId }))).toEqual([])
  })
})
