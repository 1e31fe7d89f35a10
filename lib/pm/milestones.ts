import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { toDay } from '@/lib/dates'

/**
 * Keeps milestones' `completedAt` in step with their tasks: set when every task of the
 * milestone is done (a milestone without tasks is not done), cleared when one reopens.
 * Call it in the transaction that changed a task's completion or milestone; it logs each
 * milestone that changed state.
 */
export async function syncMilestones(db: Db, ctx: Ctx, milestoneIds: (string | null | undefined)[]) {
  const ids = [...new Set(milestoneIds.filter((id): id is string => Boolean(id)))]
  if (ids.length === 0) return []
  const changed = await db.$queryRaw<{ id: string; name: string; project_id: string; completed_at: Date | null }[]>`
    WITH state AS (
      SELECT m.id,
             EXISTS (SELECT 1 FROM task t WHERE t.org_id = m.org_id AND t.project_id = m.project_id AND t.milestone_id = m.id) AS has_tasks,
             EXISTS (SELECT 1 FROM task t WHERE t.org_id = m.org_id AND t.project_id = m.project_id AND t.milestone_id = m.id AND t.completed_at IS NULL) AS has_open
      FROM milestone m
      WHERE m.org_id = ${ctx.orgId}::uuid AND m.id = ANY(${ids}::uuid[])
    )
    UPDATE milestone m
    SET completed_at = CASE WHEN s.has_tasks AND NOT s.has_open THEN now() ELSE NULL END
    FROM state s
    WHERE m.id = s.id AND (s.has_tasks AND NOT s.has_open) <> (m.completed_at IS NOT NULL)
    RETURNING m.id, m.name, m.project_id, m.completed_at`
  if (changed.length) {
    await db.activityLog.createMany({
      data: changed.map((m) => ({
        orgId: ctx.orgId,
        actorId: ctx.userId,
        entityType: 'milestone',
        entityId: m.id,
        action: m.completed_at ? 'milestone.completed' : 'milestone.reopened',
        changes: { projectId: m.project_id, milestoneName: m.name },
      })),
    })
  }
  return changed.map((m) => ({ id: m.id, completedAt: m.completed_at }))
}

export type MilestoneOption = { id: string; name: string; dueOn: string; done: boolean }

/** A project's milestones by due date, for chips, filters, swimlanes and pickers. */
export async function listMilestones(db: Db, ctx: Ctx, projectId: string): Promise<MilestoneOption[]> {
  const rows = await db.milestone.findMany({
    where: { orgId: ctx.orgId, projectId },
    orderBy: [{ dueOn: 'asc' }, { position: 'asc' }],
    select: { id: true, name: true, dueOn: true, completedAt: true },
  })
  return rows.map((m) => ({ id: m.id, name: m.name, dueOn: toDay(m.dueOn), done: m.completedAt !== null }))
}
