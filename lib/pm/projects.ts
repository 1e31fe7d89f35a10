import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { todayIn, toDay, type Day } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DealStatus, ProjectStatus } from '@/lib/generated/prisma/enums'
import { holidaySet, loadHolidays } from '@/lib/pm/holidays'
import { orgTodaySql } from '@/lib/pm/org-today-sql'
import { canWriteProjects, readableProjects } from '@/lib/pm/project-access'
import { emptyFigures, loadProjectFigures, percentDone, type ProjectFigures } from '@/lib/pm/project-figures'
import { projectHealth, type HealthVerdict, type ProjectHealth } from '@/lib/pm/project-health'
import type { ProjectListParams, ProjectSort } from '@/lib/pm/projects.schema'

/** Figures needing every matching project (health, progress) are computed for at most this many. */
export const MAX_COMPUTED = 1000

const listSelect = {
  id: true,
  name: true,
  status: true,
  kickoffOn: true,
  targetGoLiveOn: true,
  baselineGoLiveOn: true,
  completedAt: true,
  createdAt: true,
  deletedAt: true,
  owner: { select: { id: true, name: true } },
  company: { select: { id: true, name: true } },
} satisfies Prisma.ProjectSelect

type ListRow = Prisma.ProjectGetPayload<{ select: typeof listSelect }>

export type ProjectListItem = {
  id: string
  name: string
  status: ProjectStatus
  owner: { id: string; name: string } | null
  company: { id: string; name: string } | null
  kickoffOn: Day
  targetGoLiveOn: Day | null
  baselineGoLiveOn: Day | null
  progress: { done: number; total: number; percent: number }
  overdue: number
  nextMilestone: { name: string; dueOn: Day; overdue: boolean } | null
  health: ProjectHealth
  healthReasons: string[]
  deletedAt: string | null
}

export type ProjectList = {
  items: ProjectListItem[]
  total: number
  hasMore: boolean
  computedAll: boolean
  today: Day
  /** the owners and companies of the person's projects, for the filters */
  facets: { owners: { id: string; name: string }[]; companies: { id: string; name: string }[] }
}

/** Owners and companies that appear on the projects this person can read. */
async function listFacets(db: Db, ctx: Ctx): Promise<ProjectList['facets']> {
  const rows = await db.project.findMany({
    where: readableProjects(ctx),
    distinct: ['ownerId', 'companyId'],
    select: { owner: { select: { id: true, name: true } }, company: { select: { id: true, name: true } } },
    take: 2000,
  })
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
  const owners = new Map(rows.flatMap((r) => (r.owner ? [[r.owner.id, r.owner] as const] : [])))
  const companies = new Map(rows.flatMap((r) => (r.company ? [[r.company.id, r.company] as const] : [])))
  return { owners: [...owners.values()].sort(byName), companies: [...companies.values()].sort(byName) }
}

const day = (d: Date | null) => (d ? toDay(d) : null)

async function orgToday(db: Db, ctx: Pick<Ctx, 'orgId'>) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
  return { timeZone: org.timeZone, today: todayIn(org.timeZone) }
}

/** A project's health from its row and figures (the list, the header and the delivery dashboard). */
function healthOf(row: Pick<ListRow, 'status' | 'targetGoLiveOn' | 'baselineGoLiveOn' | 'completedAt'>, f: ProjectFigures, today: Day, timeZone: string, holidays: ReadonlySet<Day>): HealthVerdict {
  return projectHealth({
    status: row.status,
    today,
    targetGoLiveOn: day(row.targetGoLiveOn),
    baselineGoLiveOn: day(row.baselineGoLiveOn),
    completedOn: row.completedAt ? todayIn(timeZone, row.completedAt) : null,
    overdueMilestones: f.overdueMilestones,
    openTasksDueAfterTarget: f.dueAfterTarget,
    busiestOpenWorkMinutes: f.busiestOpenMinutes,
    holidays,
  })
}

function filtersOf(ctx: Ctx, params: ProjectListParams): Prisma.ProjectWhereInput {
  const scope: Prisma.ProjectWhereInput =
    params.trash && canWriteProjects(ctx) ? { orgId: ctx.orgId, deletedAt: { not: null } } : params.trash ? { id: { in: [] } } : readableProjects(ctx)
  const status: Prisma.ProjectWhereInput =
    params.trash || params.status === 'all' ? {} : params.status === 'open' ? { status: { in: ['PLANNED', 'ACTIVE', 'ON_HOLD'] } } : { status: params.status }
  const owner = params.owner ? { ownerId: params.owner === 'me' ? ctx.userId : params.owner } : {}
  const company = params.company ? { companyId: params.company } : {}
  const template = params.template ? { templateId: params.template } : {}
  const q = params.q ? { name: { contains: params.q, mode: 'insensitive' as const } } : {}
  return { AND: [scope, status, owner, company, template, q] }
}

