import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { DEMO_ORG } from '@/lib/demo-accounts'
import { listProjects } from '@/lib/pm/projects'
import { ProjectListParams } from '@/lib/pm/projects.schema'
import { seedDemo } from '@/prisma/seed/demo'
import { monthStart } from '@/prisma/seed/demo-history-time'
import { testDb } from '../setup/db'

// The demo's 18 months of history (prisma/seed/demo-history*.ts), as a manager's dashboards
// read it: every month has closed deals, won and lost; the traps of the figures are there
// (a deal won, lost and won again; late tasks whose due date moved); open deals fill the
// 6-month forecast; projects went live on time and late. Months in the org's time zone.
const TZ = DEMO_ORG.timeZone
const count = (sql: Promise<{ n: number }[]>) => sql.then((rows) => rows[0]!.n)

async function seeded() {
  expect(await seedDemo(testDb)).toMatchObject({ seeded: true })
  const org = await testDb.organization.findFirstOrThrow({ where: { slug: DEMO_ORG.slug }, select: { id: true } })
  const user = (email: string) => testDb.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((u) => u.id)
  return { orgId: org.id, user }
}

describe('the demo history', () => {
  it('has deals closed won and lost month by month, their audit trail, and open deals for the next 6 months', { timeout: 90_000 }, async () => {
    const { orgId } = await seeded()
    const months = await testDb.$queryRaw<{ month: string; won: number; lost: number }[]>`
      SELECT to_char(closed_at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month,
             count(*) FILTER (WHERE status = 'WON')::int AS won, count(*) FILTER (WHERE status = 'LOST')::int AS lost
      FROM deal WHERE org_id = ${orgId}::uuid AND deleted_at IS NULL AND status <> 'OPEN'
        AND closed_at >= (date_trunc('month', now() AT TIME ZONE ${TZ}) - interval '17 months') AT TIME ZONE ${TZ}
      GROUP BY 1 ORDER BY 1`
    expect(months.length).toBeGreaterThanOrEqual(15)
    expect(months.filter((m) => m.won > 0 && m.lost > 0).length).toBeGreaterThanOrEqual(14)
    const won = months.reduce((s, m) => s + m.won, 0)
    const lost = months.reduce((s, m) => s + m.lost, 0)
    expect(won + lost).toBeGreaterThanOrEqual(150)
    expect(won / (won + lost)).toBeGreaterThan(0.3)
    expect(won / (won + lost)).toBeLessThan(0.5)

    // win rates differ by owner (three owners), and every deal type and both pipelines close
    const owners = await testDb.$queryRaw<{ rate: number }[]>`
      SELECT (count(*) FILTER (WHERE status = 'WON'))::float / count(*) AS rate FROM deal
      WHERE org_id = ${orgId}::uuid AND status <> 'OPEN' GROUP BY owner_id`
    expect(owners.length).toBeGreaterThanOrEqual(3)
    expect(Math.max(...owners.map((o) => o.rate)) - Math.min(...owners.map((o) => o.rate))).toBeGreaterThan(0.05)
    const kinds = await testDb.$queryRaw<{ kind: string }[]>`
      SELECT DISTINCT p.name || ' ' || d.deal_type AS kind FROM deal d JOIN pipeline p ON p.id = d.pipeline_id
      WHERE d.org_id = ${orgId}::uuid AND d.status = 'WON'`
    expect(kinds.length).toBe(6)

    // closed deals as the app leaves them: amount = sum of the lines (when priced by lines), stage probability, reasons on lost ones only
    expect(
      await count(testDb.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id
        WHERE d.org_id = ${orgId}::uuid AND d.status <> 'OPEN' AND (
          (EXISTS (SELECT 1 FROM deal_line_item l WHERE l.deal_id = d.id)
           AND d.amount_minor <> (SELECT sum((l.quantity * l.unit_price_minor * (10000 - l.discount_bp) + 5000) / 10000) FROM deal_line_item l WHERE l.deal_id = d.id))
          OR d.probability <> s.probability OR d.stage_entered_at <> d.closed_at
          OR (d.status = 'LOST') <> (d.lost_reason_id IS NOT NULL)
          OR d.closed_at - d.created_at NOT BETWEEN interval '10 days' AND interval '120 days'
          -- (a deal won back closed 6 days after its first win)
          OR abs(d.expected_close_on - (d.closed_at AT TIME ZONE ${TZ})::date) > 16)`),
    ).toBe(0)

    // each closed deal of the history (priced by line items; the demo projects' two deals were made won directly):
    // created, moved and closed in its log, the close at closed_at with the final status
    const trails = await testDb.$queryRaw<{ created: number; closes: number; lastStatus: string; status: string }[]>`
      SELECT count(*) FILTER (WHERE a.action = 'deal.created' AND a.created_at = d.created_at)::int AS created,
             count(*) FILTER (WHERE a.action = 'deal.stage_changed' AND a.created_at = d.closed_at)::int AS closes,
             (array_agg(a.changes #>> '{status,to}' ORDER BY a.created_at DESC) FILTER (WHERE a.action = 'deal.stage_changed'))[1] AS "lastStatus",
             d.status::text AS status
      FROM deal d JOIN activity_log a ON a.entity_id = d.id AND a.entity_type = 'deal'
      WHERE d.org_id = ${orgId}::uuid AND d.status <> 'OPEN' AND EXISTS (SELECT 1 FROM deal_line_item l WHERE l.deal_id = d.id)
      GROUP BY d.id`
    expect(trails.length).toBeGreaterThanOrEqual(150)
    for (const t of trails) expect(t).toEqual({ created: 1, closes: 1, lastStatus: t.status, status: t.status })

    // slipped deals: the expected close moved later, as updateDeal logs it, some of them this month
    const slips = await testDb.$queryRaw<{ from: string; to: string; thisMonth: boolean }[]>`
      SELECT changes #>> '{expectedCloseOn,from}' AS "from", changes #>> '{expectedCloseOn,to}' AS "to",
             date_trunc('month', created_at AT TIME ZONE ${TZ}) = date_trunc('month', now() AT TIME ZONE ${TZ}) AS "thisMonth"
      FROM activity_log WHERE org_id = ${orgId}::uuid AND action = 'deal.updated' AND changes ? 'expectedCloseOn'`
    expect(slips.length).toBeGreaterThanOrEqual(30)
    for (const s of slips) expect(s.to > s.from && /^\d{4}-\d{2}-\d{2}$/.test(s.from) && /^\d{4}-\d{2}-\d{2}$/.test(s.to)).toBe(true)
    expect(slips.some((s) => s.thisMonth)).toBe(true)

    // won, lost and won again: one deal, won today, with exactly one project
    const flips = await testDb.$queryRaw<{ id: string; status: string; projects: number }[]>`
      SELECT d.id, d.status::text AS status, (SELECT count(*)::int FROM project p WHERE p.source_deal_id = d.id) AS projects
      FROM deal d WHERE d.org_id = ${orgId}::uuid
        AND EXISTS (SELECT 1 FROM activity_log a WHERE a.entity_id = d.id AND a.changes #>> '{status,from}' = 'WON' AND a.changes #>> '{status,to}' = 'LOST')
        AND EXISTS (SELECT 1 FROM activity_log a WHERE a.entity_id = d.id AND a.changes #>> '{status,from}' = 'LOST' AND a.changes #>> '{status,to}' = 'WON')`
    expect(flips.length).toBeGreaterThanOrEqual(1)
    for (const f of flips) expect(f).toMatchObject({ status: 'WON', projects: 1 })

    // open deals expected in each of the next 6 months
    const today = todayIn(TZ)
    const ahead = await testDb.$queryRaw<{ month: string }[]>`
      SELECT DISTINCT to_char(expected_close_on, 'YYYY-MM') AS month FROM deal
      WHERE org_id = ${orgId}::uuid AND status = 'OPEN' AND deleted_at IS NULL AND expected_close_on >= ${today}::date`
    for (let i = 0; i < 6; i++) expect(ahead.map((m) => m.month)).toContain(monthStart(today, i).slice(0, 7))
  })

  it('has projects delivered on time and late, late tasks whose due date moved, overdue work now, and leaves the demo’s own projects in view', { timeout: 90_000 }, async () => {
    const { orgId, user } = await seeded()
    const live = await testDb.$queryRaw<{ template: string; onTime: number; late: number; active: number }[]>`
      SELECT t.name AS template,
             count(*) FILTER (WHERE p.status = 'DONE' AND (p.completed_at AT TIME ZONE ${TZ})::date <= p.baseline_go_live_on)::int AS "onTime",
             count(*) FILTER (WHERE p.status = 'DONE' AND (p.completed_at AT TIME ZONE ${TZ})::date > p.baseline_go_live_on)::int AS late,
             count(*) FILTER (WHERE p.status = 'ACTIVE')::int AS active
      FROM project p JOIN project_template t ON t.id = p.template_id
      WHERE p.org_id = ${orgId}::uuid GROUP BY t.name ORDER BY t.name`
    expect(live.map((l) => l.template)).toEqual(['Enterprise onboarding', 'Standard onboarding'])
    for (const l of live) expect(l.onTime + l.late > 3 && l.active > 0).toBe(true)
    // gone live on or before the baseline go-live, and after it
    expect(live.reduce((s, l) => s + l.onTime, 0)).toBeGreaterThan(5)
    expect(live.reduce((s, l) => s + l.late, 0)).toBeGreaterThan(5)

    // most wins of the last 15 months have a project, not all
    const [wins] = await testDb.$queryRaw<{ all: number; withProject: number }[]>`
      SELECT count(*)::int AS all, count(p.id)::int AS "withProject" FROM deal d LEFT JOIN project p ON p.source_deal_id = d.id
      WHERE d.org_id = ${orgId}::uuid AND d.status = 'WON' AND d.closed_at > now() - interval '15 months'`
    expect(wins!.withProject / wins!.all).toBeGreaterThan(0.5)
    expect(wins!.withProject).toBeLessThan(wins!.all)

    // tasks: done ones in a Done column, started before completed, completed_on the local day; the open ones not done
    const broken = await count(testDb.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM task t JOIN board_column c ON c.id = t.column_id
      WHERE t.org_id = ${orgId}::uuid AND ((t.completed_at IS NOT NULL) <> (c.kind = 'DONE')
        OR t.started_at > t.completed_at OR t.completed_on <> (t.completed_at AT TIME ZONE ${TZ})::date OR t.completed_at > now())`)
    expect(broken).toBe(0)
    const [tasks] = await testDb.$queryRaw<{ done: number; onTime: number; movedLate: number; lateForever: number; estimated: number; all: number }[]>`
      SELECT count(*) FILTER (WHERE completed_on IS NOT NULL)::int AS done,
             count(*) FILTER (WHERE completed_on <= baseline_due_on)::int AS "onTime",
             count(*) FILTER (WHERE completed_on > baseline_due_on AND due_on > baseline_due_on)::int AS "movedLate",
             count(*) FILTER (WHERE completed_on > baseline_due_on AND completed_on <= due_on)::int AS "lateForever",
             count(estimate_minutes)::int AS estimated, count(*)::int AS all
      FROM task WHERE org_id = ${orgId}::uuid`
    expect(tasks!.onTime / tasks!.done).toBeGreaterThan(0.3)
    expect(tasks!.onTime / tasks!.done).toBeLessThan(0.85)
    expect(tasks!.movedLate).toBeGreaterThan(10)
    // done by the moved date, after the first one: late all the same
    expect(tasks!.lateForever).toBeGreaterThan(0)
    expect(tasks!.estimated / tasks!.all).toBeGreaterThan(0.8)

    // overdue open tasks of various ages, on more than one person
    const overdue = await testDb.$queryRaw<{ age: number; assigneeId: string | null }[]>`
      SELECT (now() AT TIME ZONE ${TZ})::date - t.due_on AS age, t.assignee_id AS "assigneeId" FROM task t JOIN project p ON p.id = t.project_id
      WHERE t.org_id = ${orgId}::uuid AND t.completed_at IS NULL AND t.due_on < (now() AT TIME ZONE ${TZ})::date AND p.status = 'ACTIVE'`
    expect(new Set(overdue.map((o) => o.age)).size).toBeGreaterThanOrEqual(5)
    expect(Math.max(...overdue.map((o) => o.age))).toBeGreaterThan(20)
    expect(new Set(overdue.map((o) => o.assigneeId)).size).toBeGreaterThan(1)

    // the handoff lag (close to first task started) runs from a day or two to weeks
    const lags = await testDb.$queryRaw<{ lag: number }[]>`
      SELECT (min(t.started_at) AT TIME ZONE ${TZ})::date - (d.closed_at AT TIME ZONE ${TZ})::date AS lag
      FROM project p JOIN deal d ON d.id = p.source_deal_id JOIN task t ON t.project_id = p.id
      WHERE p.org_id = ${orgId}::uuid AND t.started_at IS NOT NULL GROUP BY p.id, d.closed_at`
    expect(Math.min(...lags.map((l) => l.lag))).toBeGreaterThanOrEqual(1)
    expect(Math.min(...lags.map((l) => l.lag))).toBeLessThanOrEqual(3)
    expect(Math.max(...lags.map((l) => l.lag))).toBeGreaterThanOrEqual(10)

    // a milestone is done exactly when all its tasks are
    expect(
      await count(testDb.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM milestone m
        WHERE m.org_id = ${orgId}::uuid AND EXISTS (SELECT 1 FROM task t WHERE t.milestone_id = m.id)
          AND (m.completed_at IS NOT NULL) <> NOT EXISTS (SELECT 1 FROM task t WHERE t.milestone_id = m.id AND t.completed_at IS NULL)`),
    ).toBe(0)

    // The end-to-end tests find the demo's own projects on the first page of the projects list.
    const delivery: Ctx = { orgId, userId: await user('delivery@acme.test'), role: 'DELIVERY' }
    const sales: Ctx = { orgId, userId: await user('sales@acme.test'), role: 'SALES' }
    const names = async (ctx: Ctx, params: Record<string, string>) => (await listProjects(testDb, ctx, ProjectListParams.parse(params))).items.map((i) => i.name)
    expect(await names(delivery, {})).toEqual(expect.arrayContaining(['Fabrikam Logistics onboarding', 'Northwind Traders onboarding']))
    expect(await names(delivery, { status: 'DONE' })).toContain('Litware Systems onboarding')
    expect(await names(sales, { status: 'all' })).toContain('Northwind Traders onboarding')
  })
})
