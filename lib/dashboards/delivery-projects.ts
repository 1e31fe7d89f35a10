import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { Day } from '@/lib/dates'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { projectScope } from '@/lib/dashboards/delivery-scope'
import { dayOfInstant, instantIn } from '@/lib/dashboards/org-time'
import { loadHolidays } from '@/lib/pm/holidays'
import { projectHealth, type ProjectHealth } from '@/lib/pm/project-health'
import type { ProjectStatus } from '@/lib/generated/prisma/enums'

// Projects: the health of open projects now, by the SAME rules as the projects list and the
// project header (lib/pm/project-health.ts; the figures it needs read from the task rollups), and
// go-live on time vs baseline of the projects completed in the range.

export type HealthCounts = Record<ProjectHealth, number>
export type HealthProject = { id: string; name: string; health: ProjectHealth; reasons: string[]; targetGoLiveOn: string | null }
export type ProjectHealthSummary = { counts: HealthCounts; open: number; attention: HealthProject[] }

/** How many late / at-risk projects are listed by name. */
export const ATTENTION_LIST = 10

/** One open project as the statement returns it: a JSON array (thousands of rows parsed at once are cheaper than typed rows). */
type HealthRow = [
  id: string,
  name: string,
  status: ProjectStatus,
  target: Day | null,
  baseline: Day | null,
  overdueMilestones: number,
  dueAfterTarget: number,
  busiestOpenMinutes: number,
]

/**
 * The health of every open project: the figures the rules need (lib/pm/project-figures.ts
 * computes the same three for a page of the projects list), in one statement, then the rules
 * themselves (projectHealth, as healthOf does for the list). The busiest person's open work
 * comes from project_open_work (kept by triggers on task, ADR 0013) instead of every open task;
 * the open tasks due after the target are counted in task_open_project_due_idx, visiting only
 * those past the target.
 */
export async function loadProjectHealth(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<ProjectHealthSummary> {
  const owner = filters.ownerId ? Prisma.sql` AND p.owner_id = ${filters.ownerId}::uuid` : Prisma.empty
  const today = filters.today
  const [[result], holidays] = await Promise.all([
    db.$queryRaw<{ projects: HealthRow[] | null }[]>`
      WITH open_projects AS MATERIALIZED (
        SELECT p.id, p.name, p.status, p.target_go_live_on, p.baseline_go_live_on
        FROM project p
        WHERE ${projectScope(ctx, filters)}${owner} AND p.status IN ('PLANNED', 'ACTIVE', 'ON_HOLD')
      ), work AS (
        SELECT w.project_id, max(w.open_minutes)::int AS busiest
        FROM open_projects p JOIN project_open_work w ON w.project_id = p.id
        WHERE w.org_id = ${ctx.orgId}::uuid AND w.open_tasks > 0
        GROUP BY w.project_id
      ), milestones AS (
        SELECT m.project_id, count(*)::int AS overdue
        FROM open_projects p JOIN milestone m ON m.project_id = p.id
        WHERE m.org_id = ${ctx.orgId}::uuid AND m.completed_at IS NULL AND m.due_on < ${today}::date
        GROUP BY m.project_id
      )
      SELECT json_agg(json_build_array(
          p.id, p.name, p.status, to_char(p.target_go_live_on, 'YYYY-MM-DD'), to_char(p.baseline_go_live_on, 'YYYY-MM-DD'),
          coalesce(milestones.overdue, 0),
          CASE WHEN p.target_go_live_on >= ${today}::date THEN (
            SELECT count(*) FROM task t
            WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = p.id AND t.completed_at IS NULL AND t.due_on > p.target_go_live_on
          ) ELSE 0 END,
          coalesce(work.busiest, 0)
        ) ORDER BY p.target_go_live_on ASC NULLS LAST, p.id) AS projects
      FROM open_projects p
      LEFT JOIN work ON work.project_id = p.id
      LEFT JOIN milestones ON milestones.project_id = p.id`,
    loadHolidays(db, ctx.orgId),
  ])
  const counts: HealthCounts = { ON_TRACK: 0, AT_RISK: 0, LATE: 0 }
  const attention: HealthProject[] = []
  const rows = result?.projects ?? []
  for (const [id, name, status, target, baseline, overdueMilestones, dueAfterTarget, busiestOpenMinutes] of rows) {
    // open projects: their completion day plays no part in the rules
    const verdict = projectHealth({
      status,
      today,
      targetGoLiveOn: target,
      baselineGoLiveOn: baseline,
      completedOn: null,
      overdueMilestones,
      openTasksDueAfterTarget: dueAfterTarget,
      busiestOpenWorkMinutes: busiestOpenMinutes,
      holidays,
    })
    counts[verdict.health] += 1
    if (verdict.health !== 'ON_TRACK') attention.push({ id, name, health: verdict.health, reasons: verdict.reasons, targetGoLiveOn: target })
  }
  const rank = (h: ProjectHealth) => (h === 'LATE' ? 0 : 1)
  attention.sort((a, b) => rank(a.health) - rank(b.health))
  return { counts, open: rows.length, attention: attention.slice(0, ATTENTION_LIST) }
}

export type GoLiveMonth = { month: string; onTime: number; late: number; noBaseline: number }

/**
 * Projects done (status DONE) whose completion falls in the range, by month of completion in
 * the organization's time zone: on time when the completion day is on or before the baseline
 * go-live (the first target; the target when there never was a baseline), as the health rule
 * "completed after its baseline go-live: late" says.
 */
export async function loadGoLive(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<GoLiveMonth[]> {
  const owner = filters.ownerId ? Prisma.sql` AND p.owner_id = ${filters.ownerId}::uuid` : Prisma.empty
  const rows = await db.$queryRaw<{ month: string; on_time: number; late: number; no_baseline: number }[]>`
    WITH done AS (
      SELECT ${dayOfInstant(ctx, Prisma.sql`p.completed_at`)} AS completed_on, coalesce(p.baseline_go_live_on, p.target_go_live_on) AS promised
      FROM project p
      WHERE ${projectScope(ctx, filters)}${owner} AND p.status = 'DONE' AND p.completed_at IS NOT NULL
        AND ${instantIn(ctx, Prisma.sql`p.completed_at`, filters.from, filters.toExclusive)}
    )
    SELECT to_char(date_trunc('month', completed_on), 'YYYY-MM') AS month,
      count(*) FILTER (WHERE completed_on <= promised)::int AS on_time,
      count(*) FILTER (WHERE completed_on > promised)::int AS late,
      count(*) FILTER (WHERE promised IS NULL)::int AS no_baseline
    FROM done GROUP BY 1`
  return rows.map((r) => ({ month: r.month, onTime: Number(r.on_time), late: Number(r.late), noBaseline: Number(r.no_baseline) }))
}
