import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Day } from '@/lib/dates'
import { Prisma } from '@/lib/generated/prisma/client'

// Per-project figures for the list and the header, aggregated in SQL for a page of projects
// (one query, whatever the number of tasks): progress, overdue work, the next milestone and
// what the health rules need.

export type ProjectFigures = {
  total: number
  done: number
  /** open tasks whose due date has passed */
  overdue: number
  /** open tasks due after the project's target go-live */
  dueAfterTarget: number
  /** estimated open minutes of the busiest assignee (unassigned work counts as one person) */
  busiestOpenMinutes: number
  overdueMilestones: number
  nextMilestone: { id: string; name: string; dueOn: Day } | null
}

export const emptyFigures: ProjectFigures = { total: 0, done: 0, overdue: 0, dueAfterTarget: 0, busiestOpenMinutes: 0, overdueMilestones: 0, nextMilestone: null }

/** `today` is a day, or a SQL expression for it (orgTodaySql: the header need not read the organization first). */
export async function loadProjectFigures(db: Db, ctx: Pick<Ctx, 'orgId'>, projectIds: string[], today: Day | Prisma.Sql): Promise<Map<string, ProjectFigures>> {
  if (projectIds.length === 0) return new Map()
  const todayExpr = typeof today === 'string' ? Prisma.sql`${today}::date` : today
  const rows = await db.$queryRaw<(ProjectFigures & { id: string })[]>`
    WITH per_person AS (
      SELECT t.project_id,
        count(*) AS total,
        count(*) FILTER (WHERE t.completed_at IS NOT NULL) AS done,
        count(*) FILTER (WHERE t.completed_at IS NULL AND t.due_on < ${todayExpr}) AS overdue,
        count(*) FILTER (WHERE t.completed_at IS NULL AND t.due_on > p.target_go_live_on) AS due_after_target,
        sum(t.estimate_minutes) FILTER (WHERE t.completed_at IS NULL) AS open_minutes
      FROM task t JOIN project p ON p.id = t.project_id
      WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ANY(${projectIds}::uuid[])
      GROUP BY t.project_id, t.assignee_id
    ), tasks AS (
      -- one scan of the tasks: per person first (the busiest person's open work), then per project
      SELECT project_id, sum(total)::int AS total, sum(done)::int AS done, sum(overdue)::int AS overdue,
        sum(due_after_target)::int AS due_after_target, max(open_minutes)::int AS busiest
      FROM per_person GROUP BY project_id
    ), milestones AS (
      SELECT project_id,
        count(*) FILTER (WHERE due_on < ${todayExpr})::int AS overdue,
        (array_agg(json_build_object('id', id, 'name', name, 'dueOn', due_on) ORDER BY due_on, position))[1] AS next
      FROM milestone
      WHERE org_id = ${ctx.orgId}::uuid AND project_id = ANY(${projectIds}::uuid[]) AND completed_at IS NULL
      GROUP BY project_id
    )
    SELECT ids.id::text AS id,
      coalesce(tasks.total, 0) AS total,
      coalesce(tasks.done, 0) AS done,
      coalesce(tasks.overdue, 0) AS overdue,
      coalesce(tasks.due_after_target, 0) AS "dueAfterTarget",
      coalesce(tasks.busiest, 0) AS "busiestOpenMinutes",
      coalesce(milestones.overdue, 0) AS "overdueMilestones",
      milestones.next AS "nextMilestone"
    FROM unnest(${projectIds}::uuid[]) AS ids(id)
    LEFT JOIN tasks ON tasks.project_id = ids.id
    LEFT JOIN milestones ON milestones.project_id = ids.id`
  return new Map(rows.map(({ id, ...figures }) => [id, figures]))
}

export const percentDone = (f: Pick<ProjectFigures, 'total' | 'done'>) => (f.total === 0 ? 0 : Math.floor((f.done * 100) / f.total))
