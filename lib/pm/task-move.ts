import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { ColumnKind } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { toDay, todayIn, fromDay } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { syncMilestones } from '@/lib/pm/milestones'
import { requireWritableTask, taskLogContext, type TaskRow } from '@/lib/pm/task-access'
import { positionBetween } from '@/lib/pm/task-positions'
import type { MoveTaskInput } from '@/lib/pm/task-move.schema'

export const MOVE_CONFLICT = 'Someone else moved this task; the board was refreshed.'

export type MovedTask = {
  id: string
  columnId: string
  position: number
  version: number
  done: boolean
  completedOn: string | null
  startedAt: string | null
}

const quote = (titles: string[]) => {
  const q = titles.map((t) => `“${t}”`)
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`
}

/** Tasks that block this one and are not in a Done column. */
export async function openBlockers(db: Db, ctx: Ctx, taskId: string) {
  const rows = await db.taskDependency.findMany({
    where: { orgId: ctx.orgId, blockedId: taskId, blocker: { column: { kind: { not: 'DONE' } } } },
    select: { blocker: { select: { id: true, title: true } } },
    orderBy: { createdAt: 'asc' },
  })
  return rows.map((r) => r.blocker)
}

/** The refusal the board turns into "Start anyway?" / "Complete anyway?" (field `blockers`). */
function blockedError(task: { title: string }, kind: ColumnKind, blockers: { title: string }[]) {
  const verb = kind === 'DONE' ? 'completed' : 'started'
  const waits = blockers.length === 1 ? 'is not done yet' : 'are not done yet'
  return new AppError('CONFLICT', `“${task.title}” cannot be ${verb}: it waits for ${quote(blockers.map((b) => b.title))}, which ${waits}.`, 'blockers')
}

type Placement = { toColumnId: string; afterId?: string; beforeId?: string; position?: number; override?: boolean; expectedVersion: number }

/**
 * Puts a task in a column at a place, applying the rules of the column's kind: entering
 * DOING or DONE is refused while a blocker is open unless `override` (then logged as
 * `task.block_overridden`); entering DONE sets completedAt and completedOn (today in the
 * organization's time zone), leaving it clears both; the first entry into DOING sets
 * startedAt. The update is guarded by the version, so a stale move is a CONFLICT.
 */
export async function placeTask(db: Db, ctx: Ctx, task: TaskRow, to: Placement): Promise<MovedTask> {
  const column = await db.boardColumn.findFirst({
    where: { id: to.toColumnId, orgId: ctx.orgId, projectId: task.projectId },
    select: { id: true, name: true, kind: true },
  })
  if (!column) throw notFound('That column')
  const entering = column.kind !== task.column.kind
  let overridden: { id: string; title: string }[] = []
  if (entering && (column.kind === 'DOING' || column.kind === 'DONE')) {
    const blockers = await openBlockers(db, ctx, task.id)
    if (blockers.length && !to.override) throw blockedError(task, column.kind, blockers)
    overridden = blockers
  }

  const position = to.position ?? (await positionBetween(db, ctx, column.id, task.id, to.afterId, to.beforeId))
  const wasDone = task.completedAt !== null
  const done = column.kind === 'DONE'
  let completedAt = task.completedAt
  let completedOn = task.completedOn ? toDay(task.completedOn) : null
  if (done && !wasDone) {
    const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
    completedAt = new Date()
    completedOn = todayIn(org.timeZone, completedAt)
  } else if (!done && wasDone) {
    completedAt = null
    completedOn = null
  }
  const startedAt = task.startedAt ?? (column.kind === 'DOING' ? new Date() : null)

  const updated = await db.task.updateMany({
    where: { id: task.id, orgId: ctx.orgId, version: to.expectedVersion },
    data: {
      columnId: column.id,
      position,
      version: { increment: 1 },
      completedAt,
      completedOn: completedOn ? fromDay(completedOn) : null,
      startedAt,
    },
  })
  if (updated.count === 0) throw new AppError('CONFLICT', MOVE_CONFLICT)

  const context = taskLogContext(task)
  if (overridden.length) {
    await logActivity(db, ctx, {
      entityType: 'task',
      entityId: task.id,
      action: 'task.block_overridden',
      changes: { ...context, column: column.name, kind: column.kind, blockers: overridden.map((b) => b.title), blockerIds: overridden.map((b) => b.id) },
    })
  }
  const columnChanged = column.id !== task.columnId
  await logActivity(db, ctx, {
    entityType: 'task',
    entityId: task.id,
    action: columnChanged ? 'task.moved' : 'task.reordered',
    changes: columnChanged
      ? {
          ...context,
          column: { from: task.column.name, to: column.name },
          columnId: { from: task.columnId, to: column.id },
          ...(done !== wasDone ? { completedOn: { from: task.completedOn ? toDay(task.completedOn) : null, to: completedOn } } : {}),
        }
      : { ...context, position },
  })
  if (done !== wasDone) await syncMilestones(db, ctx, [task.milestoneId])

  return {
    id: task.id,
    columnId: column.id,
    position,
    version: to.expectedVersion + 1,
    done,
    completedOn,
    startedAt: startedAt ? startedAt.toISOString() : null,
  }
}

/**
 * Moves a card on the board, with optimistic concurrency: the version the user saw must
 * still be the task's. Run in a transaction (it may renumber a column and writes the audit).
 */
export async function moveTask(db: Db, ctx: Ctx, input: MoveTaskInput): Promise<MovedTask> {
  const task = await requireWritableTask(db, ctx, input.taskId)
  if (task.version !== input.version) throw new AppError('CONFLICT', MOVE_CONFLICT)
  return placeTask(db, ctx, task, { ...input, expectedVersion: input.version })
}

/** The first column of a kind on a project's board (leftmost). */
export async function firstColumnOf(db: Db, ctx: Ctx, projectId: string, kinds: ColumnKind[]) {
  const columns = await db.boardColumn.findMany({
    where: { orgId: ctx.orgId, projectId, kind: { in: kinds } },
    orderBy: { position: 'asc' },
    select: { id: true, kind: true },
  })
  for (const kind of kinds) {
    const column = columns.find((c) => c.kind === kind)
    if (column) return column
  }
  return undefined
}

