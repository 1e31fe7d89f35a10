// Onboarding projects for most deals of the demo history won in the last 15 months (most
// renewals and some expansions needed none), built as
// the handoff builds them (demo-handoff.ts: the template's tasks, the deal link and the handoff
// snapshot), "Enterprise onboarding" for the Enterprise pipeline and "Standard onboarding"
// otherwise, kicked off a few working days after the close. Then their history is written in
// bulk (demo-history-progress.ts works it out): Standard projects got more punctual over the
// months, Enterprise ones less; the handoff lag (close to first task started) runs from 1 to
// about 20 days; two Standard projects stalled and still have long-overdue tasks.
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import { addBusinessDays, daysBetween, toDay, type Day } from '../../lib/dates'
import { insertTogether, updateTogether, type Column } from '../../lib/pm/sql-batch'
import { loadTemplateContent } from '../../lib/pm/template-content'
import { prng } from './demo-crm'
import { createDemoDealProject } from './demo-handoff'
import type { PlannedDeal } from './demo-history-deals'
import { progressProject, type ProjectMeta, type ProjectRow, type TaskFacts, type TaskRow } from './demo-history-progress'
import { auditTable, type AuditEntry } from './demo-history-rows'
import { chance, weighted } from './demo-history-time'
import { DEMO_TEMPLATE_NAMES } from './demo-templates'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type People = { delivery: string; manager: string; admin: string }

/** Won deals older than this many months get no project (they went live before Baton). */
const PROJECT_MONTHS = 15

const TASK_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  // open tasks not started stay where they are (To do)
  { name: 'column_id', type: 'uuid', expr: 'coalesce(r."column_id", t."column_id")' },
  { name: 'started_at', type: 'timestamptz' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'completed_on', type: 'date' },
  { name: 'due_on', type: 'date' },
  { name: 'estimate_minutes', type: 'int' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
]
const PROJECT_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'status', type: 'text', cast: '"ProjectStatus"' },
  { name: 'completed_at', type: 'timestamptz' },
  { name: 'target_go_live_on', type: 'date' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
]

