import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { setTaskDone as setFollowUpDone } from '@/lib/crm/activities'
import { loadMyWork, type MyWork } from '@/lib/pm/my-work'
import { setTaskDone } from '@/lib/pm/tasks'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

// Wednesday 4 March 2026, 23:30 UTC: already Thursday 5 March in Berlin.
const NOW = new Date('2026-03-04T23:30:00Z')
const day = (value: string) => new Date(`${value}T00:00:00Z`)

const titlesIn = (work: MyWork, key: string) => work.groups.find((g) => g.key === key)!.items.map((i) => i.title)
const allOpen = (work: MyWork) => work.groups.flatMap((g) => g.items.map((i) => i.title)).sort()

async function followUp(ctx: Ctx, input: { subject: string; assigneeId: string; dueOn?: string; dealId?: string; companyId?: string; doneAt?: Date }) {
  return testDb.activity.create({
    data: {
      orgId: ctx.orgId,
      kind: 'TASK',
      subject: input.subject,
      dueOn: input.dueOn ? day(input.dueOn) : null,
      assigneeId: input.assigneeId,
      authorId: ctx.userId,
      dealId: input.dealId,
      companyId: input.companyId,
      doneAt: input.doneAt ?? null,
    },
  })
}

async function berlinOrg() {
  const org = await createOrg({ timeZone: 'Europe/Berlin' })
  const admin = await createMember(org, 'ADMIN')
  return { org, admin }
}

