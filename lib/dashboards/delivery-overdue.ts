import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { openWork, projectScope, taskScope } from '@/lib/dashboards/delivery-scope'
import { OVERDUE_BUCKETS, type OverdueBucket } from '@/lib/dashboards/delivery-figures'

// Overdue open tasks now (not the date range): open work (see openWork) whose due date is
// before today in the organization's time zone, the rule of the board's "Overdue" filter and
// My work. Age = days since the due date, in buckets; by person, by project (the most overdue
// projects) and in total, from one scan.

export type OverdueGroup = { dim: 'assignee' | 'project' | 'total'; key: string | null; label: string | null; bucket: OverdueBucket; tasks: number }

/** How many projects (most overdue tasks first) are kept. */
export const OVERDUE_PROJECTS = 10

/** The age bucket of an overdue task, in SQL (the limits come from OVERDUE_BUCKETS). */
const bucketSql = (today: string) => {
  const age = Prisma.sql`(${today}::date - t.due_on)`
  const whens = OVERDUE_BUCKETS.map((b) => (b.maxDays === null ? Prisma.sql`ELSE ${b.key}::text` : Prisma.sql`WHEN ${age} <= ${b.maxDays}::int THEN ${b.key}::text`))
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} END`
}

export async function loadOverdue(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<OverdueGroup[]> {
  const rows = await db.$queryRaw<{ grp: number; key: string | null; label: string | null; bucket: OverdueBucket; tasks: number }[]>`
    WITH late AS (
      SELECT t.assignee_id, t.project_id, ${bucketSql(filters.today)} AS bucket
      FROM task t JOIN project p ON p.id = t.project_id
      WHERE ${taskScope(ctx, filters)} AND ${projectScope(ctx, filters)} AND ${openWork} AND t.due_on < ${filters.today}::date
    ), grouped AS (
      SELECT GROUPING(assignee_id, project_id) AS grp, assignee_id, project_id, bucket, count(*)::int AS tasks
      FROM late GROUP BY GROUPING SETS ((assignee_id, bucket), (project_id, bucket), (bucket))
    ), top_projects AS (
      SELECT project_id FROM grouped WHERE grp = 2 GROUP BY project_id ORDER BY sum(tasks) DESC, project_id LIMIT ${OVERDUE_PROJECTS}
    )
    SELECT g.grp::int AS grp, coalesce(g.assignee_id, g.project_id)::text AS key,
      CASE WHEN g.grp = 2 THEN (SELECT pr.name FROM project pr WHERE pr.id = g.project_id) ELSE u.name END AS label, g.bucket, g.tasks
    FROM grouped g
    LEFT JOIN "user" u ON g.grp = 1 AND u.id = g.assignee_id
    WHERE g.grp <> 2 OR g.project_id IN (SELECT project_id FROM top_projects)`
  const dims = { 1: 'assignee', 2: 'project', 3: 'total' } as const
  return rows.map((r) => ({ dim: dims[r.grp as 1 | 2 | 3], key: r.key, label: r.label, bucket: r.bucket, tasks: Number(r.tasks) }))
}
