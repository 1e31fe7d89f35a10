import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { ColumnKind, TaskPriority } from '@/lib/generated/prisma/enums'
import { Prisma } from '@/lib/generated/prisma/client'
import { todayIn, toDay, type Day } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import type { BoardFilters } from '@/lib/pm/board-query.schema'
import type { MilestoneOption } from '@/lib/pm/milestones'
import { orgTodaySql } from '@/lib/pm/org-today-sql'
import { canWriteProjects, readableProjects } from '@/lib/pm/project-access'
import { projectReadersSelect } from '@/lib/pm/project-people'

export type BoardColumnDto = { id: string; name: string; kind: ColumnKind; position: number }

export type TaskCard = {
  id: string
  title: string
  columnId: string
  position: number
  version: number
  assignee: { id: string; name: string } | null
  dueOn: Day | null
  /** open and due before today (organization time zone) */
  overdue: boolean
  /** has a blocker that is not in a Done column */
  blocked: boolean
  done: boolean
  checklist: { done: number; total: number }
  milestone: { id: string; name: string } | null
  priority: TaskPriority
  comments: number
}

/** The board without its cards (what the drawer and the toolbar need). */
export type BoardMeta = Omit<ProjectBoard, 'tasks'>

export type ProjectBoard = {
  project: { id: string; name: string }
  today: Day
  columns: BoardColumnDto[]
  tasks: TaskCard[]
  milestones: MilestoneOption[]
  /** who has tasks on this project, whatever the filters, by name (the assignee filter lists them) */
  assignees: { id: string; name: string }[]
  canEdit: boolean
  /** the project's task count before filters (so the page can say "3 of 40 tasks") */
  totalTasks: number
}

/** One card as the query returns it (a JSON array, parsed once: cheaper than 300 typed rows). */
type CardRow = [
  id: string,
  title: string,
  columnId: string,
  position: number,
  version: number,
  assigneeId: string | null,
  assigneeName: string | null,
  dueOn: Day | null,
  done: boolean,
  milestoneId: string | null,
  milestoneName: string | null,
  priority: TaskPriority,
  checklistDone: number,
  checklistTotal: number,
  comments: number,
  blocked: boolean,
]

