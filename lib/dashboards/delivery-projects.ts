import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { projectScope } from '@/lib/dashboards/delivery-scope'
import { dayOfInstant, instantIn } from '@/lib/dashboards/org-time'
import { loadHolidays } from '@/lib/pm/holidays'
import { loadProjectFigures, emptyFigures } from '@/lib/pm/project-figures'
import type { ProjectHealth } from '@/lib/pm/project-health'
import { healthOf } from '@/lib/pm/projects'

// Projects: the health of open projects now, by the SAME rules as the projects list and the
// project header (lib/pm/project-health.ts over lib/pm/project-figures.ts, the same SQL), and
// go-live on time vs baseline of the projects completed in the range.

export type HealthCounts = Record<ProjectHealth, number>
export type HealthProject = { id: string; name: string; health: ProjectHealth; reasons: string[]; targetGoLiveOn: string | null }
export type ProjectHealthSummary = { counts: HealthCounts; open: number; attention: HealthProject[] }

const OPEN = ['PLANNED', 'ACTIVE', 'ON_HOLD'] as const

/** How many late / at-risk projects are listed by name. */
export const ATTENTION_LIST = 10

export async function loadProjectHealth(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<ProjectHealthSummary> {
  const [rows, holidays] = await Promise.all([
    db.project.findMany({
      where: {
        orgId: ctx.orgId,
        deletedAt: null,
        status: { in: [...OPEN] },
        ...(filters.templateId ? { templateId: filters.templateId } : {}),
        ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
      },
      select: { id: true, name: true, status: true, targetGoLiveOn: true, baselineGoLiveOn: true, completedAt: true },
      orderBy: [{ targetGoLiveOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    }),
    loadHolidays(db, ctx.orgId),
  ])
  const figures = await loadProjectFigures(db, ctx, rows.map((r) => r.id), filters.today)
  const counts: HealthCounts = { ON_TRACK: 0, AT_RISK: 0, LATE: 0 }
  const attention: HealthProject[] = []
  for (const row of rows) {
    const verdict = healthOf(row, figures.get(row.id) ?? emptyFigures, filters.today, ctx.timeZone, holidays)
    counts[verdict.health] += 1
    if (verdict.health !== 'ON_TRACK')
      attention.push({ id: row.id, name: row.name, health: verdict.health, reasons: verdict.reasons, targetGoLiveOn: row.targetGoLiveOn?.toISOString().slice(0, 10) ?? null })
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
