import 'server-only'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { Prisma } from '@/lib/generated/prisma/client'
import { projectScope } from '@/lib/dashboards/delivery-scope'

// On-time rate of tasks: completed on or before their BASELINE due date (the first due date,
// which never moves) / completed tasks that have a baseline, for tasks completed in the range.
// `completed_on` is the completion day in the organization's time zone (set by the task
// services), so months are the organization's months. The task triggers keep the completions per
// month, project and person (task_completion_month, ADR 0013); five groupings of those rows.

export type OnTimeDimension = 'month' | 'project' | 'template' | 'assignee' | 'total'
export type OnTimeGroup = {
  dim: OnTimeDimension
  /** 'YYYY-MM' for months, the id of the project / template / person, or null (none) */
  key: string | null
  label: string | null
  completed: number
  onTime: number
}

/** Projects are ranked (worst and best on-time rate) among those with at least this many. */
export const MIN_PROJECT_TASKS = 3
/** How many worst and best projects are kept. */
export const PROJECT_RANK = 10

/** The rollups' key for unassigned tasks (a key cannot be null). */
const UNASSIGNED = '00000000-0000-0000-0000-000000000000'

export async function loadOnTime(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<OnTimeGroup[]> {
  const person = filters.ownerId ? Prisma.sql` AND c.assignee_key = ${filters.ownerId}::uuid` : Prisma.empty
  const rows = await db.$queryRaw<{ dim: OnTimeDimension; key: string | null; label: string | null; completed: number; on_time: number }[]>`
    WITH fine AS (
      -- the completions of the range per month, project and person, from the rollup the task
      -- triggers keep (ADR 0013) instead of every completed task
      SELECT c.month, c.project_id, nullif(c.assignee_key, ${UNASSIGNED}::uuid) AS assignee_id, c.completed, c.on_time
      FROM task_completion_month c
      WHERE c.org_id = ${ctx.orgId}::uuid${person} AND c.completed > 0
        AND c.month >= ${filters.from}::date AND c.month < ${filters.toExclusive}::date
    ), done AS (
      SELECT fine.*, p.template_id FROM fine JOIN project p ON p.id = fine.project_id WHERE ${projectScope(ctx, filters)}
    ), grouped AS (
      SELECT GROUPING(month, project_id, template_id, assignee_id) AS grp, month, project_id, template_id, assignee_id,
        sum(completed)::int AS completed, sum(on_time)::int AS on_time
      FROM done
      GROUP BY GROUPING SETS ((month), (project_id), (template_id), (assignee_id), ())
    ), ranked AS (
      SELECT grouped.*,
        row_number() OVER (PARTITION BY grp, completed >= ${MIN_PROJECT_TASKS} ORDER BY on_time::float8 / completed, completed DESC, project_id) AS worst,
        row_number() OVER (PARTITION BY grp, completed >= ${MIN_PROJECT_TASKS} ORDER BY on_time::float8 / completed DESC, completed DESC, project_id) AS best
      FROM grouped
    )
    SELECT CASE r.grp WHEN 7 THEN 'month' WHEN 11 THEN 'project' WHEN 13 THEN 'template' WHEN 14 THEN 'assignee' ELSE 'total' END AS dim,
      CASE r.grp WHEN 7 THEN to_char(r.month, 'YYYY-MM') WHEN 11 THEN r.project_id::text WHEN 13 THEN r.template_id::text WHEN 14 THEN r.assignee_id::text END AS key,
      CASE r.grp WHEN 11 THEN (SELECT pr.name FROM project pr WHERE pr.id = r.project_id) WHEN 13 THEN tp.name WHEN 14 THEN u.name END AS label,
      r.completed, r.on_time
    FROM ranked r
    LEFT JOIN project_template tp ON r.grp = 13 AND tp.id = r.template_id
    LEFT JOIN "user" u ON r.grp = 14 AND u.id = r.assignee_id
    WHERE r.grp <> 11 OR (r.completed >= ${MIN_PROJECT_TASKS} AND (r.worst <= ${PROJECT_RANK} OR r.best <= ${PROJECT_RANK}))`
  return rows.map((r) => ({ dim: r.dim, key: r.key, label: r.label, completed: Number(r.completed), onTime: Number(r.on_time) }))
}