const defaultDir: Record<ProjectSort, 'asc' | 'desc'> = { name: 'asc', kickoff: 'asc', goLive: 'asc', progress: 'desc', health: 'desc', created: 'desc' }

function orderOf(sort: ProjectSort, dir: 'asc' | 'desc'): Prisma.ProjectOrderByWithRelationInput[] {
  const by: Record<ProjectSort, Prisma.ProjectOrderByWithRelationInput> = {
    name: { name: dir },
    kickoff: { kickoffOn: dir },
    goLive: { targetGoLiveOn: { sort: dir, nulls: 'last' } },
    created: { createdAt: dir },
    // computed below; the database order only makes the result stable
    progress: { name: 'asc' },
    health: { targetGoLiveOn: { sort: 'asc', nulls: 'last' } },
  }
  return [by[sort], { id: 'asc' }]
}

const healthRank: Record<ProjectHealth, number> = { ON_TRACK: 0, AT_RISK: 1, LATE: 2 }

/**
 * The projects list: the person's readable projects filtered as the URL says, each with its
 * progress, overdue count, next milestone and health. Figures are aggregated in SQL for the
 * rows shown only, unless a health filter or a computed sort needs them for every match.
 */
export async function listProjects(db: Db, ctx: Ctx, params: ProjectListParams): Promise<ProjectList> {
  const where = filtersOf(ctx, params)
  const dir = params.dir ?? defaultDir[params.sort]
  const computeAll = Boolean(params.health) || params.sort === 'progress' || params.sort === 'health'

  // Independent reads, side by side (a transaction client runs them one after the other).
  const [{ timeZone, today }, holidays, rows, facets] = await Promise.all([
    orgToday(db, ctx),
    loadHolidays(db, ctx.orgId),
    db.project.findMany({ where, orderBy: orderOf(params.sort, dir), take: computeAll ? MAX_COMPUTED : params.limit + 1, select: listSelect }),
    listFacets(db, ctx),
  ])
  const figures = await loadProjectFigures(db, ctx, computeAll ? rows.map((r) => r.id) : rows.slice(0, params.limit).map((r) => r.id), today)

  let items = rows.map((row): ProjectListItem => {
    const f = figures.get(row.id) ?? emptyFigures
    const verdict = healthOf(row, f, today, timeZone, holidays)
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      owner: row.owner,
      company: row.company,
      kickoffOn: toDay(row.kickoffOn),
      targetGoLiveOn: day(row.targetGoLiveOn),
      baselineGoLiveOn: day(row.baselineGoLiveOn),
      progress: { done: f.done, total: f.total, percent: percentDone(f) },
      overdue: f.overdue,
      nextMilestone: f.nextMilestone ? { name: f.nextMilestone.name, dueOn: f.nextMilestone.dueOn, overdue: f.nextMilestone.dueOn < today } : null,
      health: verdict.health,
      healthReasons: verdict.reasons,
      deletedAt: row.deletedAt?.toISOString() ?? null,
    }
  })

  if (!computeAll) {
    const total = rows.length > params.limit ? await db.project.count({ where }) : rows.length
    return { items: items.slice(0, params.limit), total, hasMore: rows.length > params.limit, computedAll: false, today, facets }
  }
  if (params.health) items = items.filter((i) => i.health === params.health)
  const sign = dir === 'asc' ? 1 : -1
  if (params.sort === 'progress') items.sort((a, b) => sign * (a.progress.percent - b.progress.percent))
  if (params.sort === 'health') items.sort((a, b) => sign * (healthRank[a.health] - healthRank[b.health]))
  return { items: items.slice(0, params.limit), total: items.length, hasMore: items.length > params.limit, computedAll: rows.length < MAX_COMPUTED, today, facets }
}

export type MemberGroup = { role: { id: string; name: string } | null; people: { memberId: string; userId: string; name: string }[] }

export type ProjectHeader = {
  id: string
  name: string
  status: ProjectStatus
  version: number
  brief: string | null
  owner: { id: string; name: string } | null
  company: { id: string; name: string } | null
  kickoffOn: Day
  targetGoLiveOn: Day | null
  baselineGoLiveOn: Day | null
  completedAt: string | null
  template: { id: string; name: string; version: number | null } | null
  sourceDeal: { id: string; title: string; status: DealStatus; amountMinor: string; currency: string; closedAt: string | null; owner: { id: string; name: string } } | null
  members: MemberGroup[]
  progress: { done: number; total: number; percent: number }
  overdue: number
  nextMilestone: { name: string; dueOn: Day; overdue: boolean } | null
  health: ProjectHealth
  healthReasons: string[]
  /** roles this project's open tasks need that no member holds */
  unfilledRoles: { id: string; name: string; unassignedTasks: number }[]
  canWrite: boolean
  today: Day
}

