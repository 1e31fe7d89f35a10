import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { addBusinessDays, addDays, daysBetween, formatDay, fromDay, toDay, type Day } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { loadHolidays } from '@/lib/pm/holidays'
import { requireWritableProject } from '@/lib/pm/project-access'
import type { PreviewRedateInput, RedateInput, RedateMode } from '@/lib/pm/redate.schema'
import { businessDaysBetween } from '@/lib/pm/schedule'
import { updateTogether, type Column } from '@/lib/pm/sql-batch'

// Re-dating: a new kickoff moves every OPEN task (start and due) and open milestone by the
// same number of working days (or calendar days), and the target go-live with them. Done
// tasks and every baseline stay. One transaction, one batched UPDATE, and ONE ActivityLog
// entry ('project.redated') holding the previous dates of every row moved, which is what
// undoRedate restores.

type Span = { from: Day; to: Day }
type TaskMove = { id: string; from: { startOn: Day | null; dueOn: Day | null }; to: { startOn: Day | null; dueOn: Day | null } }
type MilestoneMove = { id: string; from: Day; to: Day }

export type RedateChanges = {
  mode: RedateMode
  /** signed: working days (BUSINESS) or calendar days */
  shift: number
  kickoffOn: Span
  targetGoLiveOn: Span | null
  doneTasksKept: number
  tasks: TaskMove[]
  milestones: MilestoneMove[]
}

export type RedatePreview = {
  openTasks: number
  milestones: number
  doneTasks: number
  shift: number
  mode: RedateMode
  kickoffOn: Span
  targetGoLiveOn: Span | null
  /** "12 open tasks and 2 milestones move 5 working days later; 3 done tasks stay." */
  summary: string
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const d = (date: Date | null) => (date ? toDay(date) : null)

function summarize(c: Pick<RedateChanges, 'mode' | 'shift' | 'doneTasksKept'> & { tasks: number; milestones: number }): string {
  const what = `${plural(c.tasks, 'open task')} and ${plural(c.milestones, 'milestone')}`
  if (c.mode === 'KICKOFF_ONLY') return `Only the kickoff moves; the dates of ${what} stay as they are.`
  const unit = c.mode === 'BUSINESS' ? 'working day' : 'day'
  const how = c.shift === 0 ? 'keep their dates (the shift is 0 working days)' : `move ${plural(Math.abs(c.shift), unit)} ${c.shift > 0 ? 'later' : 'earlier'}`
  return c.doneTasksKept ? `${what} ${how}; ${plural(c.doneTasksKept, 'done task')} ${c.doneTasksKept === 1 ? 'stays' : 'stay'}.` : `${what} ${how}.`
}

/** What a new kickoff would move, computed without writing anything. */
async function planRedate(db: Db, ctx: Ctx, input: PreviewRedateInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const row = await db.project.findFirstOrThrow({ where: { id: project.id, orgId: ctx.orgId }, select: { id: true, kickoffOn: true, targetGoLiveOn: true, version: true } })
  const from = toDay(row.kickoffOn)
  const to = input.kickoffOn
  if (from === to) throw new AppError('INVALID', 'That is already the kickoff date.', 'kickoffOn')
  const holidays = input.mode === 'BUSINESS' ? await loadHolidays(db, ctx.orgId) : new Set<Day>()
  // shiftDay (lib/pm/schedule.ts) with the step count worked out once for every row
  const shift = input.mode === 'BUSINESS' ? businessDaysBetween(from, to, holidays) : input.mode === 'CALENDAR' ? daysBetween(from, to) : 0
  const move = (day: Day | null): Day | null => (day === null || shift === 0 ? day : input.mode === 'BUSINESS' ? addBusinessDays(day, shift, holidays) : addDays(day, shift))

  const tasks = await db.task.findMany({
    where: { orgId: ctx.orgId, projectId: project.id, OR: [{ startOn: { not: null } }, { dueOn: { not: null } }] },
    select: { id: true, startOn: true, dueOn: true, completedAt: true },
    orderBy: { id: 'asc' },
  })
  const milestones = await db.milestone.findMany({ where: { orgId: ctx.orgId, projectId: project.id, completedAt: null }, select: { id: true, dueOn: true }, orderBy: { id: 'asc' } })

  const taskMoves: TaskMove[] = []
  let doneTasksKept = 0
  let openTasks = 0
  for (const task of tasks) {
    if (task.completedAt) {
      doneTasksKept++
      continue
    }
    openTasks++
    const before = { startOn: d(task.startOn), dueOn: d(task.dueOn) }
    const after = { startOn: move(before.startOn), dueOn: move(before.dueOn) }
    if (after.startOn !== before.startOn || after.dueOn !== before.dueOn) taskMoves.push({ id: task.id, from: before, to: after })
  }
  const milestoneMoves = milestones.flatMap((m): MilestoneMove[] => {
    const before = toDay(m.dueOn)
    const after = move(before)!
    return after === before ? [] : [{ id: m.id, from: before, to: after }]
  })
  const target = d(row.targetGoLiveOn)
  const changes: RedateChanges = {
    mode: input.mode,
    shift,
    kickoffOn: { from, to },
    targetGoLiveOn: target && move(target) !== target ? { from: target, to: move(target)! } : null,
    doneTasksKept,
    tasks: taskMoves,
    milestones: milestoneMoves,
  }
  return { project: row, changes, open: { tasks: openTasks, milestones: milestones.length } }
}

export async function previewRedate(db: Db, ctx: Ctx, input: PreviewRedateInput): Promise<RedatePreview> {
  const { changes, open } = await planRedate(db, ctx, input)
  const counts = input.mode === 'KICKOFF_ONLY' ? open : { tasks: changes.tasks.length, milestones: changes.milestones.length }
  return {
    openTasks: counts.tasks,
    milestones: counts.milestones,
    doneTasks: changes.doneTasksKept,
    shift: changes.shift,
    mode: changes.mode,
    kickoffOn: changes.kickoffOn,
    targetGoLiveOn: changes.targetGoLiveOn,
    summary: summarize({ ...changes, ...counts }),
  }
}

const TASK_DATES: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'start_on', type: 'date' },
  { name: 'due_on', type: 'date' },
]
const MILESTONE_DATE: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'due_on', type: 'date' },
]
const touch = ['"version" = t."version" + 1', '"updated_at" = now()']

