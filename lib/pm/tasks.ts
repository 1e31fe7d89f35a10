import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { logActivity } from '@/lib/activity'
import { formatDay, fromDay, todayIn, toDay, type Day } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { syncMilestones } from '@/lib/pm/milestones'
import { assertCanWriteProjects, canWriteProjects, requireWritableProject } from '@/lib/pm/project-access'
import { assertAssignable, requireReadableTask, requireWritableTask, taskLogContext } from '@/lib/pm/task-access'
import { firstColumnOf, MOVE_CONFLICT, placeTask, type MovedTask } from '@/lib/pm/task-move'
import { endPosition, topPosition } from '@/lib/pm/task-positions'
import { hoursToMinutes, type CreateTaskInput, type SetTaskDoneInput, type TaskIdInput, type UpdateTaskInput } from '@/lib/pm/tasks.schema'

const short = (day: Day) => formatDay(day, 'en-US', { day: 'numeric', month: 'short', year: 'numeric' })

function assertDateOrder(startOn: Day | null, dueOn: Day | null, edited: 'startOn' | 'dueOn') {
  if (!startOn || !dueOn || startOn <= dueOn) return
  if (edited === 'startOn') throw new AppError('INVALID', `The start date must be on or before the due date (${short(dueOn)}).`, 'startOn')
  throw new AppError('INVALID', `The due date must be on or after the start date (${short(startOn)}).`, 'dueOn')
}

async function milestoneOf(db: Db, ctx: Ctx, projectId: string, milestoneId: string) {
  const milestone = await db.milestone.findFirst({ where: { id: milestoneId, orgId: ctx.orgId, projectId }, select: { id: true, name: true } })
  if (!milestone) throw new AppError('NOT_FOUND', 'That milestone is not in this project.', 'milestoneId')
  return milestone
}

/**
 * Adds a task at the bottom of a column. The first due date is its baseline. A task created
 * in a Done column is complete from today. Run in a transaction.
 */
export async function createTask(db: Db, ctx: Ctx, input: CreateTaskInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const column = await db.boardColumn.findFirst({ where: { id: input.columnId, orgId: ctx.orgId, projectId: project.id }, select: { id: true, name: true, kind: true } })
  if (!column) throw new AppError('NOT_FOUND', 'That column is not on this board.', 'columnId')
  const milestone = input.milestoneId ? await milestoneOf(db, ctx, project.id, input.milestoneId) : null
  if (input.assigneeId) await assertAssignable(db, ctx, project.id, input.assigneeId)
  assertDateOrder(input.startOn ?? null, input.dueOn ?? null, 'dueOn')

  let completedAt: Date | null = null
  let completedOn: Day | null = null
  if (column.kind === 'DONE') {
    const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
    completedAt = new Date()
    completedOn = todayIn(org.timeZone, completedAt)
  }
  const task = await db.task.create({
    data: {
      orgId: ctx.orgId,
      projectId: project.id,
      columnId: column.id,
      milestoneId: milestone?.id ?? null,
      title: input.title,
      description: input.description ?? null,
      position: await endPosition(db, ctx, column.id),
      assigneeId: input.assigneeId ?? null,
      startOn: input.startOn ? fromDay(input.startOn) : null,
      dueOn: input.dueOn ? fromDay(input.dueOn) : null,
      baselineDueOn: input.dueOn ? fromDay(input.dueOn) : null,
      startedAt: column.kind === 'DOING' ? new Date() : null,
      completedAt,
      completedOn: completedOn ? fromDay(completedOn) : null,
      priority: input.priority,
    },
    select: { id: true, title: true, projectId: true },
  })
  await logActivity(db, ctx, {
    entityType: 'task',
    entityId: task.id,
    action: 'task.created',
    changes: { ...taskLogContext(task), column: column.name, ...(input.dueOn ? { dueOn: input.dueOn } : {}), ...(milestone ? { milestone: milestone.name } : {}) },
  })
  if (milestone) await syncMilestones(db, ctx, [milestone.id])
  return { id: task.id, projectId: task.projectId }
}

type FieldChange = { from: string | number | null; to: string | number | null }

/**
 * Edits a task's fields (the drawer saves one at a time; the last save wins per field).
 * The assignee must be able to see the project; the start is on or before the due date;
 * the first due date ever set becomes the baseline, and no later change moves it, so a task
 * completed after it stays late. Writes `task.updated` with `{field: {from, to}}`.
 * Run in a transaction.
 */
