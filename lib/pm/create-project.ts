import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { activityRows } from '@/lib/activity'
import type { Prisma } from '@/lib/generated/prisma/client'
import { todayIn, type Day } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import type { ProjectStatus } from '@/lib/generated/prisma/enums'
import { defaultColumnRows } from '@/lib/pm/board-columns'
import type { CreateBlankProjectInput, CreateProjectInput } from '@/lib/pm/create-project.schema'
import { ROLE_FIELD } from '@/lib/pm/create-project.schema'
import { loadHolidays } from '@/lib/pm/holidays'
import { insertTogether, type Column, type TableRows } from '@/lib/pm/sql-batch'
import { loadTemplateContent } from '@/lib/pm/template-content'
import { planProject } from '@/lib/pm/template-plan'

// Creating a project writes a dozen tables' worth of rows (the project, its board columns,
// members, milestones, tasks, dependencies, checklist items and the audit entry). The rows are
// built here with ids made in JS, so rows that point at each other can be written together,
// and everything goes to the database in ONE statement (lib/pm/sql-batch.ts). With the reads
// (template, holidays, one lookup of every id in the input) a 40-task project costs about eight
// round trips. Authorization is the caller's: the new-project action requires projects:write,
// the handoff (issue 5) lets whoever wins the deal create its project.

export type CreatedProject = {
  id: string
  name: string
  taskCount: number
  milestoneCount: number
  targetGoLiveOn: Day | null
  /** roles the template uses that nobody fills: their tasks wait unassigned */
  unfilledRoles: { id: string; name: string }[]
}

/** What a caller inside a larger change (the handoff) adds: it saves round trips and writes its own rows in the same statement. */
export type CreateExtras = {
  /** the handoff snapshot, stored on the project */
  handoff?: unknown
  /** links a blank project to its deal (template projects take input.sourceDealId) */
  sourceDealId?: string
  /** the template's content and the organization's holidays, when the caller has loaded them */
  content?: LoadedTemplate
  holidays?: Set<Day>
  /** without input.ownerId: the person of the template's first filled role, else the caller */
  ownerFromRoles?: boolean
  /** rows of the same change (audit entries, outbox events), inserted with the project */
  alsoInsert?: (created: CreatedProject) => TableRows[]
}

type LoadedTemplate = Awaited<ReturnType<typeof loadTemplateContent>>

type Facts = {
  timeZone: string
  templateName: string | null
  memberIds: string[]
  companyId: string | null
  deal: { id: string; ownerId: string; projectId: string | null } | null
  roles: { id: string; name: string; defaultUserId: string | null }[]
}

/** Everything the input refers to, checked against the organization in one query. */
async function lookUp(db: Db, ctx: Ctx, ask: { userIds: string[]; companyId?: string; dealId?: string; roleIds: string[]; templateId?: string }): Promise<Facts> {
  const [facts] = await db.$queryRaw<Facts[]>`
    SELECT o.time_zone AS "timeZone",
      (SELECT t.name FROM project_template t WHERE t.id = ${ask.templateId ?? null}::uuid AND t.org_id = o.id) AS "templateName",
      ARRAY(SELECT m.user_id::text FROM membership m WHERE m.org_id = o.id AND m.user_id = ANY(${ask.userIds}::uuid[])) AS "memberIds",
      (SELECT c.id::text FROM company c WHERE c.id = ${ask.companyId ?? null}::uuid AND c.org_id = o.id AND c.deleted_at IS NULL) AS "companyId",
      (SELECT json_build_object('id', d.id, 'ownerId', d.owner_id, 'projectId', (SELECT p.id FROM project p WHERE p.source_deal_id = d.id))
         FROM deal d WHERE d.id = ${ask.dealId ?? null}::uuid AND d.org_id = o.id AND d.deleted_at IS NULL) AS deal,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'defaultUserId', dm.user_id) ORDER BY r.position, r.name), '[]'::json)
         FROM project_role r LEFT JOIN membership dm ON dm.org_id = r.org_id AND dm.user_id = r.default_user_id
         WHERE r.org_id = o.id AND r.id = ANY(${ask.roleIds}::uuid[])) AS roles
    FROM organization o WHERE o.id = ${ctx.orgId}::uuid`
  if (!facts) throw new AppError('NOT_FOUND', 'This organization was not found.')
  return facts
}

const notMember = (field: string) => new AppError('NOT_FOUND', 'That person is not a member of this organization.', field)

function checkCommon(facts: Facts, input: { companyId?: string }, people: { userId: string | undefined; field: string }[]) {
  for (const { userId, field } of people) if (userId && !facts.memberIds.includes(userId)) throw notMember(field)
  if (input.companyId && !facts.companyId) throw new AppError('NOT_FOUND', 'That company was not found.', 'companyId')
}