async function writeDates(db: Db, ctx: Ctx, projectId: string, tasks: { id: string; startOn: Day | null; dueOn: Day | null }[], milestones: { id: string; dueOn: Day }[]) {
  await updateTogether(db, [
    { table: 'task', columns: TASK_DATES, rows: tasks.map((t) => ({ id: t.id, start_on: t.startOn, due_on: t.dueOn })), also: touch, orgId: ctx.orgId, projectId },
    { table: 'milestone', columns: MILESTONE_DATE, rows: milestones.map((m) => ({ id: m.id, due_on: m.dueOn })), orgId: ctx.orgId, projectId },
  ])
}

const conflict = () => new AppError('CONFLICT', 'Someone else changed this project a moment ago. Reload the page to see their change, then try again.')

export type RedateResult = { activityId: string; movedTasks: number; movedMilestones: number; summary: string; version: number }

/**
 * Moves the kickoff, and with it every open task, open milestone and the target go-live (not
 * in KICKOFF_ONLY mode). Baselines and done tasks stay. Run in a transaction.
 */
export async function redateProject(db: Db, ctx: Ctx, input: RedateInput): Promise<RedateResult> {
  const { project, changes, open } = await planRedate(db, ctx, input)
  if (project.version !== input.version) throw conflict()
  const updated = await db.project.updateMany({
    where: { id: project.id, orgId: ctx.orgId, version: input.version },
    data: {
      kickoffOn: fromDay(changes.kickoffOn.to),
      ...(changes.targetGoLiveOn ? { targetGoLiveOn: fromDay(changes.targetGoLiveOn.to) } : {}),
      version: { increment: 1 },
    },
  })
  if (updated.count === 0) throw conflict()
  await writeDates(
    db,
    ctx,
    project.id,
    changes.tasks.map((t) => ({ id: t.id, ...t.to })),
    changes.milestones.map((m) => ({ id: m.id, dueOn: m.to })),
  )
  const log = await db.activityLog.create({
    data: { orgId: ctx.orgId, actorId: ctx.userId, entityType: 'project', entityId: project.id, action: 'project.redated', changes },
    select: { id: true },
  })
  const summary = summarize({ ...changes, ...(input.mode === 'KICKOFF_ONLY' ? open : { tasks: changes.tasks.length, milestones: changes.milestones.length }) })
  return { activityId: log.id, movedTasks: changes.tasks.length, movedMilestones: changes.milestones.length, summary, version: input.version + 1 }
}

export type UndoResult = { restoredTasks: number; restoredMilestones: number; keptTasks: number; keptMilestones: number; kickoffRestored: boolean; message: string }

