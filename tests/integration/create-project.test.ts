import { PrismaPg } from '@prisma/adapter-pg'
import { describe, expect, it } from 'vitest'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { createBlankProject, createProjectFromTemplate } from '@/lib/pm/create-project'
import type { CreateProjectInput } from '@/lib/pm/create-project.schema'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { createTestTemplate, type TaskSpec } from '../factories/template-versions'
import { testDatabaseUrl, testDb } from '../setup/db'

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null

async function setup() {
  const org = await createOrg()
  const lead = await createMember(org, 'DELIVERY', { name: 'Lena Lead' })
  return { org, lead, ctx: lead.ctx }
}

function create(ctx: Parameters<typeof createProjectFromTemplate>[1], input: Partial<CreateProjectInput> & { templateVersionId: string }) {
  return testDb.$transaction((tx) => createProjectFromTemplate(tx, ctx, { name: 'Onboarding', kickoffOn: '2026-03-06', roleAssignments: {}, ...input }))
}

/** 40 tasks, one working day each, one after the other from the kickoff, in 4 milestones. */
const FORTY: TaskSpec[] = Array.from({ length: 40 }, (_, i) => ({
  title: `Task ${i + 1}`,
  milestone: `M${Math.floor(i / 10) + 1}`,
  offsetDays: i,
  durationDays: 1,
  estimateMinutes: 60,
  checklist: i % 4 === 0 ? ['First', 'Second'] : [],
  after: i > 0 && i % 5 === 0 ? [`Task ${i}`] : [],
}))
const FORTY_MILESTONES = [1, 2, 3, 4].map((n) => ({ name: `M${n}`, offsetDays: n * 10 }))