const headerSelect = {
  ...listSelect,
  version: true,
  brief: true,
  template: { select: { id: true, name: true } },
  templateVersion: { select: { version: true } },
  sourceDeal: { select: { id: true, title: true, status: true, amountMinor: true, currency: true, closedAt: true, owner: { select: { id: true, name: true } } } },
  members: {
    select: { id: true, user: { select: { id: true, name: true } }, role: { select: { id: true, name: true, position: true } } },
    orderBy: [{ role: { position: 'asc' } }, { user: { name: 'asc' } }],
  },
} satisfies Prisma.ProjectSelect

/** Roles this project's open, unassigned tasks need that no member holds. */
function unfilledRolesOf(db: Db, ctx: Ctx, projectId: string) {
  return db.$queryRaw<{ id: string; name: string; unassignedTasks: number }[]>`
    SELECT r.id::text AS id, r.name, count(*)::int AS "unassignedTasks"
    FROM task t JOIN project_role r ON r.id = t.role_id
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ${projectId}::uuid AND t.assignee_id IS NULL AND t.completed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM project_member pm WHERE pm.project_id = t.project_id AND pm.role_id = t.role_id)
    GROUP BY r.id, r.name, r.position ORDER BY r.position, r.name`
}

/**
 * The project page's header: status, dates (target against baseline), members by role,
 * progress and health, unfilled roles and the source deal. NOT_FOUND when the person may not
 * read the project (another organization's, a deleted one, a rep's colleague's deal).
 */
export async function getProjectHeader(db: Db, ctx: Ctx, projectId: string): Promise<ProjectHeader> {
  const canWrite = canWriteProjects(ctx)
  // Three statements at once: the project with its organization's time zone and holidays
  // (relation joins), its figures (today in SQL, so they need not wait for the time zone) and its
  // unfilled roles. The figures of a project this person may not read are computed and dropped.
  // The owner picker loads the people who can own it when it opens (ownerChoicesAction).
  const [found, figureMap, unfilledRoles] = await Promise.all([
    db.project.findFirst({
      where: { id: projectId, ...readableProjects(ctx) },
      select: { ...headerSelect, org: { select: { timeZone: true, holidays: { select: { day: true } } } } },
    }),
    loadProjectFigures(db, ctx, [projectId], orgTodaySql(ctx.orgId)),
    unfilledRolesOf(db, ctx, projectId),
  ])
  if (!found) throw notFound('This project')
  const { org, ...project } = found
  const timeZone = org.timeZone
  const today = todayIn(timeZone)
  const holidays = holidaySet(org.holidays)
  const figures = figureMap.get(project.id) ?? emptyFigures
  const verdict = healthOf(project, figures, today, timeZone, holidays)

  const groups = new Map<string, MemberGroup>()
  for (const m of project.members) {
    const key = m.role?.id ?? ''
    const group = groups.get(key) ?? { role: m.role ? { id: m.role.id, name: m.role.name } : null, people: [] }
    group.people.push({ memberId: m.id, userId: m.user.id, name: m.user.name })
    groups.set(key, group)
  }
  const members = [...groups.values()].sort((a, b) => Number(a.role === null) - Number(b.role === null))

  return {
    id: project.id,
    name: project.name,
    status: project.status,
    version: project.version,
    brief: project.brief,
    owner: project.owner,
    company: project.company,
    kickoffOn: toDay(project.kickoffOn),
    targetGoLiveOn: day(project.targetGoLiveOn),
    baselineGoLiveOn: day(project.baselineGoLiveOn),
    completedAt: project.completedAt?.toISOString() ?? null,
    template: project.template ? { id: project.template.id, name: project.template.name, version: project.templateVersion?.version ?? null } : null,
    sourceDeal: project.sourceDeal
      ? { ...project.sourceDeal, amountMinor: project.sourceDeal.amountMinor.toString(), currency: project.sourceDeal.currency.trim(), closedAt: project.sourceDeal.closedAt?.toISOString() ?? null }
      : null,
    members,
    progress: { done: figures.done, total: figures.total, percent: percentDone(figures) },
    overdue: figures.overdue,
    nextMilestone: figures.nextMilestone ? { name: figures.nextMilestone.name, dueOn: figures.nextMilestone.dueOn, overdue: figures.nextMilestone.dueOn < today } : null,
    health: verdict.health,
    healthReasons: verdict.reasons,
    unfilledRoles,
    canWrite,
    today,
  }
}