const defaultStatus = (kickoffOn: Day, timeZone: string): ProjectStatus => (kickoffOn <= todayIn(timeZone) ? 'ACTIVE' : 'PLANNED')

const PROJECT_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'company_id', type: 'uuid' },
  { name: 'status', type: 'text', cast: '"ProjectStatus"' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'kickoff_on', type: 'date' },
  { name: 'target_go_live_on', type: 'date' },
  { name: 'baseline_go_live_on', type: 'date' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'source_deal_id', type: 'uuid' },
  { name: 'template_id', type: 'uuid' },
  { name: 'template_version_id', type: 'uuid' },
  { name: 'brief', type: 'text' },
  { name: 'handoff', type: 'jsonb' },
]

const COLUMN_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'project_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text', cast: '"ColumnKind"' },
  { name: 'position', type: 'float8' },
]

const MEMBER_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'project_id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'role_id', type: 'uuid' },
]

const MILESTONE_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'project_id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'due_on', type: 'date' },
  { name: 'baseline_due_on', type: 'date' },
  { name: 'position', type: 'float8' },
]

const TASK_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'project_id', type: 'uuid' },
  { name: 'column_id', type: 'uuid' },
  { name: 'milestone_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'position', type: 'float8' },
  { name: 'assignee_id', type: 'uuid' },
  { name: 'role_id', type: 'uuid' },
  { name: 'start_on', type: 'date' },
  { name: 'due_on', type: 'date' },
  { name: 'baseline_due_on', type: 'date' },
  { name: 'estimate_minutes', type: 'int' },
  { name: 'priority', type: 'text', cast: '"TaskPriority"' },
]

const DEPENDENCY_COLUMNS: Column[] = [
  { name: 'org_id', type: 'uuid' },
  { name: 'project_id', type: 'uuid' },
  { name: 'blocker_id', type: 'uuid' },
  { name: 'blocked_id', type: 'uuid' },
]

const CHECKLIST_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'task_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'position', type: 'float8' },
]

const now = { updated_at: 'now()' }

type ProjectRow = {
  id: string
  name: string
  companyId: string | null
  status: ProjectStatus
  ownerId: string
  kickoffOn: Day
  targetGoLiveOn: Day | null
  sourceDealId: string | null
  templateId: string | null
  templateVersionId: string | null
  brief: string | null
  handoff?: unknown
}

function projectTable(ctx: Ctx, p: ProjectRow): TableRows {
  const row = {
    id: p.id,
    org_id: ctx.orgId,
    name: p.name,
    company_id: p.companyId,
    status: p.status,
    owner_id: p.ownerId,
    kickoff_on: p.kickoffOn,
    target_go_live_on: p.targetGoLiveOn,
    // the first target is the baseline
    baseline_go_live_on: p.targetGoLiveOn,
    completed_at: p.status === 'DONE' ? new Date().toISOString() : null,
    source_deal_id: p.sourceDealId,
    template_id: p.templateId,
    template_version_id: p.templateVersionId,
    brief: p.brief,
    handoff: p.handoff ?? null,
  }
  return { table: 'project', columns: PROJECT_COLUMNS, rows: [row], constants: now }
}

function columnsTable(ctx: Ctx, projectId: string) {
  const rows = defaultColumnRows(ctx.orgId, projectId).map((c) => ({ id: crypto.randomUUID(), org_id: c.orgId, project_id: c.projectId, name: c.name, kind: c.kind, position: c.position }))
  return { table: { table: 'board_column', columns: COLUMN_COLUMNS, rows } satisfies TableRows, todoId: rows.find((r) => r.kind === 'TODO')!.id }
}

const activityTable = (ctx: Ctx, projectId: string, changes: Record<string, unknown>): TableRows =>
  activityRows(ctx, [{ entityType: 'project', entityId: projectId, action: 'project.created', changes: changes as Prisma.InputJsonValue }])

/**
 * A project from a template version, laid out on business days from the kickoff (and the close
 * date, for CLOSE offsets): board columns, members (the owner and one per filled role),
 * milestones and tasks with baselines equal to their due dates, dependencies and checklists.
 * Each role's tasks go to the person chosen for it, else the role's default person, else nobody
 * (they keep the role, so the project can flag it). Run in a transaction.
 */
