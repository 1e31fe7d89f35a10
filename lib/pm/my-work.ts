import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { canCompleteTask } from '@/lib/crm/activities'
import { todayIn, toDay, type Day } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import { groupMyWork, zonedMidnight, type MyWorkGroupKey } from '@/lib/pm/my-work-groups'
import { canWriteProjects } from '@/lib/pm/project-access'
import type { MyWorkSection } from '@/lib/pm/my-work.schema'

// My work: one list of a person's open work, from both halves of Baton: the project tasks
// assigned to them (in live projects) and their sales follow-ups (CRM tasks). One query per
// source, each reading only the person's open rows through its index (task_open_by_assignee_idx,
// activity's (org_id, assignee_id, done_at, due_on)), plus what they completed today.

type ItemBase = {
  /** unique across both sources: "task:<id>" or "crm:<id>" */
  key: string
  id: string
  title: string
  dueOn: Day | null
  /** when it was completed (today), ISO; null while open */
  doneAt: string | null
  /** whether the viewer may tick it (project tasks: DELIVERY/MANAGER/ADMIN, or their assignee; follow-ups: see canCompleteTask) */
  canComplete: boolean
}

export type ProjectTaskItem = ItemBase & {
  source: 'project'
  project: { id: string; name: string }
  milestone: string | null
  status: { name: string; kind: 'TODO' | 'DOING' | 'BLOCKED' | 'DONE' }
  /** an open task with a blocker that is not done */
  blocked: boolean
  priority: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT'
}

export type FollowUpItem = ItemBase & {
  source: 'crm'
  /** the record the follow-up is on, and where it links to: its deal, else its contact, else its company */
  record: { type: 'deal' | 'contact' | 'company'; id: string; name: string }
  /** the company of a deal or contact follow-up, for context */
  companyName: string | null
}

export type MyWorkItem = ProjectTaskItem | FollowUpItem

export type MyWork = {
  person: { id: string; name: string; isViewer: boolean }
  today: Day
  /** each group's rows (its first ones when `shown` limits them) and how many it has */
  groups: { key: MyWorkGroupKey; label: string; items: MyWorkItem[]; total: number }[]
  /** completed today (org time zone), newest first, so a mis-click can be undone */
  doneToday: { items: MyWorkItem[]; total: number }
  openCount: number
}

export type LoadMyWorkInput = {
  /** whose work (default: the viewer); someone else's only for MANAGER and ADMIN */
  userId?: string
  /** the clock (tests) */
  now?: Date
  /** the viewer's name and organization time zone when the caller has them (a page's membership): no lookup for one's own work */
  viewer?: { name: string; timeZone: string }
  /** rows per section (every row of `all`); without it, every row of every section */
  shown?: { perSection: number; all?: MyWorkSection }
}

/** Who may look at someone else's list. */
export function canViewOthersWork(ctx: Pick<Ctx, 'role'>) {
  return ctx.role === 'MANAGER' || ctx.role === 'ADMIN'
}

type TaskRow = {
  id: string
  title: string
  due_on: Date | null
  completed_at: Date | null
  priority: ProjectTaskItem['priority']
  project_id: string
  project_name: string
}

/** What a shown task row adds: its column, milestone and whether an open task blocks it. */
type TaskDetail = {
  id: string
  milestone_name: string | null
  column_name: string
  column_kind: ProjectTaskItem['status']['kind']
  blocked: boolean
}

type FollowUpRow = {
  id: string
  subject: string | null
  due_on: Date | null
  done_at: Date | null
  author_id: string | null
  assignee_id: string | null
  deal_id: string | null
  deal_title: string | null
  deal_owner_id: string | null
  contact_id: string | null
  contact_name: string | null
  company_id: string | null
  company_name: string | null
}

/**
 * The person's project tasks: open ones, and the ones completed since `since`, in projects the
 * viewer may read. Only what grouping and counting need; the rows shown get their details from
 * taskDetails (a busy person has hundreds of tasks, the page shows a few dozen).
 */
