import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { ColumnKind, TaskPriority } from '@/lib/generated/prisma/enums'
import type { Prisma } from '@/lib/generated/prisma/client'
import { todayIn, toDay, type Day } from '@/lib/dates'
import { dateTimeFormat } from '@/lib/intl-cache'
import { notFound } from '@/lib/errors'
import { listChecklist, type ChecklistItemDto } from '@/lib/pm/checklist'
import { listComments, type CommentDto } from '@/lib/pm/comments'
import { canWriteProjects, readableProjects } from '@/lib/pm/project-access'
import { projectPeople, type ProjectPerson } from '@/lib/pm/project-people'
import { describeTaskActivity, type HistoryLine } from '@/lib/pm/task-activity'
import { isDoneLate, isOverdue } from '@/lib/pm/task-status'

export type LinkedTask = { id: string; title: string; done: boolean }
export type TaskHistoryEntry = { id: string; at: string; when: string; actor: string | null; summary: string; lines: HistoryLine[] }

export type TaskDetail = {
  id: string
  projectId: string
  title: string
  description: string | null
  column: { id: string; name: string; kind: ColumnKind }
  version: number
  assignee: { id: string; name: string } | null
  /** the project role the task belongs to (from its template) */
  role: string | null
  startOn: Day | null
  dueOn: Day | null
  baselineDueOn: Day | null
  completedOn: Day | null
  done: boolean
  doneLate: boolean
  overdue: boolean
  milestone: { id: string; name: string } | null
  estimateMinutes: number | null
  priority: TaskPriority
  blockedBy: LinkedTask[]
  blocks: LinkedTask[]
  checklist: ChecklistItemDto[]
  /** with `when`: the time in the organization's time zone */
  comments: (CommentDto & { when: string })[]
  history: TaskHistoryEntry[]
  /** the project's other tasks, for the dependency pickers (editors only) */
  otherTasks: { id: string; title: string }[]
  /** who the task can be assigned to and who a comment can mention: the people who can read the project */
  people: ProjectPerson[]
  canEdit: boolean
  /** editors, and the assignee (complete/reopen only) */
  canComplete: boolean
}

/** Audit entries that are not news in a task's history. */
const NOISE = ['task.reordered']
const HISTORY_SIZE = 50

/** Everything the task drawer shows, for someone who can read the task's project; else NOT_FOUND. */
export async function getTaskDetail(db: Db, ctx: Ctx, taskId: string): Promise<TaskDetail> {
  const task = await db.task.findFirst({
    where: { id: taskId, orgId: ctx.orgId, project: readableProjects(ctx) },
    select: {
      id: true,
      projectId: true,
      title: true,
      description: true,
      version: true,
      startOn: true,
      dueOn: true,
      baselineDueOn: true,
      completedAt: true,
      completedOn: true,
      estimateMinutes: true,
      priority: true,
      column: { select: { id: true, name: true, kind: true } },
      assignee: { select: { id: true, name: true } },
      role: { select: { name: true } },
      milestone: { select: { id: true, name: true } },
      project: { select: { org: { select: { timeZone: true } } } },
    },
  })
  if (!task) throw notFound('This task')
  const canEdit = canWriteProjects(ctx)
  const linked = { select: { id: true, title: true, column: { select: { kind: true } } } } as const
  const [blockedBy, blocks, checklist, comments, log, otherTasks, people] = await Promise.all([
    db.taskDependency.findMany({ where: { orgId: ctx.orgId, blockedId: task.id }, orderBy: { createdAt: 'asc' }, select: { blocker: linked } }),
    db.taskDependency.findMany({ where: { orgId: ctx.orgId, blockerId: task.id }, orderBy: { createdAt: 'asc' }, select: { blocked: linked } }),
    listChecklist(db, ctx, task.id),
    listComments(db, ctx, task.id),
    db.activityLog.findMany({
      where: { orgId: ctx.orgId, entityType: 'task', entityId: task.id, action: { notIn: NOISE } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: HISTORY_SIZE,
      select: { id: true, action: true, changes: true, createdAt: true, actor: { select: { name: true } } },
    }),
    canEdit
      ? db.task.findMany({ where: { orgId: ctx.orgId, projectId: task.projectId, id: { not: task.id } }, orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }], select: { id: true, title: true } })
      : Promise.resolve([]),
    projectPeople(db, ctx, { projectId: task.projectId }),
  ])
  const timeZone = task.project.org.timeZone
  const when = dateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' })
  const toLinked = (t: { id: string; title: string; column: { kind: ColumnKind } }): LinkedTask => ({ id: t.id, title: t.title, done: t.column.kind === 'DONE' })
  const day = (d: Date | null) => (d ? toDay(d) : null)
  const done = task.completedAt !== null
  const dates = { dueOn: day(task.dueOn), baselineDueOn: day(task.baselineDueOn), completedOn: day(task.completedOn) }
  return {
    id: task.id,
    projectId: task.projectId,
    title: task.title,
    description: task.description,
    column: task.column,
    version: task.version,
    assignee: task.assignee,
    role: task.role?.name ?? null,
    startOn: day(task.startOn),
    ...dates,
    done,
    doneLate: isDoneLate(dates),
    overdue: isOverdue({ done, dueOn: dates.dueOn }, todayIn(timeZone)),
    milestone: task.milestone,
    estimateMinutes: task.estimateMinutes,
    priority: task.priority,
    blockedBy: blockedBy.map((d) => toLinked(d.blocker)),
    blocks: blocks.map((d) => toLinked(d.blocked)),
    checklist,
    comments: comments.map((c) => ({ ...c, when: when.format(new Date(c.createdAt)) })),
    history: log.flatMap((entry) => {
      const sentence = describeTaskActivity(entry.action, (entry.changes ?? {}) as Prisma.JsonObject)
      return sentence ? [{ id: entry.id, at: entry.createdAt.toISOString(), when: when.format(entry.createdAt), actor: entry.actor?.name ?? null, ...sentence }] : []
    }),
    otherTasks,
    people,
    canEdit,
    canComplete: canEdit || task.assignee?.id === ctx.userId,
  }
}