export async function createProjectFromTemplate(db: Db, ctx: Ctx, input: CreateProjectInput, extras: CreateExtras = {}): Promise<CreatedProject> {
  const content = extras.content ?? (await loadTemplateContent(db, ctx, input.templateVersionId))
  const holidays = extras.holidays ?? (await loadHolidays(db, ctx.orgId))
  const assignments = Object.entries(input.roleAssignments)
  const templateRoleIds = [...new Set(content.tasks.flatMap((t) => (t.roleId ? [t.roleId] : [])))]
  const facts = await lookUp(db, ctx, {
    userIds: [input.ownerId ?? ctx.userId, ...(input.dealOwnerId ? [input.dealOwnerId] : []), ...assignments.map(([, userId]) => userId)],
    companyId: input.companyId,
    dealId: input.sourceDealId,
    roleIds: [...new Set([...templateRoleIds, ...assignments.map(([roleId]) => roleId)])],
    templateId: content.templateId,
  })
  const personFor = new Map<string, string | null>()
  for (const role of facts.roles) personFor.set(role.id, input.roleAssignments[role.id] ?? role.defaultUserId ?? null)
  // facts.roles come in role order: the first template role with a person owns the project
  const roleOwner = extras.ownerFromRoles ? facts.roles.find((r) => templateRoleIds.includes(r.id) && personFor.get(r.id))?.id : undefined
  const ownerId = input.ownerId ?? (roleOwner ? personFor.get(roleOwner)! : ctx.userId)
  checkCommon(facts, input, [
    // a role's default person is a member already (lookUp joins membership)
    { userId: input.ownerId ?? ctx.userId, field: 'ownerId' },
    { userId: input.dealOwnerId, field: 'dealOwnerId' },
    ...assignments.map(([roleId, userId]) => ({ userId, field: `${ROLE_FIELD}${roleId}` })),
  ])
  if (input.sourceDealId && !facts.deal) throw new AppError('NOT_FOUND', 'That deal was not found.', 'sourceDealId')
  if (facts.deal?.projectId) throw new AppError('CONFLICT', 'This deal already has a project.', 'sourceDealId')
  const roles = new Map(facts.roles.map((r) => [r.id, r]))
  for (const [roleId] of assignments) if (!roles.has(roleId)) throw new AppError('NOT_FOUND', 'That project role was not found.', `${ROLE_FIELD}${roleId}`)
  const dealOwnerId = input.dealOwnerId ?? facts.deal?.ownerId ?? null

  const plan = planProject(content, { kickoffOn: input.kickoffOn, closeOn: input.closeOn }, holidays)
  const projectId = crypto.randomUUID()
  const { table: columns, todoId } = columnsTable(ctx, projectId)

  // Members: one row per filled role, then the owner and the deal owner unless already in.
  const members = new Map<string, { userId: string; roleId: string | null }>()
  for (const [roleId, userId] of personFor) if (userId) members.set(`${userId}|${roleId}`, { userId, roleId })
  for (const userId of [ownerId, dealOwnerId]) {
    if (userId && ![...members.values()].some((m) => m.userId === userId)) members.set(`${userId}|`, { userId, roleId: null })
  }

  const milestoneIds = new Map(plan.milestones.map((m) => [m.templateMilestoneId, crypto.randomUUID()]))
  const taskIds = new Map(plan.tasks.map((t) => [t.templateTaskId, crypto.randomUUID()]))
  const tasks = plan.tasks.map((t) => ({
    id: taskIds.get(t.templateTaskId)!,
    org_id: ctx.orgId,
    project_id: projectId,
    column_id: todoId,
    milestone_id: t.milestoneId ? (milestoneIds.get(t.milestoneId) ?? null) : null,
    title: t.title,
    description: t.description,
    position: t.position,
    assignee_id: t.assignDealOwner ? dealOwnerId : t.roleId ? (personFor.get(t.roleId) ?? null) : null,
    role_id: t.assignDealOwner ? null : t.roleId,
    start_on: t.startOn,
    due_on: t.dueOn,
    baseline_due_on: t.dueOn,
    estimate_minutes: t.estimateMinutes,
    priority: t.priority,
  }))
  const unfilledRoles = facts.roles.filter((r) => templateRoleIds.includes(r.id) && !personFor.get(r.id)).map((r) => ({ id: r.id, name: r.name }))
  const status = input.status ?? defaultStatus(input.kickoffOn, facts.timeZone)
  const created: CreatedProject = { id: projectId, name: input.name, taskCount: tasks.length, milestoneCount: plan.milestones.length, targetGoLiveOn: plan.targetGoLiveOn, unfilledRoles }

  await insertTogether(db, [
    projectTable(ctx, {
      id: projectId,
      name: input.name,
      companyId: input.companyId ?? null,
      status,
      ownerId,
      kickoffOn: plan.kickoffOn,
      targetGoLiveOn: plan.targetGoLiveOn,
      sourceDealId: input.sourceDealId ?? null,
      templateId: content.templateId,
      templateVersionId: content.id,
      brief: input.brief ?? null,
      handoff: extras.handoff,
    }),
    columns,
    {
      table: 'project_member',
      columns: MEMBER_COLUMNS,
      rows: [...members.values()].map((m) => ({ id: crypto.randomUUID(), org_id: ctx.orgId, project_id: projectId, user_id: m.userId, role_id: m.roleId })),
    },
    {
      table: 'milestone',
      columns: MILESTONE_COLUMNS,
      rows: plan.milestones.map((m) => ({
        id: milestoneIds.get(m.templateMilestoneId)!,
        org_id: ctx.orgId,
        project_id: projectId,
        name: m.name,
        due_on: m.dueOn,
        baseline_due_on: m.dueOn,
        position: m.position,
      })),
    },
    { table: 'task', columns: TASK_COLUMNS, rows: tasks, constants: now },
    {
      table: 'task_dependency',
      columns: DEPENDENCY_COLUMNS,
      rows: plan.dependencies.flatMap((d) => {
        const blocker = taskIds.get(d.blockerId)
        const blocked = taskIds.get(d.blockedId)
        return blocker && blocked && blocker !== blocked ? [{ org_id: ctx.orgId, project_id: projectId, blocker_id: blocker, blocked_id: blocked }] : []
      }),
    },
    {
      table: 'checklist_item',
      columns: CHECKLIST_COLUMNS,
      rows: plan.tasks.flatMap((t) =>
        t.checklist.map((title, index) => ({ id: crypto.randomUUID(), org_id: ctx.orgId, task_id: taskIds.get(t.templateTaskId)!, title, position: (index + 1) * 1000 })),
      ),
    },
    activityTable(ctx, projectId, {
      name: input.name,
      status,
      templateId: content.templateId,
      templateName: facts.templateName,
      templateVersionId: content.id,
      templateVersion: content.version,
      kickoffOn: plan.kickoffOn,
      targetGoLiveOn: plan.targetGoLiveOn,
      tasks: tasks.length,
      milestones: plan.milestones.length,
      ...(input.sourceDealId ? { sourceDealId: input.sourceDealId } : {}),
      ...(unfilledRoles.length ? { unfilledRoles: unfilledRoles.map((r) => r.name) } : {}),
    }),
    ...(extras.alsoInsert?.(created) ?? []),
  ])
  return created
}