async function projectTasks(db: Db, ctx: Ctx, personId: string, since: Date) {
  const salesOnly = ctx.role === 'SALES' ? Prisma.sql`AND EXISTS (SELECT 1 FROM deal d WHERE d.id = p.source_deal_id AND d.owner_id = ${ctx.userId}::uuid)` : Prisma.empty
  return db.$queryRaw<TaskRow[]>`
    SELECT t.id, t.title, t.due_on, t.completed_at, t.priority::text AS priority, p.id AS project_id, p.name AS project_name
    FROM (
      SELECT id, title, due_on, completed_at, priority, project_id FROM task
      WHERE org_id = ${ctx.orgId}::uuid AND assignee_id = ${personId}::uuid AND completed_at IS NULL
      UNION ALL
      SELECT id, title, due_on, completed_at, priority, project_id FROM task
      WHERE org_id = ${ctx.orgId}::uuid AND assignee_id = ${personId}::uuid AND completed_at >= ${since}
    ) t
    -- a primary-key lookup of each task's project (LIMIT 1 keeps the planner from turning it
    -- into a hash join over every project)
    CROSS JOIN LATERAL (
      SELECT p.id, p.name, p.source_deal_id FROM project p
      WHERE p.id = t.project_id AND p.org_id = ${ctx.orgId}::uuid AND p.deleted_at IS NULL AND p.status NOT IN ('DONE', 'CANCELLED')
      LIMIT 1
    ) p
    WHERE TRUE ${salesOnly}`
}

/** Column, milestone and "blocked" of the tasks shown (primary-key lookups of those rows only). */
async function taskDetails(db: Db, ctx: Ctx, taskIds: string[]): Promise<Map<string, TaskDetail>> {
  if (taskIds.length === 0) return new Map()
  const rows = await db.$queryRaw<TaskDetail[]>`
    SELECT t.id, m.name AS milestone_name, c.name AS column_name, c.kind::text AS column_kind,
           (t.completed_at IS NULL AND EXISTS (
             SELECT 1 FROM task_dependency dep JOIN task b ON b.id = dep.blocker_id
             WHERE dep.blocked_id = t.id AND b.completed_at IS NULL)) AS blocked
    FROM task t
    CROSS JOIN LATERAL (SELECT c.name, c.kind FROM board_column c WHERE c.id = t.column_id LIMIT 1) c
    LEFT JOIN LATERAL (SELECT m.name FROM milestone m WHERE m.id = t.milestone_id LIMIT 1) m ON TRUE
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.id = ANY(${taskIds}::uuid[])`
  return new Map(rows.map((r) => [r.id, r]))
}

/** The person's follow-up tasks: open ones and the ones done since `since`, unless the record they are on is in the trash. */
async function followUps(db: Db, ctx: Ctx, personId: string, since: Date) {
  return db.$queryRaw<FollowUpRow[]>`
    SELECT a.id, a.subject, a.due_on, a.done_at, a.author_id, a.assignee_id,
           a.deal_id, dl.title AS deal_title, dl.owner_id AS deal_owner_id,
           a.contact_id, ct.first_name || ' ' || ct.last_name AS contact_name,
           a.company_id, co.name AS company_name
    FROM (
      SELECT * FROM activity
      WHERE org_id = ${ctx.orgId}::uuid AND assignee_id = ${personId}::uuid AND done_at IS NULL AND kind = 'TASK'
      UNION ALL
      SELECT * FROM activity
      WHERE org_id = ${ctx.orgId}::uuid AND assignee_id = ${personId}::uuid AND done_at >= ${since} AND kind = 'TASK'
    ) a
    LEFT JOIN deal dl ON dl.id = a.deal_id
    LEFT JOIN contact ct ON ct.id = a.contact_id
    LEFT JOIN company co ON co.id = a.company_id
    WHERE CASE WHEN a.deal_id IS NOT NULL THEN dl.deleted_at IS NULL
               WHEN a.contact_id IS NOT NULL THEN ct.deleted_at IS NULL
               ELSE co.deleted_at IS NULL END`
}

function toTaskItem(ctx: Ctx, personId: string, r: TaskRow, d: TaskDetail): ProjectTaskItem {
  return {
    key: `task:${r.id}`,
    source: 'project',
    id: r.id,
    title: r.title,
    dueOn: r.due_on ? toDay(r.due_on) : null,
    doneAt: r.completed_at?.toISOString() ?? null,
    canComplete: canWriteProjects(ctx) || personId === ctx.userId,
    project: { id: r.project_id, name: r.project_name },
    milestone: d.milestone_name,
    status: { name: d.column_name, kind: d.column_kind },
    blocked: d.blocked,
    priority: r.priority,
  }
}