describe('creating a project from a template', () => {
  it('lays a 40-task template out on business days, skipping weekends and holidays, with baselines equal to the due dates', async () => {
    const { ctx } = await setup()
    await testDb.holiday.create({ data: { orgId: ctx.orgId, day: new Date('2026-03-10T00:00:00Z'), name: 'Founders day' } })
    const { version } = await createTestTemplate(ctx, { milestones: FORTY_MILESTONES, tasks: FORTY })

    // Friday 6 March 2026
    const project = await create(ctx, { templateVersionId: version.id, kickoffOn: '2026-03-06' })
    expect(project.taskCount).toBe(40)

    const tasks = await testDb.task.findMany({ where: { projectId: project.id }, orderBy: { position: 'asc' }, include: { column: true } })
    expect(tasks).toHaveLength(40)
    const dates = (title: string) => {
      const t = tasks.find((x) => x.title === title)!
      return [day(t.startOn), day(t.dueOn)]
    }
    expect(dates('Task 1')).toEqual(['2026-03-06', '2026-03-09']) // Fri -> Mon (weekend skipped)
    expect(dates('Task 2')).toEqual(['2026-03-09', '2026-03-11']) // Mon -> Wed (Tue 10th is a holiday)
    expect(dates('Task 3')).toEqual(['2026-03-11', '2026-03-12'])
    expect(dates('Task 6')).toEqual(['2026-03-16', '2026-03-17']) // offset 5 working days: Mon 16th
    expect(dates('Task 40')).toEqual(['2026-05-01', '2026-05-04']) // 39 working days after the kickoff
    for (const task of tasks) {
      expect(day(task.baselineDueOn)).toBe(day(task.dueOn))
      expect(task.column.kind).toBe('TODO')
      expect(task.completedAt).toBeNull()
      expect(task.estimateMinutes).toBe(60)
    }
    expect(tasks.map((t) => t.title)).toEqual(FORTY.map((t) => t.title))

    const milestones = await testDb.milestone.findMany({ where: { projectId: project.id }, orderBy: { position: 'asc' } })
    expect(milestones.map((m) => [m.name, day(m.dueOn), day(m.baselineDueOn)])).toEqual([
      ['M1', '2026-03-23', '2026-03-23'],
      ['M2', '2026-04-06', '2026-04-06'],
      ['M3', '2026-04-20', '2026-04-20'],
      ['M4', '2026-05-04', '2026-05-04'],
    ])
    expect(new Set(tasks.filter((t) => t.title === 'Task 1' || t.title === 'Task 10').map((t) => t.milestoneId))).toEqual(new Set([milestones[0]!.id]))

    const row = await testDb.project.findUniqueOrThrow({ where: { id: project.id } })
    expect(day(row.kickoffOn)).toBe('2026-03-06')
    // the target go-live is the last date of the plan, and it is the baseline
    expect(day(row.targetGoLiveOn)).toBe('2026-05-04')
    expect(day(row.baselineGoLiveOn)).toBe('2026-05-04')
    expect(row.templateVersionId).toBe(version.id)
    expect(await testDb.boardColumn.count({ where: { projectId: project.id } })).toBe(4)
  })

  it('copies dependencies between the new tasks and the checklists in order', async () => {
    const { ctx } = await setup()
    const { version } = await createTestTemplate(ctx, { milestones: FORTY_MILESTONES, tasks: FORTY })
    const project = await create(ctx, { templateVersionId: version.id })
    const tasks = await testDb.task.findMany({ where: { projectId: project.id }, select: { id: true, title: true } })
    const title = new Map(tasks.map((t) => [t.id, t.title]))
    const deps = await testDb.taskDependency.findMany({ where: { projectId: project.id } })
    expect(deps.map((d) => `${title.get(d.blockerId)} -> ${title.get(d.blockedId)}`).sort()).toEqual(
      [5, 10, 15, 20, 25, 30, 35].map((n) => `Task ${n} -> Task ${n + 1}`).sort(),
    )
    const first = tasks.find((t) => t.title === 'Task 1')!
    expect((await testDb.checklistItem.findMany({ where: { taskId: first.id }, orderBy: { position: 'asc' } })).map((c) => c.title)).toEqual(['First', 'Second'])
    expect(await testDb.checklistItem.count({ where: { task: { projectId: project.id } } })).toBe(20)
  })

  it('gives each role’s tasks to the chosen person, else the role’s default, else leaves them unassigned and flags the role', async () => {
    const { org, ctx, lead } = await setup()
    const amDefault = await createMember(org, 'MANAGER', { name: 'Default AM' })
    const chosenAm = await createMember(org, 'DELIVERY', { name: 'Chosen AM' })
    const { version, roles } = await createTestTemplate(ctx, {
      roles: [{ name: 'Implementation lead', defaultUserId: lead.user.id }, { name: 'Account manager', defaultUserId: amDefault.user.id }, { name: 'Solutions engineer' }],
      tasks: [
        { title: 'Plan', offsetDays: 0, role: 'Implementation lead' },
        { title: 'Invoice', offsetDays: 1, role: 'Account manager' },
        { title: 'Integrate', offsetDays: 2, role: 'Solutions engineer' },
        { title: 'Test integration', offsetDays: 3, role: 'Solutions engineer' },
        { title: 'Celebrate', offsetDays: 4 },
      ],
    })
    const project = await create(ctx, { templateVersionId: version.id, ownerId: lead.user.id, roleAssignments: { [roles.get('Account manager')!]: chosenAm.user.id } })

    const tasks = await testDb.task.findMany({ where: { projectId: project.id }, select: { title: true, assigneeId: true, roleId: true } })
    const of = (t: string) => tasks.find((x) => x.title === t)!
    expect(of('Plan')).toEqual({ title: 'Plan', assigneeId: lead.user.id, roleId: roles.get('Implementation lead') })
    expect(of('Invoice').assigneeId).toBe(chosenAm.user.id)
    expect(of('Integrate')).toEqual({ title: 'Integrate', assigneeId: null, roleId: roles.get('Solutions engineer') })
    expect(of('Celebrate')).toMatchObject({ assigneeId: null, roleId: null })
    expect(project.unfilledRoles).toEqual([{ id: roles.get('Solutions engineer'), name: 'Solutions engineer' }])

    // one member row per filled role; the owner already fills a role, so no second row for them
    const members = await testDb.projectMember.findMany({ where: { projectId: project.id }, select: { userId: true, roleId: true } })
    expect(members).toHaveLength(2)
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: lead.user.id, roleId: roles.get('Implementation lead') },
        { userId: chosenAm.user.id, roleId: roles.get('Account manager') },
      ]),
    )
  })

  it('gives "deal owner" tasks to the won deal’s owner, who joins the project', async () => {
    const { org, ctx } = await setup()
    const admin = await createMember(org, 'ADMIN')
    const rep = await createMember(org, 'SALES', { name: 'Rita Rep' })
    const { pipeline } = await createSalesSetup(admin.ctx)
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, ownerId: rep.user.id })
    const { version } = await createTestTemplate(ctx, { tasks: [{ title: 'Introduce the team', offsetDays: 0, dealOwner: true }] })

    const project = await create(ctx, { templateVersionId: version.id, sourceDealId: deal.id })
    const task = await testDb.task.findFirstOrThrow({ where: { projectId: project.id } })
    expect(task.assigneeId).toBe(rep.user.id)
    expect(await testDb.projectMember.count({ where: { projectId: project.id, userId: rep.user.id } })).toBe(1)
    expect((await testDb.project.findUniqueOrThrow({ where: { id: project.id } })).sourceDealId).toBe(deal.id)

    // the same deal cannot get a second project
    await expect(create(ctx, { templateVersionId: version.id, sourceDealId: deal.id })).rejects.toMatchObject({ code: 'CONFLICT', field: 'sourceDealId' })
    // made by hand, the dialog's "deal owner" choice fills them
    const byHand = await create(ctx, { templateVersionId: version.id, dealOwnerId: admin.user.id })
    expect((await testDb.task.findFirstOrThrow({ where: { projectId: byHand.id } })).assigneeId).toBe(admin.user.id)
  })

  it('writes everything in one transaction: a person outside the organization leaves nothing behind', async () => {
    const { ctx } = await setup()
    const stranger = await createMember(await createOrg(), 'DELIVERY')
    const { version, roles } = await createTestTemplate(ctx, { roles: [{ name: 'Lead' }], tasks: FORTY.slice(0, 5).map((t) => ({ ...t, milestone: undefined, role: 'Lead' })) })
    const field = `role:${roles.get('Lead')}`
    await expect(create(ctx, { templateVersionId: version.id, roleAssignments: { [roles.get('Lead')!]: stranger.user.id } })).rejects.toMatchObject({ code: 'NOT_FOUND', field })
    await expect(create(ctx, { templateVersionId: version.id, ownerId: stranger.user.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' })
    expect(await testDb.project.count()).toBe(0)
    expect(await testDb.task.count()).toBe(0)
    expect(await testDb.activityLog.count()).toBe(0)
  })

  it('treats another organization’s template, company, deal or role as missing', async () => {
    const { ctx } = await setup()
    const other = await createMember(await createOrg(), 'ADMIN')
    const theirs = await createTestTemplate(other.ctx, { roles: [{ name: 'Lead' }], tasks: [{ title: 'Theirs', offsetDays: 0, role: 'Lead' }] })
    const mine = await createTestTemplate(ctx, { tasks: [{ title: 'Mine', offsetDays: 0 }] })
    const company = await testDb.company.create({ data: { orgId: other.ctx.orgId, name: 'Their company' } })
    const { pipeline } = await createSalesSetup(other.ctx)
    const deal = await createTestDeal(other.ctx, { pipelineId: pipeline.id })

    await expect(create(ctx, { templateVersionId: theirs.version.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'templateVersionId' })
    await expect(create(ctx, { templateVersionId: mine.version.id, companyId: company.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
    await expect(create(ctx, { templateVersionId: mine.version.id, sourceDealId: deal.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'sourceDealId' })
    const role = theirs.roles.get('Lead')!
    await expect(create(ctx, { templateVersionId: mine.version.id, roleAssignments: { [role]: ctx.userId } })).rejects.toMatchObject({ code: 'NOT_FOUND', field: `role:${role}` })
    expect(await testDb.project.count({ where: { orgId: ctx.orgId } })).toBe(0)
  })

  it('logs one project.created entry', async () => {
    const { ctx } = await setup()
    const { version } = await createTestTemplate(ctx, { tasks: FORTY.slice(0, 3).map((t) => ({ ...t, milestone: undefined, after: [] })) })
    const project = await create(ctx, { templateVersionId: version.id })
    const entries = await testDb.activityLog.findMany({ where: { orgId: ctx.orgId } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ entityType: 'project', entityId: project.id, action: 'project.created', actorId: ctx.userId, changes: { tasks: 3, templateVersion: 1 } })
  })

  it('creates a project in a fixed, small number of SQL statements, whatever the number of tasks', async () => {
    const { ctx } = await setup()
    const small = await createTestTemplate(ctx, { name: 'Small', tasks: FORTY.slice(0, 5).map((t) => ({ ...t, milestone: undefined, after: [] })) })
    const large = await createTestTemplate(ctx, { name: 'Large', milestones: FORTY_MILESTONES, tasks: FORTY })
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl, max: 1 }), log: [{ emit: 'event', level: 'query' }] })
    let statements = 0
    counting.$on('query', () => statements++)
    const count = async (templateVersionId: string) => {
      statements = 0
      await counting.$transaction((tx) => createProjectFromTemplate(tx, ctx, { name: 'Counted', templateVersionId, kickoffOn: '2026-03-06', roleAssignments: {} }))
      return statements
    }
    try {
      const forSmall = await count(small.version.id)
      const forLarge = await count(large.version.id)
      expect(forLarge).toBe(forSmall)
      // the template (version, milestones, tasks, dependencies), holidays, one lookup, one insert, COMMIT
      expect(forLarge).toBeLessThanOrEqual(9)
    } finally {
      await counting.$disconnect()
    }
    expect(await testDb.task.count()).toBe(45)
  })

  it('makes a blank project with the default columns and its owner as member', async () => {
    const { ctx } = await setup()
    const project = await testDb.$transaction((tx) => createBlankProject(tx, ctx, { name: 'Blank', kickoffOn: '2026-03-02', targetGoLiveOn: '2026-04-01' }))
    const row = await testDb.project.findUniqueOrThrow({ where: { id: project.id }, include: { columns: true, members: true } })
    expect(row.columns.map((c) => c.kind).sort()).toEqual(['BLOCKED', 'DOING', 'DONE', 'TODO'])
    expect(row.members).toMatchObject([{ userId: ctx.userId, roleId: null }])
    expect(day(row.baselineGoLiveOn)).toBe('2026-04-01')
    await expect(testDb.$transaction((tx) => createBlankProject(tx, ctx, { name: 'Bad', kickoffOn: '2026-03-02', targetGoLiveOn: '2026-03-01' }))).rejects.toMatchObject({
      field: 'targetGoLiveOn',
    })
  })
})
