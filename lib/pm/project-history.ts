import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { describeActivity, QUIET_ACTIONS, type Described } from '@/lib/pm/history-sentences'
import { requireReadableProject } from '@/lib/pm/project-access'
import { Prisma } from '@/lib/generated/prisma/client'

export type HistoryItem = Described & {
  id: string
  action: string
  at: string
  actor: { id: string; name: string } | null
  /** set on a re-date that can still be undone from the history */
  undoable: boolean
}

export type ProjectHistory = { items: HistoryItem[]; nextBefore: string | null }

/**
 * The project's history, newest first: entries about the project itself (its fields, members,
 * columns, re-dates) and about its tasks and milestones (which carry `projectId` in their
 * changes, so a deleted task's entries stay). Pages of `take`, continued with `before`
 * (the last entry's id).
 */
export async function listProjectHistory(db: Db, ctx: Ctx, projectId: string, { take = 50, before }: { take?: number; before?: string } = {}): Promise<ProjectHistory> {
  const project = await requireReadableProject(db, ctx, projectId)
  const cursor = before ? await db.activityLog.findFirst({ where: { id: before, orgId: ctx.orgId }, select: { id: true, createdAt: true } }) : null
  const rows = await db.$queryRaw<{ id: string; action: string; changes: unknown; createdAt: Date; actorId: string | null; actorName: string | null }[]>`
    SELECT a.id::text AS id, a.action, a.changes, a.created_at AS "createdAt", u.id::text AS "actorId", u.name AS "actorName"
    FROM activity_log a LEFT JOIN "user" u ON u.id = a.actor_id
    WHERE a.org_id = ${ctx.orgId}::uuid
      AND ((a.entity_type = 'project' AND a.entity_id = ${project.id}::uuid) OR a.changes->>'projectId' = ${project.id})
      AND a.action <> ALL(${[...QUIET_ACTIONS]}::text[])
      ${cursor ? Prisma.sql`AND (a.created_at, a.id) < (${cursor.createdAt}, ${cursor.id}::uuid)` : Prisma.empty}
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT ${take + 1}`
  const lastRedate = rows.find((r) => r.action === 'project.redated' || r.action === 'project.redate_undone')
  const items = rows.slice(0, take).map(
    (row): HistoryItem => ({
      id: row.id,
      action: row.action,
      at: row.createdAt.toISOString(),
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? 'Someone' } : null,
      undoable: row.action === 'project.redated' && lastRedate?.id === row.id && !before,
      ...describeActivity({ action: row.action, changes: row.changes }),
    }),
  )
  return { items, nextBefore: rows.length > take ? items.at(-1)!.id : null }
}
