import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { resolveFilters, type DashboardParams } from '@/lib/dashboards/params'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import { loadOnTime } from '@/lib/dashboards/delivery-on-time'
import { loadOverdue } from '@/lib/dashboards/delivery-overdue'
import { loadGoLive, loadProjectHealth } from '@/lib/dashboards/delivery-projects'
import { loadWorkload } from '@/lib/dashboards/delivery-workload'
import { goLiveRows, onTimeAssigneeRows, onTimeMonthRows, onTimeProjectRows, onTimeTemplateRows, onTimeTotal, overdueBucketRows, overdueRows, overdueTotal, workloadRows } from '@/lib/dashboards/delivery-figures'
import { todayIn } from '@/lib/dates'
import { can } from '@/lib/permissions'
import { listProjects } from '@/lib/pm/projects'
import { ProjectListParams } from '@/lib/pm/projects.schema'
import { updateTask } from '@/lib/pm/tasks'
import { createMember, createOrg } from '../factories'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

// Today is Wednesday 18 March 2026 in Berlin; the range is January to March 2026.
const TODAY = '2026-03-18'
const day = (value: string) => new Date(`${value}T00:00:00Z`)

type Setup = Awaited<ReturnType<typeof buildDelivery>>

function filtersFor(ctx: Ctx, params: DashboardParams = {}) {
  return resolveFilters({ from: '2026-01', to: '2026-03', ...params }, { role: ctx.role, userId: ctx.userId }, TODAY, { back: -11, ahead: 0 })
}

/**
 * Acme (Berlin): projects P1 (template Onboarding, target passed), P2 (no template, an open task
 * after its target), P5 (healthy), a cancelled and a deleted project, done projects for go-live;
 * and another organization whose rows must never count.
 */
