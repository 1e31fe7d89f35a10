// Demo projects built from the demo templates ("Standard onboarding", "Enterprise onboarding",
// seeded by demo-templates.ts): active, planned, on hold and done projects for demo companies,
// with tasks done on time, done late, and overdue, so lists, boards, My work and health have
// something to show. Two come from won deals of Sam Sales, who can therefore follow them.
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import type { ProjectStatus } from '../../lib/generated/prisma/enums'
import { createDeal } from '../../lib/crm/deals'
import { addBusinessDays, addDays, todayIn, type Day } from '../../lib/dates'
import { createProjectFromTemplate } from '../../lib/pm/create-project'
import { loadHolidays } from '../../lib/pm/holidays'
import { updateTogether } from '../../lib/pm/sql-batch'
import { createDemoDealProject } from './demo-handoff'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** How far a project has got: which of its past-due tasks are done on time, done late or still open. */
type Profile = 'fresh' | 'healthy' | 'slipping' | 'finished'

type Spec = {
  name: string
  template: 'Standard onboarding' | 'Enterprise onboarding'
  company: string
  status: ProjectStatus
  /** working days from today (negative: in the past) */
  kickoffIn: number
  profile: Profile
  owner: 'delivery' | 'manager'
  /** made from a won deal of this sales rep */
  deal?: { title: string; amount: string }
  brief?: string
}

const SPECS: Spec[] = [
  {
    name: 'Northwind Traders onboarding',
    template: 'Standard onboarding',
    company: 'Northwind Traders',
    status: 'ACTIVE',
    kickoffIn: -12,
    profile: 'healthy',
    owner: 'delivery',
    deal: { title: 'Northwind Onboarding', amount: '24000' },
    brief: '## Goals\n- Warehouse team live on Baton before the peak season\n- Weekly status call on Thursdays\n\n## Scope\nTwo sites, 40 seats, SSO with their Azure AD.',
  },
  { name: 'Contoso Pharma rollout', template: 'Enterprise onboarding', company: 'Contoso Pharma', status: 'ACTIVE', kickoffIn: -15, profile: 'slipping', owner: 'manager' },
  { name: 'Fabrikam Logistics onboarding', template: 'Standard onboarding', company: 'Fabrikam Logistics', status: 'PLANNED', kickoffIn: 8, profile: 'fresh', owner: 'delivery' },
  { name: 'Tailspin Airlines migration', template: 'Standard onboarding', company: 'Tailspin Airlines', status: 'ON_HOLD', kickoffIn: -20, profile: 'slipping', owner: 'delivery' },
  {
    name: 'Litware Systems onboarding',
    template: 'Standard onboarding',
    company: 'Litware Systems',
    status: 'DONE',
    kickoffIn: -70,
    profile: 'finished',
    owner: 'delivery',
    deal: { title: 'Litware Pilot', amount: '9500' },
  },
  { name: 'Adventure Works expansion', template: 'Enterprise onboarding', company: 'Adventure Works', status: 'ACTIVE', kickoffIn: -3, profile: 'healthy', owner: 'delivery' },
]

