import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { fromDay, todayIn } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import type { AddColumnInput, DeleteColumnInput, RenameColumnInput, ReorderColumnsInput } from '@/lib/pm/columns.schema'
import { syncMilestones } from '@/lib/pm/milestones'
import { assertCanWriteProjects, readableProjects, requireWritableProject } from '@/lib/pm/project-access'

// A board's columns are rows the team renames, adds and reorders; their `kind` drives the
// rules. A board always keeps a To-do and a Done column, so new tasks and completed ones
// always have a place.

const COLUMN_GAP = 1000

async function requireWritableColumn(db: Db, ctx: Ctx, columnId: string) {
  const column = await db.boardColumn.findFirst({
    where: { id: columnId, orgId: ctx.orgId, project: readableProjects(ctx) },
    select: { id: true, name: true, kind: true, projectId: true, position: true },
  })
  if (!column) throw notFound('This column')
  assertCanWriteProjects(ctx)
  return column
}

export async function renameColumn(db: Db, ctx: Ctx, input: RenameColumnInput) {
  const column = await requireWritableColumn(db, ctx, input.columnId)
  if (column.name === input.name) return { id: column.id, projectId: column.projectId }
  await db.boardColumn.update({ where: { id: column.id }, data: { name: input.name } })
  await logActivity(db, ctx, { entityType: 'project', entityId: column.projectId, action: 'column.renamed', changes: { columnId: column.id, name: { from: column.name, to: input.name } } })
  return { id: column.id, projectId: column.projectId }
}

/** Adds a column right of `afterColumnId` (or at the end). Run in a transaction. */
export async function addColumn(db: Db, ctx: Ctx, input: AddColumnInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const columns = await db.boardColumn.findMany({ where: { orgId: ctx.orgId, projectId: project.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, position: true } })
  if (columns.length >= 20) throw new AppError('INVALID', 'A board has at most 20 columns.', 'name')
  let position = (columns.at(-1)?.position ?? 0) + COLUMN_GAP
  if (input.afterColumnId) {
    const index = columns.findIndex((c) => c.id === input.afterColumnId)
    if (index < 0) throw new AppError('NOT_FOUND', 'That column is not on this board.', 'afterColumnId')
    const next = columns[index + 1]
    position = next ? (columns[index]!.position + next.position) / 2 : columns[index]!.position + COLUMN_GAP
  }
  const column = await db.boardColumn.create({ data: { orgId: ctx.orgId, projectId: project.id, name: input.name, kind: input.kind, position }, select: { id: true, name: true, kind: true, position: true } })
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'column.added', changes: { columnId: column.id, name: column.name, kind: column.kind } })
  return column
}

/** Puts the columns in the given order (every column of the board, once). Run in a transaction. */
export async function reorderColumns(db: Db, ctx: Ctx, input: ReorderColumnsInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const columns = await db.boardColumn.findMany({ where: { orgId: ctx.orgId, projectId: project.id }, select: { id: true, name: true } })
  const given = new Set(input.columnIds)
  if (given.size !== input.columnIds.length || given.size !== columns.length || columns.some((c) => !given.has(c.id))) {
    throw new AppError('CONFLICT', 'The columns changed in the meantime; the board was refreshed.')
  }
  await db.$executeRaw`
    UPDATE board_column SET position = o.ord * ${COLUMN_GAP}
    FROM unnest(${input.columnIds}::uuid[]) WITH ORDINALITY AS o(id, ord)
    WHERE board_column.id = o.id AND board_column.org_id = ${ctx.orgId}::uuid`
  const names = new Map(columns.map((c) => [c.id, c.name]))
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'column.reordered', changes: { order: input.columnIds.map((id) => names.get(id)!) } })
  return { projectId: project.id }
}

/**
 * Deletes a column. One with tasks needs a column to move them to (at its bottom, in their
 * order, taking that column's kind: into Done completes them today, out of Done reopens
 * them). The board keeps at least one To-do and one Done column. Run in a transaction.
 */
export async function deleteColumn(db: Db, ctx: Ctx, input: DeleteColumnInput) {
  const column = await requireWritableColumn(db, ctx, input.columnId)
  const columns = await db.boardColumn.findMany({ where: { orgId: ctx.orgId, projectId: column.projectId }, select: { id: true, name: true, kind: true } })
  if ((column.kind === 'TODO' || column.kind === 'DONE') && columns.filter((c) => c.kind === column.kind).length === 1) {
    const what = column.kind === 'TODO' ? 'To-do' : 'Done'
    throw new AppError('INVALID', `A board needs at least one ${what} column. Add another ${what} column first, or rename this one.`)
  }
  const count = await db.task.count({ where: { orgId: ctx.orgId, columnId: column.id } })
  let moved = 0
  if (count > 0) {
    if (!input.moveToColumnId) throw new AppError('INVALID', `“${column.name}” has ${count} ${count === 1 ? 'task' : 'tasks'}: choose a column to move ${count === 1 ? 'it' : 'them'} to.`, 'moveToColumnId')
    const target = columns.find((c) => c.id === input.moveToColumnId && c.id !== column.id)
    if (!target) throw new AppError('NOT_FOUND', 'That column is not on this board.', 'moveToColumnId')
    moved = await moveAllTasks(db, ctx, column.id, target)
  }
  await db.boardColumn.deleteMany({ where: { id: column.id, orgId: ctx.orgId } })
  await logActivity(db, ctx, {
    entityType: 'project',
    entityId: column.projectId,
    action: 'column.deleted',
    changes: { columnId: column.id, name: column.name, kind: column.kind, ...(moved ? { movedTasks: moved, movedTo: columns.find((c) => c.id === input.moveToColumnId)!.name } : {}) },
  })
  return { projectId: column.projectId }
}

/** Every task of one column to the bottom of another, in one statement, with the target kind's rules. */
async function moveAllTasks(db: Db, ctx: Ctx, fromId: string, target: { id: string; kind: string }) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
  const today = fromDay(todayIn(org.timeZone))
  const done = target.kind === 'DONE'
  const rows = await db.$queryRaw<{ id: string; milestone_id: string | null; changed: boolean }[]>`
    WITH base AS (
      SELECT coalesce(max(position), 0) AS top FROM task WHERE org_id = ${ctx.orgId}::uuid AND column_id = ${target.id}::uuid
    ), ranked AS (
      SELECT t.id, t.completed_at IS NOT NULL AS was_done, row_number() OVER (ORDER BY t.position, t.id) AS rn
      FROM task t WHERE t.org_id = ${ctx.orgId}::uuid AND t.column_id = ${fromId}::uuid
    )
    UPDATE task t SET
      column_id = ${target.id}::uuid,
      position = base.top + ranked.rn * 1024,
      version = t.version + 1,
      completed_at = CASE WHEN ${done} THEN coalesce(t.completed_at, now()) ELSE NULL END,
      completed_on = CASE WHEN ${done} THEN coalesce(t.completed_on, ${today}::date) ELSE NULL END,
      started_at = CASE WHEN ${target.kind === 'DOING'} THEN coalesce(t.started_at, now()) ELSE t.started_at END
    FROM ranked, base
    WHERE t.id = ranked.id
    RETURNING t.id, t.milestone_id, ranked.was_done <> ${done} AS changed`
  const touched = rows.filter((r) => r.changed).map((r) => r.milestone_id)
  if (touched.length) await syncMilestones(db, ctx, touched)
  return rows.length
}
