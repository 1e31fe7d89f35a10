import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { toDay, type Day } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import { requireReadableProject } from '@/lib/pm/project-access'
import type { TaskListSearch } from '@/lib/pm/task-list.schema'

// The project's tasks as rows (the list view and the timeline): one query for the tasks with
// their column, assignee and "blocked" flag, one for the milestones, after the access check.

export type ColumnKindName = 'TODO' | 'DOING' | 'BLOCKED' | 'DONE'

export type ProjectTaskRow = {
  id: string
  title: string
  milestoneId: string | null
  status: { id: string; name: string; kind: ColumnKindName; position: number }
  assignee: { id: string; name: string } | null
  startOn: Day | null
  dueOn: Day | null
  /** the first due date; differs from dueOn once the task was re-dated */
  baselineDueOn: Day | null
  /** the completion day (org time zone); null while open */
  completedOn: Day | null
  estimateMinutes: number | null
  priority: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT'
  /** open, with a blocker that is not done */
  blocked: boolean
  /** board order within its column */
  position: number
}

export type MilestoneRow = { id: string; name: string; dueOn: Day; baselineDueOn: Day; done: boolean; position: number }

export type TaskListGroup = {
  /** null: the tasks that belong to no milestone */
  milestone: MilestoneRow | null
  tasks: ProjectTaskRow[]
  doneCount: number
}

export type ProjectTaskList = {
  project: { id: string; name: string }
  groups: TaskListGroup[]
  total: number
  sort: TaskListSearch['sort']
  dir: TaskListSearch['dir']
}

type Row = {
  id: string
  title: string
  milestone_id: string | null
  column_id: string
  column_name: string
  column_kind: ColumnKindName
  column_position: number
  assignee_id: string | null
  assignee_name: string | null
  start_on: Date | null
  due_on: Date | null
  baseline_due_on: Date | null
  completed_on: Date | null
  estimate_minutes: number | null
  priority: ProjectTaskRow['priority']
  blocked: boolean
  position: number
}

const day = (d: Date | null) => (d ? toDay(d) : null)

/** A URL segment that cannot be an id is a missing project, not a database error. */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** Every task of a project, unsorted. The caller has checked that the viewer may read the project. */
export async function projectTaskRows(db: Db, ctx: Ctx, projectId: string): Promise<ProjectTaskRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id, t.title, t.milestone_id, c.id AS column_id, c.name AS column_name, c.kind::text AS column_kind,
           c.position AS column_position, u.id AS assignee_id, u.name AS assignee_name,
           t.start_on, t.due_on, t.baseline_due_on, t.completed_on, t.estimate_minutes, t.priority::text AS priority, t.position,
           (t.completed_at IS NULL AND EXISTS (
             SELECT 1 FROM task_dependency dep JOIN task b ON b.id = dep.blocker_id
             WHERE dep.blocked_id = t.id AND b.completed_at IS NULL)) AS blocked
    FROM task t
    JOIN board_column c ON c.id = t.column_id
    LEFT JOIN "user" u ON u.id = t.assignee_id
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ${projectId}::uuid`
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    milestoneId: r.milestone_id,
    status: { id: r.column_id, name: r.column_name, kind: r.column_kind, position: r.column_position },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    startOn: day(r.start_on),
    dueOn: day(r.due_on),
    baselineDueOn: day(r.baseline_due_on),
    completedOn: day(r.completed_on),
    estimateMinutes: r.estimate_minutes,
    priority: r.priority,
    blocked: r.blocked,
    position: r.position,
  }))
}

/** The project's milestones by due date (then their order). */
export async function projectMilestones(db: Db, ctx: Ctx, projectId: string): Promise<MilestoneRow[]> {
  const rows = await db.milestone.findMany({
    where: { orgId: ctx.orgId, projectId },
    orderBy: [{ dueOn: 'asc' }, { position: 'asc' }],
    select: { id: true, name: true, dueOn: true, baselineDueOn: true, completedAt: true, position: true },
  })
  return rows.map((m) => ({ id: m.id, name: m.name, dueOn: toDay(m.dueOn), baselineDueOn: toDay(m.baselineDueOn), done: m.completedAt !== null, position: m.position }))
}

/** Nulls last in both directions; ties by title, then id, so the order is stable. */
function compareBy(sort: TaskListSearch['sort'], dir: TaskListSearch['dir']) {
  const sign = dir === 'desc' ? -1 : 1
  const key = (t: ProjectTaskRow): string | number | null => {
    if (sort === 'assignee') return t.assignee?.name.toLocaleLowerCase('en') ?? null
    if (sort === 'status') return t.status.position
    return t.dueOn
  }
  return (a: ProjectTaskRow, b: ProjectTaskRow) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== kb) {
      if (ka === null) return 1
      if (kb === null) return -1
      return (ka < kb ? -1 : 1) * sign
    }
    return (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)
  }
}

/** Tasks grouped under their milestones (by due date), the milestone-less ones last; each group sorted as asked. */
export function groupTasks(tasks: ProjectTaskRow[], milestones: MilestoneRow[], search: TaskListSearch): TaskListGroup[] {
  const byMilestone = new Map<string | null, ProjectTaskRow[]>([...milestones.map((m) => [m.id, []] as [string, ProjectTaskRow[]]), [null, []]])
  for (const task of tasks) (byMilestone.get(task.milestoneId) ?? byMilestone.get(null)!).push(task)
  const compare = compareBy(search.sort, search.dir)
  const groups: TaskListGroup[] = [...milestones, null].map((milestone) => {
    const rows = byMilestone.get(milestone?.id ?? null)!.sort(compare)
    return { milestone, tasks: rows, doneCount: rows.filter((t) => t.completedOn !== null).length }
  })
  return groups.filter((g) => g.milestone !== null || g.tasks.length > 0)
}

/** The list view: every task of a readable project, grouped by milestone and sorted. NOT_FOUND if the viewer may not read it. */
export async function listProjectTasks(db: Db, ctx: Ctx, projectId: string, search: TaskListSearch): Promise<ProjectTaskList> {
  if (!isUuid(projectId)) throw new AppError('NOT_FOUND', 'This project was not found.')
  const project = await requireReadableProject(db, ctx, projectId)
  const [tasks, milestones] = await Promise.all([projectTaskRows(db, ctx, project.id), projectMilestones(db, ctx, project.id)])
  return { project: { id: project.id, name: project.name }, groups: groupTasks(tasks, milestones, search), total: tasks.length, sort: search.sort, dir: search.dir }
}