const at = (day: Day, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`

export async function seedDemoProjects(tx: Tx, ctx: Ctx, people: { delivery: string; manager: string; sales: string }, timeZone: string) {
  const templates = await tx.projectTemplate.findMany({
    where: { orgId: ctx.orgId, name: { in: ['Standard onboarding', 'Enterprise onboarding'] }, currentVersionId: { not: null } },
    select: { name: true, currentVersionId: true },
  })
  if (templates.length === 0) {
    console.log('Demo projects skipped: the demo templates ("Standard onboarding", "Enterprise onboarding") are not there.')
    return { projects: 0 }
  }
  const versionOf = new Map(templates.map((t) => [t.name, t.currentVersionId!]))
  const today = todayIn(timeZone)
  const holidays = await loadHolidays(tx, ctx.orgId)
  const won = await tx.pipelineStage.findFirst({ where: { orgId: ctx.orgId, kind: 'WON', pipeline: { isDefault: true } }, select: { id: true, pipelineId: true } })
  let created = 0

  for (const spec of SPECS) {
    const versionId = versionOf.get(spec.template)
    if (!versionId) continue
    const company = await tx.company.findFirst({ where: { orgId: ctx.orgId, name: spec.company }, select: { id: true } })
    const kickoffOn = addBusinessDays(today, spec.kickoffIn, holidays)
    let sourceDealId: string | undefined
    let closedOn: Day | undefined
    if (spec.deal && won) {
      const deal = await createDeal(tx, ctx, {
        title: spec.deal.title,
        amount: spec.deal.amount,
        pipelineId: won.pipelineId,
        stageId: won.id,
        ownerId: people.sales,
        companyId: company?.id,
        dealType: 'NEW_BUSINESS',
      })
      closedOn = addBusinessDays(kickoffOn, -5, holidays)
      // won on closedOn after a month in the pipeline (a sales cycle the dashboards can count)
      const closedAt = new Date(at(closedOn, 15))
      const createdAt = new Date(at(addDays(closedOn, -30), 9))
      await tx.deal.update({ where: { id: deal.id }, data: { closedAt, stageEnteredAt: closedAt, createdAt, expectedCloseOn: new Date(`${closedOn}T00:00:00Z`) } })
      await tx.activityLog.updateMany({ where: { orgId: ctx.orgId, entityId: deal.id, action: 'deal.created' }, data: { createdAt } })
      sourceDealId = deal.id
    }
    const input = {
      name: spec.name,
      templateVersionId: versionId,
      kickoffOn,
      ownerId: people[spec.owner],
      companyId: company?.id,
      dealOwnerId: sourceDealId ? people.sales : undefined,
      roleAssignments: {},
      brief: spec.brief,
      status: spec.status,
    }
    // with the handoff brief a win writes (the deals above were made won directly)
    const project =
      sourceDealId && closedOn ? await createDemoDealProject(tx, ctx, { ...input, sourceDealId }, closedOn) : await createProjectFromTemplate(tx, ctx, input)
    await progress(tx, ctx, project.id, spec.profile, today)
    created++
  }
  return { projects: created }
}

/** Marks past-due tasks done (on time or late) or leaves them overdue, as the profile says. */
async function progress(tx: Tx, ctx: Ctx, projectId: string, profile: Profile, today: Day) {
  if (profile === 'fresh') return
  const columns = await tx.boardColumn.findMany({ where: { projectId }, select: { id: true, kind: true } })
  const done = columns.find((c) => c.kind === 'DONE')!.id
  const doing = columns.find((c) => c.kind === 'DOING')!.id
  const tasks = await tx.task.findMany({ where: { projectId }, orderBy: { position: 'asc' }, select: { id: true, startOn: true, dueOn: true } })
  const rows: Record<string, unknown>[] = []
  let startedOne = false
  let lastDone: Day | null = null
  tasks.forEach((task, index) => {
    const due = task.dueOn?.toISOString().slice(0, 10)
    const start = task.startOn?.toISOString().slice(0, 10) ?? due
    if (!due || !start) return
    const pastDue = due < today
    // every 5th past-due task is finished two days late; in a slipping project every 3rd stays open
    const late = index % 5 === 2
    const open = profile === 'slipping' && index % 3 === 1
    if (profile === 'finished' || (pastDue && !open)) {
      const completedOn = late ? addDays(due, 2) : due
      const day = completedOn > today ? today : completedOn
      // (done today: not later than now)
      const completedAt = Math.min(Date.parse(at(day, 14)), Date.now())
      const startedAt = Math.min(Date.parse(at(start, 8)), completedAt)
      rows.push({ id: task.id, column_id: done, started_at: new Date(startedAt).toISOString(), completed_at: new Date(completedAt).toISOString(), completed_on: day })
      if (!lastDone || day > lastDone) lastDone = day
    } else if (!startedOne && start <= today) {
      startedOne = true
      rows.push({ id: task.id, column_id: doing, started_at: at(start, 9), completed_at: null, completed_on: null })
    }
  })
  await updateTogether(tx, [
    {
      table: 'task',
      columns: [
        { name: 'id', type: 'uuid' },
        { name: 'column_id', type: 'uuid' },
        { name: 'started_at', type: 'timestamptz' },
        { name: 'completed_at', type: 'timestamptz' },
        { name: 'completed_on', type: 'date' },
      ],
      rows,
      also: ['"version" = t."version" + 1'],
      orgId: ctx.orgId,
      projectId,
    },
  ])
  // a milestone is done when all its tasks are
  await tx.$executeRaw`
    UPDATE milestone m SET completed_at = now()
    WHERE m.project_id = ${projectId}::uuid
      AND EXISTS (SELECT 1 FROM task t WHERE t.milestone_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM task t WHERE t.milestone_id = m.id AND t.completed_at IS NULL)`
  if (profile === 'finished' && lastDone) {
    await tx.project.update({ where: { id: projectId }, data: { completedAt: new Date(at(lastDone, 16)) } })
  }
}