/**
 * Puts back the dates a re-date moved. A row changed since (its dates are no longer the ones
 * the re-date set) keeps its new dates, and the message says how many. Refused when the
 * re-date was already undone or the kickoff was changed again after it. Run in a transaction.
 */
export async function undoRedate(db: Db, ctx: Ctx, activityLogId: string): Promise<UndoResult> {
  const log = await db.activityLog.findFirst({
    where: { id: activityLogId, orgId: ctx.orgId, entityType: 'project', action: 'project.redated' },
    select: { id: true, entityId: true, createdAt: true, changes: true },
  })
  if (!log) throw notFound('This kickoff change')
  const project = await requireWritableProject(db, ctx, log.entityId)
  const undone = await db.activityLog.findFirst({
    where: { orgId: ctx.orgId, entityType: 'project', entityId: project.id, action: 'project.redate_undone', changes: { path: ['redateId'], equals: log.id } },
    select: { id: true },
  })
  if (undone) throw new AppError('CONFLICT', 'This kickoff change was already undone.')
  const later = await db.activityLog.findFirst({
    where: { orgId: ctx.orgId, entityType: 'project', entityId: project.id, action: 'project.redated', createdAt: { gt: log.createdAt } },
    select: { id: true },
  })
  if (later) throw new AppError('CONFLICT', 'The kickoff was changed again after this. Undo the later change first.')

  const changes = log.changes as unknown as RedateChanges
  const current = await db.project.findFirstOrThrow({ where: { id: project.id, orgId: ctx.orgId }, select: { kickoffOn: true, targetGoLiveOn: true } })
  const tasksNow = new Map(
    (await db.task.findMany({ where: { orgId: ctx.orgId, projectId: project.id, id: { in: changes.tasks.map((t) => t.id) } }, select: { id: true, startOn: true, dueOn: true } })).map((t) => [
      t.id,
      { startOn: d(t.startOn), dueOn: d(t.dueOn) },
    ]),
  )
  const milestonesNow = new Map(
    (await db.milestone.findMany({ where: { orgId: ctx.orgId, projectId: project.id, id: { in: changes.milestones.map((m) => m.id) } }, select: { id: true, dueOn: true } })).map((m) => [m.id, toDay(m.dueOn)]),
  )
  const tasks = changes.tasks.filter((t) => {
    const now = tasksNow.get(t.id)
    return now && now.startOn === t.to.startOn && now.dueOn === t.to.dueOn
  })
  const milestones = changes.milestones.filter((m) => milestonesNow.get(m.id) === m.to)
  const kickoffRestored = toDay(current.kickoffOn) === changes.kickoffOn.to
  const targetRestored = changes.targetGoLiveOn !== null && d(current.targetGoLiveOn) === changes.targetGoLiveOn.to

  await db.project.updateMany({
    where: { id: project.id, orgId: ctx.orgId },
    data: {
      ...(kickoffRestored ? { kickoffOn: fromDay(changes.kickoffOn.from) } : {}),
      ...(targetRestored ? { targetGoLiveOn: fromDay(changes.targetGoLiveOn!.from) } : {}),
      version: { increment: 1 },
    },
  })
  await writeDates(
    db,
    ctx,
    project.id,
    tasks.map((t) => ({ id: t.id, ...t.from })),
    milestones.map((m) => ({ id: m.id, dueOn: m.from })),
  )
  const result = {
    restoredTasks: tasks.length,
    restoredMilestones: milestones.length,
    keptTasks: changes.tasks.length - tasks.length,
    keptMilestones: changes.milestones.length - milestones.length,
    kickoffRestored,
  }
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.redate_undone', changes: { redateId: log.id, kickoffOn: changes.kickoffOn, ...result } })
  return { ...result, message: undoMessage(result, changes.kickoffOn.from) }
}

function undoMessage(r: Omit<UndoResult, 'message'>, kickoff: Day): string {
  const parts = [`Restored the previous dates of ${plural(r.restoredTasks, 'task')} and ${plural(r.restoredMilestones, 'milestone')}`]
  if (r.kickoffRestored) parts[0] += `; the kickoff is ${formatDay(kickoff)} again`
  const kept = [r.keptTasks ? plural(r.keptTasks, 'task') : '', r.keptMilestones ? plural(r.keptMilestones, 'milestone') : ''].filter(Boolean)
  if (kept.length) parts.push(`${kept.join(' and ')} changed since ${r.keptTasks + r.keptMilestones === 1 ? 'keeps its' : 'keep their'} new dates`)
  if (!r.kickoffRestored) parts.push('the kickoff was changed since and kept as it is')
  return `${parts.join('. ')}.`
}