function toFollowUpItem(ctx: Ctx, r: FollowUpRow): FollowUpItem {
  const record: FollowUpItem['record'] = r.deal_id
    ? { type: 'deal', id: r.deal_id, name: r.deal_title ?? 'Deal' }
    : r.contact_id
      ? { type: 'contact', id: r.contact_id, name: r.contact_name ?? 'Contact' }
      : { type: 'company', id: r.company_id!, name: r.company_name ?? 'Company' }
  return {
    key: `crm:${r.id}`,
    source: 'crm',
    id: r.id,
    title: r.subject ?? 'Follow-up',
    dueOn: r.due_on ? toDay(r.due_on) : null,
    doneAt: r.done_at?.toISOString() ?? null,
    canComplete: canCompleteTask(ctx, { authorId: r.author_id, assigneeId: r.assignee_id, deal: r.deal_owner_id ? { ownerId: r.deal_owner_id } : null }),
    record,
    companyName: record.type === 'company' ? null : r.company_name,
  }
}

/**
 * A person's open work grouped overdue / today / this week / later / no date (in the
 * organization's time zone), and what they completed today. Someone else's work: MANAGER and
 * ADMIN only (FORBIDDEN otherwise); a person who is not a member of the organization: NOT_FOUND.
 */
export async function loadMyWork(db: Db, ctx: Ctx, input: LoadMyWorkInput = {}): Promise<MyWork> {
  const personId = input.userId ?? ctx.userId
  const isViewer = personId === ctx.userId
  if (!isViewer && !canViewOthersWork(ctx)) throw new AppError('FORBIDDEN', 'Only managers and admins can look at someone else’s work.')
  const membership =
    isViewer && input.viewer
      ? { user: { id: ctx.userId, name: input.viewer.name }, org: { timeZone: input.viewer.timeZone } }
      : await db.membership.findFirst({
          where: { orgId: ctx.orgId, userId: personId },
          select: { user: { select: { id: true, name: true } }, org: { select: { timeZone: true } } },
        })
  if (!membership) throw new AppError('NOT_FOUND', 'This person is not a member of this organization.')

  const now = input.now ?? new Date()
  const today = todayIn(membership.org.timeZone, now)
  const since = zonedMidnight(today, membership.org.timeZone)
  const [tasks, crm] = await Promise.all([projectTasks(db, ctx, personId, since), followUps(db, ctx, personId, since)])

  // Group and count every row; build (and look up the details of) only the rows shown.
  type Entry = { dueOn: Day | null; doneAt: string | null; title: string } & ({ task: TaskRow } | { item: FollowUpItem })
  const entries: Entry[] = [
    ...tasks.map((r): Entry => ({ dueOn: r.due_on ? toDay(r.due_on) : null, doneAt: r.completed_at?.toISOString() ?? null, title: r.title, task: r })),
    ...crm.map((r): Entry => {
      const item = toFollowUpItem(ctx, r)
      return { dueOn: item.dueOn, doneAt: item.doneAt, title: item.title, item }
    }),
  ]
  const open = entries.filter((e) => !e.doneAt)
  const done = entries.filter((e) => e.doneAt).sort((a, b) => b.doneAt!.localeCompare(a.doneAt!))
  const limit = (section: MyWorkSection) => (input.shown && input.shown.all !== section ? input.shown.perSection : Infinity)
  const groups = groupMyWork(open, today).map((g) => ({ key: g.key, label: g.label, shown: g.items.slice(0, limit(g.key)), total: g.items.length }))
  const doneShown = done.slice(0, limit('done'))
  const shownTasks = [...groups.flatMap((g) => g.shown), ...doneShown].flatMap((e) => ('task' in e ? [e.task.id] : []))
  const details = await taskDetails(db, ctx, shownTasks)
  // (a task deleted between the two reads has no details: it is left out)
  const itemsOf = (shown: Entry[]) =>
    shown.flatMap((e): MyWorkItem[] => {
      if (!('task' in e)) return [e.item]
      const detail = details.get(e.task.id)
      return detail ? [toTaskItem(ctx, personId, e.task, detail)] : []
    })
  return {
    person: { id: membership.user.id, name: membership.user.name, isViewer },
    today,
    groups: groups.map((g) => ({ key: g.key, label: g.label, items: itemsOf(g.shown), total: g.total })),
    doneToday: { items: itemsOf(doneShown), total: done.length },
    openCount: open.length,
  }
}