describe('My work', () => {
  it('groups by the organization’s calendar day: at 23:30 UTC it is already tomorrow in Berlin', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'DELIVERY', { name: 'Dev' })
    const me = dev.user.id
    await createTestProject(admin.ctx, {
      name: 'Rollout',
      tasks: [
        { title: 'Due Wednesday', dueOn: '2026-03-04', assigneeId: me },
        { title: 'Due Thursday', dueOn: '2026-03-05', assigneeId: me },
        { title: 'Due Sunday', dueOn: '2026-03-08', assigneeId: me },
        { title: 'Due next Monday', dueOn: '2026-03-09', assigneeId: me },
        { title: 'Someday', assigneeId: me },
      ],
    })
    const work = await loadMyWork(testDb, dev.ctx, { now: NOW })
    expect(work.today).toBe('2026-03-05')
    expect(titlesIn(work, 'overdue')).toEqual(['Due Wednesday'])
    expect(titlesIn(work, 'today')).toEqual(['Due Thursday'])
    expect(titlesIn(work, 'week')).toEqual(['Due Sunday'])
    expect(titlesIn(work, 'later')).toEqual(['Due next Monday'])
    expect(titlesIn(work, 'none')).toEqual(['Someday'])
    expect(work.openCount).toBe(5)

    // The same moment in a zone still on Wednesday: the Wednesday task is due today there.
    await testDb.organization.update({ where: { id: org.id }, data: { timeZone: 'America/New_York' } })
    const ny = await loadMyWork(testDb, dev.ctx, { now: NOW })
    expect(ny.today).toBe('2026-03-04')
    expect(titlesIn(ny, 'today')).toEqual(['Due Wednesday'])
    expect(titlesIn(ny, 'week')).toEqual(['Due Thursday', 'Due Sunday'])

    // The page passes the viewer's name and time zone it already has: the same work, grouped the same way.
    const given = await loadMyWork(testDb, dev.ctx, { now: NOW, viewer: { name: 'Dev', timeZone: 'America/New_York' } })
    expect(given).toEqual(ny)
    expect(titlesIn(await loadMyWork(testDb, dev.ctx, { now: NOW, viewer: { name: 'Dev', timeZone: 'Europe/Berlin' } }), 'today')).toEqual(['Due Thursday'])
  })

  it('puts project tasks and sales follow-ups in one list, each with its context', async () => {
    const { org, admin } = await berlinOrg()
    const rep = await createMember(org, 'SALES', { name: 'Rita Rep' })
    const { pipeline } = await createSalesSetup(admin.ctx)
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Globex' } })
    const deal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id, title: 'Globex rollout', companyId: company.id })
    const { project, tasks } = await createTestProject(admin.ctx, {
      name: 'Globex onboarding',
      sourceDealId: deal.id,
      tasks: [{ title: 'Hand over the notes', dueOn: '2026-03-05', assigneeId: rep.user.id }],
    })
    const milestone = await testDb.milestone.create({ data: { orgId: org.id, projectId: project.id, name: 'Kickoff', dueOn: day('2026-03-06'), baselineDueOn: day('2026-03-06'), position: 1 } })
    await testDb.task.update({ where: { id: tasks[0]!.id }, data: { milestoneId: milestone.id } })
    const call = await followUp(rep.ctx, { subject: 'Call the CFO', assigneeId: rep.user.id, dueOn: '2026-03-05', dealId: deal.id, companyId: company.id })
    await followUp(rep.ctx, { subject: 'Send the brochure', assigneeId: rep.user.id, dueOn: '2026-03-02', companyId: company.id })

    const work = await loadMyWork(testDb, rep.ctx, { now: NOW })
    const today = work.groups.find((g) => g.key === 'today')!.items
    expect(today.map((i) => i.title)).toEqual(['Call the CFO', 'Hand over the notes'])
    const task = today.find((i) => i.source === 'project')!
    expect(task).toMatchObject({ id: tasks[0]!.id, project: { id: project.id, name: 'Globex onboarding' }, milestone: 'Kickoff', status: { kind: 'TODO' }, dueOn: '2026-03-05', blocked: false })
    // A rep may tick the project task assigned to them, and their own follow-up.
    expect(task.canComplete).toBe(true)
    const crm = today.find((i) => i.source === 'crm')!
    expect(crm).toMatchObject({ id: call.id, record: { type: 'deal', id: deal.id, name: 'Globex rollout' }, companyName: 'Globex', canComplete: true })
    const overdue = work.groups.find((g) => g.key === 'overdue')!.items
    expect(overdue).toMatchObject([{ title: 'Send the brochure', source: 'crm', record: { type: 'company', id: company.id, name: 'Globex' }, companyName: null }])
  })

  it('draws the first rows of each section with their details, counts them all, and every row of the section asked for', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'DELIVERY', { name: 'Dev' })
    const me = dev.user.id
    const { tasks } = await createTestProject(admin.ctx, {
      name: 'Rollout',
      tasks: [
        { title: 'A overdue', dueOn: '2026-03-01', assigneeId: me },
        { title: 'B overdue', dueOn: '2026-03-02', assigneeId: me },
        { title: 'C overdue', dueOn: '2026-03-03', assigneeId: me },
        { title: 'Later one', dueOn: '2026-04-20', assigneeId: me },
      ],
    })
    // B waits for C
    await testDb.taskDependency.create({ data: { orgId: org.id, projectId: tasks[0]!.projectId, blockerId: tasks[2]!.id, blockedId: tasks[1]!.id } })
    const full = await loadMyWork(testDb, dev.ctx, { now: NOW })
    const firstTwo = await loadMyWork(testDb, dev.ctx, { now: NOW, shown: { perSection: 2 } })
    const overdue = (w: typeof full) => w.groups.find((g) => g.key === 'overdue')!
    expect(overdue(firstTwo).total).toBe(3)
    expect(overdue(firstTwo).items).toEqual(overdue(full).items.slice(0, 2))
    expect(overdue(firstTwo).items[1]).toMatchObject({ title: 'B overdue', blocked: true, status: { kind: 'TODO' } })
    expect(firstTwo.openCount).toBe(4)
    const allOverdue = await loadMyWork(testDb, dev.ctx, { now: NOW, shown: { perSection: 2, all: 'overdue' } })
    expect(overdue(allOverdue).items.map((i) => i.title)).toEqual(['A overdue', 'B overdue', 'C overdue'])
    expect(allOverdue.groups.find((g) => g.key === 'later')!).toMatchObject({ total: 1, items: [{ title: 'Later one' }] })
  })

  it('leaves out done work, other people’s, and tasks of done, cancelled or deleted projects', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'DELIVERY')
    const other = await createMember(org, 'DELIVERY')
    const me = dev.user.id
    const live = await createTestProject(admin.ctx, {
      name: 'Live',
      tasks: [
        { title: 'Open task', dueOn: '2026-03-10', assigneeId: me },
        { title: 'Done long ago', dueOn: '2026-02-10', assigneeId: me, kind: 'DONE' },
        { title: 'Not mine', dueOn: '2026-03-10', assigneeId: other.user.id },
        { title: 'Unassigned', dueOn: '2026-03-10' },
      ],
    })
    await testDb.task.update({ where: { id: live.tasks[1]!.id }, data: { completedAt: new Date('2026-02-10T10:00:00Z'), completedOn: day('2026-02-10') } })
    const done = await createTestProject(admin.ctx, { name: 'Finished', tasks: [{ title: 'In a done project', assigneeId: me }] })
    await testDb.project.update({ where: { id: done.project.id }, data: { status: 'DONE' } })
    const cancelled = await createTestProject(admin.ctx, { name: 'Cancelled', tasks: [{ title: 'In a cancelled project', assigneeId: me }] })
    await testDb.project.update({ where: { id: cancelled.project.id }, data: { status: 'CANCELLED' } })
    const deleted = await createTestProject(admin.ctx, { name: 'Trashed', tasks: [{ title: 'In a deleted project', assigneeId: me }] })
    await testDb.project.update({ where: { id: deleted.project.id }, data: { deletedAt: new Date() } })
    const onHold = await createTestProject(admin.ctx, { name: 'Paused', tasks: [{ title: 'In a project on hold', assigneeId: me }] })
    await testDb.project.update({ where: { id: onHold.project.id }, data: { status: 'ON_HOLD' } })

    const work = await loadMyWork(testDb, dev.ctx, { now: NOW })
    expect(allOpen(work)).toEqual(['In a project on hold', 'Open task'])
    expect(work.doneToday.items).toEqual([])
  })

  it('lists what was completed today (org time zone) so it can be undone, and not what was done yesterday', async () => {
    const { org, admin } = await berlinOrg()
    const person = await createMember(org, 'MANAGER')
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Initech' } })
    // 23:10 UTC is 00:10 on Thursday in Berlin (today); 22:50 UTC is 23:50 on Wednesday (yesterday).
    await followUp(admin.ctx, { subject: 'Done just after midnight', assigneeId: person.user.id, dueOn: '2026-03-04', companyId: company.id, doneAt: new Date('2026-03-04T23:10:00Z') })
    await followUp(admin.ctx, { subject: 'Done late last night', assigneeId: person.user.id, dueOn: '2026-03-04', companyId: company.id, doneAt: new Date('2026-03-04T22:50:00Z') })
    const { tasks } = await createTestProject(admin.ctx, { tasks: [{ title: 'Project task done today', assigneeId: person.user.id, kind: 'DONE' }] })
    await testDb.task.update({ where: { id: tasks[0]!.id }, data: { completedAt: new Date('2026-03-04T23:20:00Z'), completedOn: day('2026-03-05') } })

    const work = await loadMyWork(testDb, person.ctx, { now: NOW })
    expect(work.doneToday.items.map((i) => i.title)).toEqual(['Project task done today', 'Done just after midnight'])
    expect(work.openCount).toBe(0)
  })

  it('ticking a project task and a follow-up moves them to Done today; unticking brings them back', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'MANAGER')
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Umbrella' } })
    const { tasks } = await createTestProject(admin.ctx, { tasks: [{ title: 'Configure SSO', dueOn: '2026-01-05', assigneeId: dev.user.id }] })
    const call = await followUp(admin.ctx, { subject: 'Renewal call', assigneeId: dev.user.id, dueOn: '2026-01-05', companyId: company.id })

    await testDb.$transaction((tx) => setTaskDone(tx, dev.ctx, { taskId: tasks[0]!.id, done: true }))
    await testDb.$transaction((tx) => setFollowUpDone(tx, dev.ctx, { activityId: call.id, done: true }))
    const after = await loadMyWork(testDb, dev.ctx)
    expect(after.doneToday.items.map((i) => i.title).sort()).toEqual(['Configure SSO', 'Renewal call'])
    expect(after.openCount).toBe(0)

    await testDb.$transaction((tx) => setTaskDone(tx, dev.ctx, { taskId: tasks[0]!.id, done: false }))
    const undone = await loadMyWork(testDb, dev.ctx)
    expect(titlesIn(undone, 'overdue')).toEqual(['Configure SSO'])
    expect(undone.doneToday.items.map((i) => i.title)).toEqual(['Renewal call'])
  })

  it('marks a task whose blocker is still open as blocked', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'DELIVERY')
    const { project, tasks } = await createTestProject(admin.ctx, {
      tasks: [
        { title: 'Blocker', dueOn: '2026-03-06' },
        { title: 'Waiting', dueOn: '2026-03-10', assigneeId: dev.user.id },
        { title: 'Free', dueOn: '2026-03-10', assigneeId: dev.user.id },
      ],
    })
    await testDb.taskDependency.create({ data: { orgId: org.id, projectId: project.id, blockerId: tasks[0]!.id, blockedId: tasks[1]!.id } })
    const work = await loadMyWork(testDb, dev.ctx, { now: NOW })
    const items = work.groups.flatMap((g) => g.items)
    expect(items.find((i) => i.title === 'Waiting')).toMatchObject({ blocked: true })
    expect(items.find((i) => i.title === 'Free')).toMatchObject({ blocked: false })
  })

  it('never shows another organization’s work, even for a person who belongs to both', async () => {
    const { org, admin } = await berlinOrg()
    const dev = await createMember(org, 'DELIVERY')
    const otherOrg = await createOrg({ timeZone: 'Europe/Berlin' })
    const otherAdmin = await createMember(otherOrg, 'ADMIN')
    await testDb.membership.create({ data: { orgId: otherOrg.id, userId: dev.user.id, role: 'DELIVERY' } })
    const otherCtx: Ctx = { orgId: otherOrg.id, userId: dev.user.id, role: 'DELIVERY' }
    await createTestProject(admin.ctx, { name: 'Ours', tasks: [{ title: 'Our task', assigneeId: dev.user.id }] })
    await createTestProject(otherAdmin.ctx, { name: 'Theirs', tasks: [{ title: 'Their task', assigneeId: dev.user.id }] })
    const otherCompany = await testDb.company.create({ data: { orgId: otherOrg.id, name: 'Elsewhere' } })
    await followUp(otherAdmin.ctx, { subject: 'Their follow-up', assigneeId: dev.user.id, dueOn: '2026-03-05', companyId: otherCompany.id })

    expect(allOpen(await loadMyWork(testDb, dev.ctx, { now: NOW }))).toEqual(['Our task'])
    expect(allOpen(await loadMyWork(testDb, otherCtx, { now: NOW }))).toEqual(['Their follow-up', 'Their task'])
    // A manager elsewhere asking for someone of this organization: not found.
    await expect(loadMyWork(testDb, otherAdmin.ctx, { userId: admin.user.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lets a manager look at a rep’s work and refuses a rep looking at someone else’s', async () => {
    const { org, admin } = await berlinOrg()
    const manager = await createMember(org, 'MANAGER')
    const rep = await createMember(org, 'SALES', { name: 'Rita Rep' })
    const rep2 = await createMember(org, 'SALES')
    const dev = await createMember(org, 'DELIVERY')
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Hooli' } })
    await followUp(admin.ctx, { subject: 'Rita’s follow-up', assigneeId: rep.user.id, dueOn: '2026-03-05', companyId: company.id })

    const seen = await loadMyWork(testDb, manager.ctx, { userId: rep.user.id, now: NOW })
    expect(seen.person).toEqual({ id: rep.user.id, name: 'Rita Rep', isViewer: false })
    expect(titlesIn(seen, 'today')).toEqual(['Rita’s follow-up'])
    expect(titlesIn(await loadMyWork(testDb, admin.ctx, { userId: rep.user.id, now: NOW }), 'today')).toEqual(['Rita’s follow-up'])

    await expect(loadMyWork(testDb, rep2.ctx, { userId: rep.user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(loadMyWork(testDb, dev.ctx, { userId: rep.user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('shows a rep only the project tasks of projects they follow (their deals’ projects)', async () => {
    const { org, admin } = await berlinOrg()
    const rep = await createMember(org, 'SALES')
    const manager = await createMember(org, 'MANAGER')
    const { pipeline } = await createSalesSetup(admin.ctx)
    const theirDeal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    await createTestProject(admin.ctx, { name: 'Followed', sourceDealId: theirDeal.id, tasks: [{ title: 'On my deal’s project', assigneeId: rep.user.id }] })
    await createTestProject(admin.ctx, { name: 'Not followed', tasks: [{ title: 'On someone else’s project', assigneeId: rep.user.id }] })

    expect(allOpen(await loadMyWork(testDb, rep.ctx, { now: NOW }))).toEqual(['On my deal’s project'])
    expect(allOpen(await loadMyWork(testDb, manager.ctx, { userId: rep.user.id, now: NOW }))).toEqual(['On my deal’s project', 'On someone else’s project'])
  })
})
