import 'server-only'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { openWork, projectScope, taskScope } from '@/lib/dashboards/delivery-scope'
import { WORKLOAD_WEEKS, weekStartOf } from '@/lib/dashboards/delivery-figures'
import { addDays } from '@/lib/dates'

// Workload: open work (see openWork) per person, by the week it is due in: overdue (due before
// today), this week (Monday to Sunday, from today) and the next weeks, WORKLOAD_WEEKS in all.
// Estimated hours are the sum of the tasks' estimates; a task without an estimate counts as a
// task but adds no hours. Now, not the date range.

/** week: -1 = overdue, 0 = this week, 1.. = the weeks after */
export type WorkloadGroup = { key: string | null; label: string | null; week: number; tasks: number; minutes: number }

export async function loadWorkload(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<WorkloadGroup[]> {
  const weekStart = weekStartOf(filters.today)
  const end = addDays(weekStart, 7 * WORKLOAD_WEEKS)
  const rows = await db.$queryRaw<{ key: string | null; label: string | null; week: number; tasks: number; minutes: number }[]>`
    WITH work AS (
      SELECT t.assignee_id,
        CASE WHEN t.due_on < ${filters.today}::date THEN -1 ELSE (t.due_on - ${weekStart}::date) / 7 END AS week,
        count(*)::int AS tasks, coalesce(sum(t.estimate_minutes), 0)::int AS minutes
      FROM task t JOIN project p ON p.id = t.project_id
      WHERE ${taskScope(ctx, filters)} AND ${projectScope(ctx, filters)} AND ${openWork} AND t.due_on < ${end}::date
      GROUP BY 1, 2
    )
    SELECT w.assignee_id::text AS key, u.name AS label, w.week::int AS week, w.tasks, w.minutes
    FROM work w LEFT JOIN "user" u ON u.id = w.assignee_id`
  return rows.map((r) => ({ key: r.key, label: r.label, week: Number(r.week), tasks: Number(r.tasks), minutes: Number(r.minutes) }))
}