async function buildDelivery() {
  const org = await createOrg({ timeZone: 'Europe/Berlin', currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  const delivery = await createMember(org, 'DELIVERY', { name: 'Dee Delivery' })
  const ann = await createMember(org, 'DELIVERY', { name: 'Ann' })
  const bob = await createMember(org, 'DELIVERY', { name: 'Bob' })
  const template = await testDb.projectTemplate.create({ data: { orgId: org.id, name: 'Onboarding' } })
  const ctx: DashboardCtx = { ...admin.ctx, timeZone: 'Europe/Berlin', currency: 'EUR' }

  const p1 = await createTestProject(admin.ctx, { name: 'P1 Rollout' })
  const p2 = await createTestProject(admin.ctx, { name: 'P2 Migration' })
  const p3 = await createTestProject(admin.ctx, { name: 'P3 Deleted' })
  const p4 = await createTestProject(admin.ctx, { name: 'P4 Cancelled' })
  const p5 = await createTestProject(admin.ctx, { name: 'P5 Healthy' })
  await testDb.project.update({ where: { id: p1.project.id }, data: { templateId: template.id, targetGoLiveOn: day('2026-03-10'), baselineGoLiveOn: day('2026-03-10') } })
  await testDb.project.update({ where: { id: p2.project.id }, data: { targetGoLiveOn: day('2026-06-30'), baselineGoLiveOn: day('2026-06-30') } })
  await testDb.project.update({ where: { id: p3.project.id }, data: { deletedAt: new Date('2026-03-01T00:00:00Z') } })
  await testDb.project.update({ where: { id: p4.project.id }, data: { status: 'CANCELLED' } })
  await testDb.project.update({ where: { id: p5.project.id }, data: { targetGoLiveOn: day('2026-12-31'), baselineGoLiveOn: day('2026-12-31') } })

  let position = 0
  const task = async (
    project: Awaited<ReturnType<typeof createTestProject>>,
    t: { title: string; assigneeId?: string; dueOn?: string; baselineDueOn?: string | null; completedAt?: string; completedOn?: string; estimateMinutes?: number },
  ) => {
    const done = Boolean(t.completedAt)
    return testDb.task.create({
      data: {
        orgId: project.project.orgId,
        projectId: project.project.id,
        columnId: project.column(done ? 'DONE' : 'TODO').id,
        title: t.title,
        position: ++position * 1000,
        assigneeId: t.assigneeId ?? null,
        dueOn: t.dueOn ? day(t.dueOn) : null,
        baselineDueOn: t.baselineDueOn === null ? null : day(t.baselineDueOn ?? t.dueOn!),
        completedAt: t.completedAt ? new Date(t.completedAt) : null,
        completedOn: t.completedOn ? day(t.completedOn) : null,
        estimateMinutes: t.estimateMinutes ?? null,
      },
    })
  }
  const A = ann.user.id
  const B = bob.user.id

  // --- completed tasks (on-time rate) ---
  // a) due 10 Jan, moved to 20 Jan through the app, done 15 Jan: late against its baseline
  const a = await task(p1, { title: 'a moved', assigneeId: A, dueOn: '2026-01-10' })
  await updateTask(testDb, admin.ctx, { taskId: a.id, dueOn: '2026-01-20' })
  await testDb.task.update({ where: { id: a.id }, data: { completedAt: new Date('2026-01-15T09:00:00Z'), completedOn: day('2026-01-15'), columnId: p1.column('DONE').id } })
  // b) done on its baseline day: on time
  await task(p1, { title: 'b on the day', assigneeId: A, dueOn: '2026-01-20', completedAt: '2026-01-20T16:00:00Z', completedOn: '2026-01-20' })
  // c) done 28 Feb 23:30 UTC = 1 March in Berlin: on time, in March
  await task(p1, { title: 'c Berlin March', assigneeId: B, dueOn: '2026-03-01', completedAt: '2026-02-28T23:30:00Z', completedOn: todayIn('Europe/Berlin', new Date('2026-02-28T23:30:00Z')) })
  // d) two days late, February
  await task(p2, { title: 'd late', assigneeId: B, dueOn: '2026-02-10', completedAt: '2026-02-12T10:00:00Z', completedOn: '2026-02-12' })
  // e) no baseline: not counted; f) before the range; g) deleted project
  await task(p2, { title: 'e no baseline', completedAt: '2026-02-05T10:00:00Z', completedOn: '2026-02-05', baselineDueOn: null })
  await task(p1, { title: 'f December', assigneeId: A, dueOn: '2025-12-31', completedAt: '2025-12-31T10:00:00Z', completedOn: '2025-12-31' })
  await task(p3, { title: 'g deleted project', assigneeId: A, dueOn: '2026-02-20', completedAt: '2026-02-01T10:00:00Z', completedOn: '2026-02-01' })

  // --- open tasks (overdue, workload) ---
  await task(p1, { title: 'o1 1 day', assigneeId: A, dueOn: '2026-03-17', estimateMinutes: 60 })
  await task(p1, { title: 'o2 7 days', assigneeId: A, dueOn: '2026-03-11' })
  await task(p1, { title: 'o3 8 days', assigneeId: B, dueOn: '2026-03-10', estimateMinutes: 30 })
  await task(p2, { title: 'o4 30 days', assigneeId: B, dueOn: '2026-02-16' })
  await task(p2, { title: 'o5 31 days', dueOn: '2026-02-15' })
  await task(p4, { title: 'cancelled project', assigneeId: A, dueOn: '2026-03-01', estimateMinutes: 600 })
  await task(p1, { title: 'w today', assigneeId: A, dueOn: '2026-03-18', estimateMinutes: 120 })
  await task(p1, { title: 'w Sunday', assigneeId: A, dueOn: '2026-03-22', estimateMinutes: 60 })
  await task(p1, { title: 'w next Monday', assigneeId: A, dueOn: '2026-03-23', estimateMinutes: 90 })
  await task(p5, { title: 'w fourth week', assigneeId: B, dueOn: '2026-04-12', estimateMinutes: 30 })
  await task(p5, { title: 'w fifth week', assigneeId: B, dueOn: '2026-04-13', estimateMinutes: 600 })
  await task(p2, { title: 'after target', assigneeId: B, dueOn: '2026-07-15' })

  // --- done projects (go-live) ---
  const doneProject = async (name: string, completedAt: string, baseline: string | null, target: string | null, owner: Ctx = admin.ctx) => {
    const p = await createTestProject(owner, { name })
    await testDb.project.update({
      where: { id: p.project.id },
      data: { status: 'DONE', completedAt: new Date(completedAt), baselineGoLiveOn: baseline ? day(baseline) : null, targetGoLiveOn: target ? day(target) : null },
    })
  }
  await doneProject('G1 late by Berlin time', '2026-01-31T23:30:00Z', '2026-01-31', '2026-01-31')
  await doneProject('G2 on the baseline day', '2026-03-05T10:00:00Z', '2026-03-05', '2026-03-20')
  await doneProject('G3 without dates', '2026-02-10T10:00:00Z', null, null)
  await doneProject('G4 before the range', '2025-12-15T10:00:00Z', '2025-12-01', '2025-12-01')

  // --- another organization: never counts ---
  const other = await createOrg({ timeZone: 'Europe/Berlin' })
  const otherAdmin = await createMember(other, 'ADMIN')
  const op = await createTestProject(otherAdmin.ctx, { name: 'Other org' })
  await task(op, { title: 'other late', dueOn: '2026-02-01', completedAt: '2026-02-10T10:00:00Z', completedOn: '2026-02-10' })
  await task(op, { title: 'other overdue', dueOn: '2026-03-01', estimateMinutes: 600 })
  await doneProject('other org late go-live', '2026-02-10T10:00:00Z', '2026-01-01', '2026-01-01', otherAdmin.ctx)

  return { org, ctx, admin, delivery, ann, bob, template, p1, p2, p5, a }
}

const dashCtx = (s: Setup, ctx: Ctx): DashboardCtx => ({ ...ctx, timeZone: s.ctx.timeZone, currency: s.ctx.currency })

describe('delivery dashboard', () => {
  it('on-time rate: against the baseline, on the baseline day counts, months in Berlin, only this org', async () => {
    const s = await buildDelivery()
    const moved = await testDb.task.findUniqueOrThrow({ where: { id: s.a.id } })
    expect(moved.dueOn?.toISOString().slice(0, 10)).toBe('2026-01-20')
    expect(moved.baselineDueOn?.toISOString().slice(0, 10)).toBe('2026-01-10')

    const filters = filtersFor(s.ctx)
    const groups = await loadOnTime(testDb, s.ctx, filters)
    // a late (moved), b on time; d late; c on time in March (Berlin); e, f, g and the other org left out
    expect(onTimeMonthRows(groups, filters.months)).toEqual([
      { month: '2026-01', completed: 2, onTime: 1, late: 1, rate: 0.5 },
      { month: '2026-02', completed: 1, onTime: 0, late: 1, rate: 0 },
      { month: '2026-03', completed: 1, onTime: 1, late: 0, rate: 1 },
    ])
    expect(onTimeTotal(groups)).toEqual({ completed: 4, onTime: 2, late: 2, rate: 0.5 })
    expect(onTimeTemplateRows(groups, 'acme')).toEqual([
      { template: 'Onboarding', completed: 3, onTime: 2, late: 1, rate: 2 / 3, href: `/acme/projects?status=all&template=${s.template.id}` },
      { template: 'No template', completed: 1, onTime: 0, late: 1, rate: 0, href: null },
    ])
    expect(onTimeAssigneeRows(groups)).toEqual([
      { person: 'Ann', completed: 2, onTime: 1, late: 1, rate: 0.5 },
      { person: 'Bob', completed: 2, onTime: 1, late: 1, rate: 0.5 },
    ])
    // projects are ranked from 3 completed tasks: P1 only
    expect(onTimeProjectRows(groups, 'acme', 'worst', 10)).toEqual([{ project: 'P1 Rollout', completed: 3, onTime: 2, late: 1, rate: 2 / 3, href: `/acme/projects/${s.p1.project.id}` }])
  })

  it('on-time rate follows the template and owner filters', async () => {
    const s = await buildDelivery()
    expect(onTimeTotal(await loadOnTime(testDb, s.ctx, filtersFor(s.ctx, { template: s.template.id })))).toMatchObject({ completed: 3, onTime: 2 })
    expect(onTimeTotal(await loadOnTime(testDb, s.ctx, filtersFor(s.ctx, { owner: s.bob.user.id })))).toMatchObject({ completed: 2, onTime: 1 })
    // February only: d
    expect(onTimeTotal(await loadOnTime(testDb, s.ctx, filtersFor(s.ctx, { from: '2026-02', to: '2026-02' })))).toEqual({ completed: 1, onTime: 0, late: 1, rate: 0 })
  })

  it('overdue now: by age bucket, person and project; done and cancelled projects and other orgs left out', async () => {
    const s = await buildDelivery()
    const groups = await loadOverdue(testDb, s.ctx, filtersFor(s.ctx))
    expect(overdueTotal(groups)).toBe(5)
    expect(overdueBucketRows(groups)).toEqual([
      { age: '1–7 days', tasks: 2 },
      { age: '8–14 days', tasks: 1 },
      { age: '15–30 days', tasks: 1 },
      { age: 'Over 30 days', tasks: 1 },
    ])
    const people = overdueRows(groups, 'assignee', (key, label) => ({ label: key ? label! : 'Unassigned', href: null }))
    expect(people).toEqual([
      { name: 'Ann', d1_7: 2, d8_14: 0, d15_30: 0, d31: 0, total: 2, href: null },
      { name: 'Bob', d1_7: 0, d8_14: 1, d15_30: 1, d31: 0, total: 2, href: null },
      { name: 'Unassigned', d1_7: 0, d8_14: 0, d15_30: 0, d31: 1, total: 1, href: null },
    ])
    const projects = overdueRows(groups, 'project', (key, label) => ({ label: label!, href: `/acme/projects/${key}?overdue=1` }))
    expect(projects.map((p) => [p.name, p.total, p.href])).toEqual([
      ['P1 Rollout', 3, `/acme/projects/${s.p1.project.id}?overdue=1`],
      ['P2 Migration', 2, `/acme/projects/${s.p2.project.id}?overdue=1`],
    ])
    expect(overdueTotal(await loadOverdue(testDb, s.ctx, filtersFor(s.ctx, { template: s.template.id })))).toBe(3)
  })

  it('workload: overdue, this week from Monday, the three weeks after; hours from estimates', async () => {
    const s = await buildDelivery()
    const groups = await loadWorkload(testDb, s.ctx, filtersFor(s.ctx))
    const hours = workloadRows(groups, TODAY, 'hours', () => null)
    expect(hours).toEqual([
      { person: 'Ann', overdue: 1, w0: 3, w1: 1.5, w2: 0, w3: 0, hours: 5.5, tasks: 5, href: null },
      { person: 'Bob', overdue: 0.5, w0: 0, w1: 0, w2: 0, w3: 0.5, hours: 1, tasks: 3, href: null },
      { person: 'Unassigned', overdue: 0, w0: 0, w1: 0, w2: 0, w3: 0, hours: 0, tasks: 1, href: null },
    ])
    const tasks = workloadRows(groups, TODAY, 'tasks', () => null)
    expect(tasks.find((r) => r.person === 'Ann')).toMatchObject({ overdue: 2, w0: 2, w1: 1, w2: 0, w3: 0 })
    expect(tasks.find((r) => r.person === 'Bob')).toMatchObject({ overdue: 2, w3: 1 })
  })

  it('project health: an overdue milestone and more open work than working days left make a project at risk', async () => {
    const org = await createOrg({ timeZone: 'Europe/Berlin', currency: 'EUR' })
    const admin = await createMember(org, 'ADMIN')
    const ann = await createMember(org, 'DELIVERY', { name: 'Ann' })
    const bob = await createMember(org, 'DELIVERY', { name: 'Bob' })
    const ctx: DashboardCtx = { ...admin.ctx, timeZone: 'Europe/Berlin', currency: 'EUR' }
    // Wednesday 18 March; target Friday 27 March: 8 working days left (18-20, 23-27)
    const target = { targetGoLiveOn: day('2026-03-27'), baselineGoLiveOn: day('2026-03-27') }
    const milestone = await createTestProject(admin.ctx, { name: 'M Milestone overdue' })
    const busy = await createTestProject(admin.ctx, { name: 'B Busy Ann' })
    const shared = await createTestProject(admin.ctx, { name: 'S Shared work' })
    for (const p of [milestone, busy, shared]) await testDb.project.update({ where: { id: p.project.id }, data: target })
    await testDb.milestone.create({ data: { orgId: org.id, projectId: milestone.project.id, name: 'Kickoff', dueOn: day('2026-03-17'), baselineDueOn: day('2026-03-17'), position: 1 } })
    const open = (p: typeof busy, assigneeId: string, hours: number, i: number) =>
      testDb.task.create({ data: { orgId: org.id, projectId: p.project.id, columnId: p.column('TODO').id, title: `T${i}`, position: i, assigneeId, dueOn: day('2026-03-20'), baselineDueOn: day('2026-03-20'), estimateMinutes: hours * 60 } })
    // Ann alone has 9 days of work (72 h) on B; on S the same 72 h is split between Ann and Bob
    await open(busy, ann.user.id, 40, 1)
    await open(busy, ann.user.id, 32, 2)
    await open(shared, ann.user.id, 40, 3)
    await open(shared, bob.user.id, 32, 4)
    // done work does not count
    await testDb.task.create({ data: { orgId: org.id, projectId: shared.project.id, columnId: shared.column('DONE').id, title: 'Done', position: 5, assigneeId: bob.user.id, completedAt: new Date('2026-03-02T10:00:00Z'), completedOn: day('2026-03-02'), estimateMinutes: 80 * 60 } })

    const health = await loadProjectHealth(testDb, ctx, filtersFor(ctx))
    expect(health.counts).toEqual({ ON_TRACK: 1, AT_RISK: 2, LATE: 0 })
    // same target: listed in no particular order
    expect(health.attention.map((p) => [p.name, p.reasons]).sort()).toEqual([
      ['B Busy Ann', ['The open work needs 9 working days; 8 are left before the target.']],
      ['M Milestone overdue', ['1 milestone is overdue.']],
    ])
  })

  it('project health: the projects list’s rules; go-live against the baseline by Berlin month', async () => {
    const s = await buildDelivery()
    const health = await loadProjectHealth(testDb, s.ctx, filtersFor(s.ctx))
    // P1 target passed: late; P2 open task after its target: at risk; P5 on track; cancelled, deleted, done left out
    expect(health.counts).toEqual({ ON_TRACK: 1, AT_RISK: 1, LATE: 1 })
    expect(health.open).toBe(3)
    expect(health.attention.map((p) => [p.name, p.health])).toEqual([
      ['P1 Rollout', 'LATE'],
      ['P2 Migration', 'AT_RISK'],
    ])
    // the projects list says the same (same rules, same SQL) as of the real today
    const now = resolveFilters({}, { role: 'ADMIN', userId: s.admin.user.id }, todayIn('Europe/Berlin'), { back: -11, ahead: 0 })
    const dashboard = await loadProjectHealth(testDb, s.ctx, now)
    const list = await listProjects(testDb, s.admin.ctx, ProjectListParams.parse({ sort: 'health' }))
    const listed = { ON_TRACK: 0, AT_RISK: 0, LATE: 0 }
    for (const item of list.items) listed[item.health] += 1
    expect(dashboard.counts).toEqual(listed)
    expect(list.total).toBe(3)
    const templated = await loadProjectHealth(testDb, s.ctx, filtersFor(s.ctx, { template: s.template.id }))
    expect(templated.counts).toEqual({ ON_TRACK: 0, AT_RISK: 0, LATE: 1 })

    const filters = filtersFor(s.ctx)
    // G1 done 31 Jan 23:30 UTC = 1 Feb in Berlin: after its baseline, in February
    expect(goLiveRows(filters.months, await loadGoLive(testDb, s.ctx, filters))).toEqual([
      { month: '2026-01', onTime: 0, late: 0, noBaseline: 0, rate: null },
      { month: '2026-02', onTime: 0, late: 1, noBaseline: 1, rate: 0 },
      { month: '2026-03', onTime: 1, late: 0, noBaseline: 0, rate: 1 },
    ])
  })

  it('the projects list filters by template (the dashboard’s click-through)', async () => {
    const s = await buildDelivery()
    const list = await listProjects(testDb, s.admin.ctx, ProjectListParams.parse({ status: 'all', template: s.template.id }))
    expect(list.items.map((i) => i.name)).toEqual(['P1 Rollout'])
  })

  it('DELIVERY may open it and sees the whole organization; SALES may not', async () => {
    const s = await buildDelivery()
    expect(can('DELIVERY', 'dashboards:delivery')).toBe(true)
    expect(can('MANAGER', 'dashboards:delivery')).toBe(true)
    expect(can('SALES', 'dashboards:delivery')).toBe(false)
    const ctx = dashCtx(s, s.delivery.ctx)
    const filters = filtersFor(s.delivery.ctx)
    expect(filters.ownerLocked).toBe(false)
    expect(onTimeTotal(await loadOnTime(testDb, ctx, filters))).toEqual({ completed: 4, onTime: 2, late: 2, rate: 0.5 })
    expect(overdueTotal(await loadOverdue(testDb, ctx, filters))).toBe(5)
  })
})