function filtersSql(ctx: Ctx, today: Prisma.Sql, filters: BoardFilters) {
  const parts: Prisma.Sql[] = []
  if (filters.assignee === 'me') parts.push(Prisma.sql`t.assignee_id = ${ctx.userId}::uuid`)
  else if (filters.assignee === 'unassigned') parts.push(Prisma.sql`t.assignee_id IS NULL`)
  else if (filters.assignee) parts.push(Prisma.sql`t.assignee_id = ${filters.assignee}::uuid`)
  if (filters.milestone === 'none') parts.push(Prisma.sql`t.milestone_id IS NULL`)
  else if (filters.milestone) parts.push(Prisma.sql`t.milestone_id = ${filters.milestone}::uuid`)
  if (filters.overdue) parts.push(Prisma.sql`t.completed_at IS NULL AND t.due_on < ${today}`)
  return parts.length ? Prisma.sql` AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty
}

/**
 * Cards with everything they show, in one statement: the project's tasks, their checklist
 * progress and comment counts (kept by triggers: ADR 0017), and the blocked flag from the
 * project's dependencies whose blocker is not in a Done column.
 */
async function cardRows(db: Db, ctx: Ctx, projectId: string, today: Prisma.Sql, filters: BoardFilters, taskIds?: string[]): Promise<CardRow[]> {
  const rows = await db.$queryRaw<{ cards: string }[]>`
    WITH blocked AS (
      SELECT DISTINCT d.blocked_id
      FROM task_dependency d
      JOIN task b ON b.id = d.blocker_id
      JOIN board_column bc ON bc.id = b.column_id
      WHERE d.org_id = ${ctx.orgId}::uuid AND d.project_id = ${projectId}::uuid AND bc.kind <> 'DONE'
    )
    SELECT coalesce(json_agg(json_build_array(
             t.id, t.title, t.column_id, t.position, t.version, t.assignee_id, u.name, t.due_on, t.completed_at IS NOT NULL,
             t.milestone_id, m.name, t.priority, coalesce(cc.checklist_done, 0), coalesce(cc.checklist_total, 0), coalesce(cc.comments, 0),
             blocked.blocked_id IS NOT NULL
           ) ORDER BY t.position, t.id), '[]'::json)::text AS cards
    FROM task t
    LEFT JOIN "user" u ON u.id = t.assignee_id
    -- the project's own milestones (by its index), not a hash of every milestone of the organization
    LEFT JOIN (SELECT m.id, m.name FROM milestone m WHERE m.org_id = ${ctx.orgId}::uuid AND m.project_id = ${projectId}::uuid) m ON m.id = t.milestone_id
    LEFT JOIN (SELECT cc.* FROM task_card_counts cc WHERE cc.org_id = ${ctx.orgId}::uuid AND cc.project_id = ${projectId}::uuid) cc ON cc.task_id = t.id
    LEFT JOIN blocked ON blocked.blocked_id = t.id
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ${projectId}::uuid
      ${taskIds ? Prisma.sql`AND t.id = ANY(${taskIds}::uuid[])` : Prisma.empty}
      ${filtersSql(ctx, today, filters)}`
  return JSON.parse(rows[0]!.cards) as CardRow[]
}

/** Rows -> cards (cards of the same person or milestone share one object). */
function toCards(rows: CardRow[], today: Day): TaskCard[] {
  const shared = new Map<string, { id: string; name: string }>()
  const one = (id: string | null, name: string | null) => {
    if (!id) return null
    let value = shared.get(id)
    if (!value) shared.set(id, (value = { id, name: name ?? '' }))
    return value
  }
  return rows.map(([id, title, columnId, position, version, assigneeId, assigneeName, dueOn, done, milestoneId, milestoneName, priority, checked, items, comments, blocked]) => ({
    id,
    title,
    columnId,
    position,
    version,
    assignee: one(assigneeId, assigneeName),
    dueOn,
    overdue: !done && dueOn !== null && dueOn < today,
    blocked,
    done,
    checklist: { done: checked, total: items },
    milestone: one(milestoneId, milestoneName),
    priority,
    comments,
  }))
}

async function readableProject(db: Db, ctx: Ctx, projectId: string) {
  const project = await db.project.findFirst({ where: { id: projectId, ...readableProjects(ctx) }, select: { id: true, name: true } })
  if (!project) throw notFound('This project')
  return project
}

/**
 * The board's project (nothing unless this person may read it), columns and milestones (by due
 * date) in one statement: Prisma joins the relations in SQL. Who can be assigned or mentioned
 * comes with a task's detail (the drawer), not with every board load.
 */
async function boardMeta(db: Db, ctx: Ctx, projectId: string) {
  const found = await db.project.findFirst({
    where: { id: projectId, ...readableProjects(ctx) },
    select: {
      id: true,
      name: true,
      columns: { select: { id: true, name: true, kind: true, position: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      milestones: { select: { id: true, name: true, dueOn: true, completedAt: true }, orderBy: [{ dueOn: 'asc' }, { position: 'asc' }, { id: 'asc' }] },
      org: { select: { timeZone: true } },
    },
  })
  if (!found) throw notFound('This project')
  return {
    project: { id: found.id, name: found.name },
    timeZone: found.org.timeZone,
    columns: found.columns satisfies BoardColumnDto[],
    milestones: found.milestones.map((m): MilestoneOption => ({ id: m.id, name: m.name, dueOn: toDay(m.dueOn), done: m.completedAt !== null })),
  }
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)

/** The people the cards are assigned to, each once, by name. */
function assigneesOf(cards: TaskCard[]) {
  const seen = new Map<string, { id: string; name: string }>()
  for (const card of cards) if (card.assignee) seen.set(card.assignee.id, card.assignee)
  return [...seen.values()].sort(byName)
}

/** The person the board is filtered by stays listed even with no tasks here (a shared link, the last task reassigned). */
function withChosen(assignees: { id: string; name: string }[], chosen: { id: string; name: string } | null) {
  if (!chosen || assignees.some((a) => a.id === chosen.id)) return assignees
  return [...assignees, chosen].sort(byName)
}

/** The person a board is filtered by (a user id), if they can read the project. */
async function chosenPerson(db: Db, ctx: Ctx, projectId: string, assignee: BoardFilters['assignee']) {
  if (!assignee || assignee === 'me' || assignee === 'unassigned') return null
  const { where } = projectReadersSelect(ctx.orgId, projectId)
  const found = await db.membership.findFirst({ where: { ...where, userId: assignee }, select: { user: { select: { id: true, name: true } } } })
  return found?.user ?? null
}

/** The whole project's task count and assignees (a filtered board's cards have only some). */
async function unfilteredFacts(db: Db, ctx: Ctx, projectId: string) {
  const [row] = await db.$queryRaw<{ total: number; assignees: { id: string; name: string }[] }[]>`
    SELECT count(*)::int AS total,
           coalesce(json_agg(DISTINCT jsonb_build_object('id', u.id, 'name', u.name)) FILTER (WHERE u.id IS NOT NULL), '[]'::json) AS assignees
    FROM task t LEFT JOIN "user" u ON u.id = t.assignee_id
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ${projectId}::uuid`
  return { total: row!.total, assignees: row!.assignees.sort(byName) }
}

/**
 * Everything the board page shows: columns, the cards matching the filters (assignee "me",
 * "unassigned" or a person; overdue only; a milestone or "none"), milestones and the people
 * with tasks for the filters, chips and swimlanes. Two statements whatever the task count, run
 * at once (with a filter, one more for the unfiltered count and assignees, and one for the
 * person filtered by): each is scoped to the organization, and nothing is returned unless the
 * project is one this person may read.
 */
export async function loadProjectBoard(db: Db, ctx: Ctx, projectId: string, filters: BoardFilters = {}): Promise<ProjectBoard> {
  const filtered = Boolean(filters.assignee || filters.milestone || filters.overdue)
  const [meta, rows, whole, chosen] = await Promise.all([
    boardMeta(db, ctx, projectId),
    cardRows(db, ctx, projectId, orgTodaySql(ctx.orgId), filters),
    filtered ? unfilteredFacts(db, ctx, projectId) : null,
    chosenPerson(db, ctx, projectId, filters.assignee),
  ])
  const today = todayIn(meta.timeZone)
  const tasks = toCards(rows, today)
  return {
    project: meta.project,
    today,
    columns: meta.columns,
    tasks,
    milestones: meta.milestones,
    assignees: withChosen(whole ? whole.assignees : assigneesOf(tasks), chosen),
    canEdit: canWriteProjects(ctx),
    totalTasks: whole ? whole.total : rows.length,
  }
}

/** Cards of some tasks of a project (after a create or an edit), as the board shows them. */
export async function loadTaskCards(db: Db, ctx: Ctx, projectId: string, taskIds: string[]): Promise<TaskCard[]> {
  await readableProject(db, ctx, projectId)
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
  const today = todayIn(org.timeZone)
  return toCards(await cardRows(db, ctx, projectId, Prisma.sql`${today}::date`, {}, taskIds), today)
}

/** A task's card and the cards of the tasks it blocks (their blocked flag follows its column). */
export async function loadCardsAround(db: Db, ctx: Ctx, taskId: string): Promise<TaskCard[]> {
  const task = await db.task.findFirst({ where: { id: taskId, orgId: ctx.orgId, project: readableProjects(ctx) }, select: { projectId: true, blocks: { select: { blockedId: true } } } })
  if (!task) return []
  return loadTaskCards(db, ctx, task.projectId, [taskId, ...task.blocks.map((b) => b.blockedId)])
}