export async function updateTask(db: Db, ctx: Ctx, input: UpdateTaskInput) {
  const task = await requireWritableTask(db, ctx, input.taskId)
  const data: Prisma.TaskUncheckedUpdateManyInput = {}
  const changes: Record<string, FieldChange> = {}
  const milestonesToSync: (string | null)[] = []

  if (input.title !== undefined && input.title !== task.title) {
    data.title = input.title
    changes.title = { from: task.title, to: input.title }
  }
  if (input.description !== undefined && (input.description ?? null) !== task.description) {
    data.description = input.description
    // The text itself can be long: the log keeps only that it changed, with the lengths.
    changes.description = { from: task.description?.length ?? 0, to: input.description?.length ?? 0 }
  }
  if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) {
    const to = input.assigneeId ? await assertAssignable(db, ctx, task.projectId, input.assigneeId) : null
    const from = task.assigneeId ? await db.user.findUnique({ where: { id: task.assigneeId }, select: { name: true } }) : null
    data.assigneeId = input.assigneeId
    changes.assignee = { from: from?.name ?? null, to: to?.name ?? null }
    changes.assigneeId = { from: task.assigneeId, to: input.assigneeId }
  }
  const startBefore = task.startOn ? toDay(task.startOn) : null
  const dueBefore = task.dueOn ? toDay(task.dueOn) : null
  const startOn = input.startOn === undefined ? startBefore : input.startOn
  const dueOn = input.dueOn === undefined ? dueBefore : input.dueOn
  if (input.startOn !== undefined) assertDateOrder(startOn, dueOn, 'startOn')
  if (input.dueOn !== undefined) assertDateOrder(startOn, dueOn, 'dueOn')
  if (startOn !== startBefore) {
    data.startOn = startOn ? fromDay(startOn) : null
    changes.startOn = { from: startBefore, to: startOn }
  }
  if (dueOn !== dueBefore) {
    data.dueOn = dueOn ? fromDay(dueOn) : null
    changes.dueOn = { from: dueBefore, to: dueOn }
    if (!task.baselineDueOn && dueOn) {
      data.baselineDueOn = fromDay(dueOn)
      changes.baselineDueOn = { from: null, to: dueOn }
    }
  }
  if (input.milestoneId !== undefined && input.milestoneId !== task.milestoneId) {
    const to = input.milestoneId ? await milestoneOf(db, ctx, task.projectId, input.milestoneId) : null
    const from = task.milestoneId ? await db.milestone.findFirst({ where: { id: task.milestoneId, orgId: ctx.orgId }, select: { name: true } }) : null
    data.milestoneId = input.milestoneId
    changes.milestone = { from: from?.name ?? null, to: to?.name ?? null }
    changes.milestoneId = { from: task.milestoneId, to: input.milestoneId }
    milestonesToSync.push(task.milestoneId, input.milestoneId)
  }
  if (input.estimateHours !== undefined) {
    const minutes = input.estimateHours === null ? null : hoursToMinutes(input.estimateHours)
    if (minutes !== task.estimateMinutes) {
      data.estimateMinutes = minutes
      changes.estimateMinutes = { from: task.estimateMinutes, to: minutes }
    }
  }
  if (input.priority !== undefined && input.priority !== task.priority) {
    data.priority = input.priority
    changes.priority = { from: task.priority, to: input.priority }
  }

  if (Object.keys(data).length === 0) return { id: task.id, projectId: task.projectId, changed: [] as string[] }
  await db.task.updateMany({ where: { id: task.id, orgId: ctx.orgId }, data })
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.updated', changes: { ...taskLogContext(task), ...changes } })
  if (milestonesToSync.length) await syncMilestones(db, ctx, milestonesToSync)
  return { id: task.id, projectId: task.projectId, changed: Object.keys(data) }
}

/** Deletes a task with its checklist, comments and dependencies. Run in a transaction. */
export async function deleteTask(db: Db, ctx: Ctx, input: TaskIdInput) {
  const task = await requireWritableTask(db, ctx, input.taskId)
  const blocked = await db.taskDependency.findMany({ where: { orgId: ctx.orgId, blockerId: task.id }, select: { blockedId: true } })
  await db.task.deleteMany({ where: { id: task.id, orgId: ctx.orgId } })
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.deleted', changes: { ...taskLogContext(task), column: task.column.name } })
  await syncMilestones(db, ctx, [task.milestoneId])
  /** the tasks it was blocking: their blocked flag may have changed */
  return { id: task.id, projectId: task.projectId, unblocked: blocked.map((b) => b.blockedId) }
}

/**
 * Completes or reopens a task without a board (My work's checkbox, the drawer's button):
 * done moves it on top of the first Done column; reopening moves it on top of the first
 * In-progress column if it was ever started, else the first To-do column. The same rules as
 * a move apply (blockers, completion day, milestone, version when given). Besides delivery,
 * managers and admins, the person the task is assigned to may do this (a sales rep's
 * deal-owner task). Already in the asked state: nothing changes. Run in a transaction.
 */
export async function setTaskDone(db: Db, ctx: Ctx, input: SetTaskDoneInput): Promise<MovedTask> {
  const task = await requireReadableTask(db, ctx, input.taskId)
  if (!canWriteProjects(ctx) && task.assigneeId !== ctx.userId) assertCanWriteProjects(ctx)
  if (input.version !== undefined && input.version !== task.version) throw new AppError('CONFLICT', MOVE_CONFLICT)
  const current: MovedTask = {
    id: task.id,
    columnId: task.columnId,
    position: 0,
    version: task.version,
    done: task.completedAt !== null,
    completedOn: task.completedOn ? toDay(task.completedOn) : null,
    startedAt: task.startedAt?.toISOString() ?? null,
  }
  if (current.done === input.done) return current
  const target = await firstColumnOf(db, ctx, task.projectId, input.done ? ['DONE'] : task.startedAt ? ['DOING', 'TODO'] : ['TODO', 'DOING'])
  if (!target) throw notFound(input.done ? 'A Done column' : 'A To-do column')
  const position = await topPosition(db, ctx, target.id, task.id)
  return placeTask(db, ctx, task, { toColumnId: target.id, position, override: input.override, expectedVersion: task.version })
}