/** A project with an empty board (the default columns) and its owner as member. Run in a transaction. */
export async function createBlankProject(db: Db, ctx: Ctx, input: CreateBlankProjectInput, extras: Pick<CreateExtras, 'handoff' | 'sourceDealId' | 'alsoInsert'> = {}): Promise<CreatedProject> {
  const ownerId = input.ownerId ?? ctx.userId
  const facts = await lookUp(db, ctx, { userIds: [ownerId], companyId: input.companyId, roleIds: [] })
  checkCommon(facts, input, [{ userId: ownerId, field: 'ownerId' }])
  if (input.targetGoLiveOn && input.targetGoLiveOn < input.kickoffOn) {
    throw new AppError('INVALID', 'The target go-live cannot be before the kickoff.', 'targetGoLiveOn')
  }
  const projectId = crypto.randomUUID()
  const status = input.status ?? defaultStatus(input.kickoffOn, facts.timeZone)
  const targetGoLiveOn = input.targetGoLiveOn ?? null
  const created: CreatedProject = { id: projectId, name: input.name, taskCount: 0, milestoneCount: 0, targetGoLiveOn, unfilledRoles: [] }
  await insertTogether(db, [
    projectTable(ctx, {
      id: projectId,
      name: input.name,
      companyId: input.companyId ?? null,
      status,
      ownerId,
      kickoffOn: input.kickoffOn,
      targetGoLiveOn,
      sourceDealId: extras.sourceDealId ?? null,
      templateId: null,
      templateVersionId: null,
      brief: input.brief ?? null,
      handoff: extras.handoff,
    }),
    columnsTable(ctx, projectId).table,
    { table: 'project_member', columns: MEMBER_COLUMNS, rows: [{ id: crypto.randomUUID(), org_id: ctx.orgId, project_id: projectId, user_id: ownerId, role_id: null }] },
    activityTable(ctx, projectId, { name: input.name, status, kickoffOn: input.kickoffOn, targetGoLiveOn, tasks: 0 }),
    ...(extras.alsoInsert?.(created) ?? []),
  ])
  return created
}