export async function seedHistoryProjects(tx: Tx, ctx: Ctx, people: People, deals: PlannedDeal[], clock: { today: Day; now: Date; holidays: Set<Day> }) {
  const { today, holidays } = clock
  const templates = await tx.projectTemplate.findMany({
    where: { orgId: ctx.orgId, name: { in: Object.values(DEMO_TEMPLATE_NAMES) }, currentVersionId: { not: null } },
    select: { name: true, currentVersionId: true },
  })
  const roles = await tx.projectRole.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } })
  const role = (name: string) => roles.find((r) => r.name === name)?.id
  const content = new Map(await Promise.all(templates.map(async (t) => [t.name, await loadTemplateContent(tx, ctx, t.currentVersionId!)] as const)))
  const standard = content.get(DEMO_TEMPLATE_NAMES.standard)
  if (!standard) return { projects: 0 }

  const random = prng(20261204)
  const won = deals.filter((d) => d.status === 'WON' && daysBetween(toDay(firstWin(d)), today) <= PROJECT_MONTHS * 30.4)
  const metas: ProjectMeta[] = []
  const audit: AuditEntry[] = []
  let stalled = 0
  for (const deal of won) {
    // not every win needs onboarding: most renewals and some expansions got no project
    if (!deal.flip && !chance(random, { NEW_BUSINESS: 0.92, EXPANSION: 0.7, RENEWAL: 0.2 }[deal.dealType])) continue
    const template: typeof standard = (deal.pipeline.enterprise && content.get(DEMO_TEMPLATE_NAMES.enterprise)) || standard
    const enterprise = template !== standard
    const wonAt = firstWin(deal)
    const closeOn = toDay(wonAt)
    const monthsBack = daysBetween(closeOn, today) / 30.4
    const lead = weighted(random, [[people.delivery, 3], [people.manager, 1]] as const)
    const engineer = weighted(random, [[people.admin, 45], [people.delivery, 35], [null, 20]] as const)
    const leadRole = role('Implementation lead')
    const engineerRole = role('Solutions engineer')
    const kickoffOn = addBusinessDays(closeOn, random.int(2, 8), holidays)
    const created = await createDemoDealProject(
      tx,
      ctx,
      {
        name: `${deal.company.name} — ${deal.title}`,
        templateVersionId: template.id,
        kickoffOn,
        closeOn,
        ownerId: lead,
        companyId: deal.company.id,
        sourceDealId: deal.id,
        dealOwnerId: deal.ownerId,
        roleAssignments: { ...(leadRole ? { [leadRole]: lead } : {}), ...(engineerRole && engineer ? { [engineerRole]: engineer } : {}) },
      },
      closeOn,
      { takenAt: wonAt, extras: { content: template, holidays } },
    )
    // Standard projects slipped less and less over the months, Enterprise ones more and more
    const trend = enterprise ? 5 - 0.3 * monthsBack + random.int(-4, 4) : -2 + 0.3 * monthsBack + random.int(-3, 4)
    // two stalled (the customer went quiet): their plan slipped past today, so tasks are long overdue
    const stall = !enterprise && monthsBack > 1.8 && monthsBack < 4 && stalled < 2 ? (stalled++, daysBetween(created.targetGoLiveOn!, today) + random.int(15, 40)) : 0
    // the handoff lag: mostly one to three days, every third project up to nine, every tenth two to three weeks
    const lag = metas.length % 10 === 3 ? random.int(10, 20) : metas.length % 3 === 1 ? random.int(4, 9) : random.int(1, 3)
    const createdAt = new Date(wonAt.getTime() + 40 * 60_000)
    const lagFrom = toDay(deal.closedAt!)
    metas.push({ id: created.id, ownerId: lead, closeOn, kickoffOn, baselineGoLiveOn: created.targetGoLiveOn!, drift: trend + stall, lag, lagFrom, createdAt })
    const log = (entityType: string, entityId: string, action: string, changes: Record<string, unknown>, when: Date) => audit.push({ actorId: deal.ownerId, entityType, entityId, action, changes, at: when })
    // right after the win, as winDeal writes them
    const justAfter = new Date(wonAt.getTime() + 1000)
    log('deal', deal.id, 'deal.project_created', { projectId: created.id, projectName: created.name, templateVersionId: template.id }, justAfter)
    log('project', created.id, 'project.created_from_deal', { dealId: deal.id, dealTitle: deal.title, closeOn }, justAfter)
    if (deal.flip) {
      log('project', created.id, 'project.put_on_hold', { status: { from: 'ACTIVE', to: 'ON_HOLD' }, dealId: deal.id, reason: `The deal “${deal.title}” was marked lost.` }, deal.flip.lostAt)
      log('project', created.id, 'project.reactivated', { status: { from: 'ON_HOLD', to: 'ACTIVE' }, dealId: deal.id, reason: 'The deal was won again.' }, deal.closedAt!)
    }
  }
  if (metas.length === 0) return { projects: 0 }

  const ids = metas.map((m) => m.id)
  const rows = await tx.$queryRaw<{ id: string; done: string; doing: string; tasks: TaskFacts[] }[]>`
    SELECT p.id,
      (SELECT c.id FROM board_column c WHERE c.project_id = p.id AND c.kind = 'DONE' ORDER BY c.position LIMIT 1) AS done,
      (SELECT c.id FROM board_column c WHERE c.project_id = p.id AND c.kind = 'DOING' ORDER BY c.position LIMIT 1) AS doing,
      (SELECT json_agg(json_build_object('id', t.id, 'startOn', t.start_on, 'dueOn', t.due_on, 'position', t.position,
                                         'estimateMinutes', t.estimate_minutes, 'assigneeId', t.assignee_id))
         FROM task t WHERE t.project_id = p.id) AS tasks
    FROM project p WHERE p.org_id = ${ctx.orgId}::uuid AND p.id = ANY(${ids}::uuid[])`
  const facts = new Map(rows.map((r) => [r.id, r]))
  const bias = (assigneeId: string | null) => (assigneeId === people.admin ? 1 : assigneeId === people.manager ? -1 : 0)
  const taskRows: TaskRow[] = []
  const projectRows: ProjectRow[] = []
  for (const meta of metas) {
    const { done, doing, tasks } = facts.get(meta.id)!
    const outcome = progressProject(meta, tasks, { done, doing }, { ...clock, random, bias })
    taskRows.push(...outcome.tasks)
    projectRows.push(outcome.project)
    audit.push(...outcome.audit)
  }
  await updateTogether(tx, [
    { table: 'task', columns: TASK_COLUMNS, rows: taskRows, also: ['"version" = t."version" + 1'], orgId: ctx.orgId },
    { table: 'project', columns: PROJECT_COLUMNS, rows: projectRows, orgId: ctx.orgId },
  ])
  await insertTogether(tx, [auditTable(ctx.orgId, audit)])
  // milestones done when all their tasks are; the projects' own "created" entries at their creation
  await tx.$executeRaw`
    WITH done AS (
      SELECT t.milestone_id, max(t.completed_at) AS at FROM task t
      WHERE t.org_id = ${ctx.orgId}::uuid AND t.project_id = ANY(${ids}::uuid[]) AND t.milestone_id IS NOT NULL
      GROUP BY t.milestone_id HAVING bool_and(t.completed_at IS NOT NULL)
    ), milestones AS (
      UPDATE milestone m SET completed_at = done.at FROM done WHERE m.id = done.milestone_id AND m.org_id = ${ctx.orgId}::uuid RETURNING 1
    )
    UPDATE activity_log a SET created_at = p.created_at FROM project p
    WHERE a.org_id = ${ctx.orgId}::uuid AND a.entity_type = 'project' AND a.entity_id = p.id AND a.action = 'project.created' AND p.id = ANY(${ids}::uuid[])`
  return { projects: metas.length }
}

/** When the deal was first won (a deal won, lost and won again got its project the first time). */
const firstWin = (deal: PlannedDeal) => deal.flip?.firstWonAt ?? deal.closedAt!
