import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runAction } from '@/lib/action'
import type { Ctx } from '@/lib/authz'
import { requireMember } from '@/lib/authz'
import { addDays, todayIn } from '@/lib/dates'
import { collectRoleFields, NewProjectFields } from '@/lib/pm/create-project.schema'
import { listProjectHistory } from '@/lib/pm/project-history'
import { addProjectMember, removeProjectMember } from '@/lib/pm/project-members'
import { organizationPeople } from '@/lib/pm/project-people'
import { deleteProject, restoreProject, updateProject } from '@/lib/pm/project-update'
import { getProjectHeader, listProjects } from '@/lib/pm/projects'
import { ProjectListParams } from '@/lib/pm/projects.schema'
import { previewRedate, redateProject, undoRedate } from '@/lib/pm/redate'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

const TZ = 'Europe/Berlin'
const today = todayIn(TZ)
const d = (offset: number) => addDays(today, offset)
const date = (day: string) => new Date(`${day}T00:00:00Z`)
const list = (ctx: Ctx, params: Record<string, string> = {}) => listProjects(testDb, ctx, ProjectListParams.parse(params))
const tx = <T>(fn: (db: Parameters<Parameters<typeof testDb.$transaction>[0]>[0]) => Promise<T>) => testDb.$transaction(fn)

async function setup() {
  const org = await createOrg({ timeZone: TZ })
  const lead = await createMember(org, 'DELIVERY', { name: 'Dana Delivery' })
  return { org, lead, ctx: lead.ctx }
}

async function project(ctx: Ctx, options: Parameters<typeof createTestProject>[1] & { target?: string; baseline?: string; status?: 'PLANNED' | 'ACTIVE' | 'ON_HOLD' | 'DONE' | 'CANCELLED'; companyId?: string }) {
  const made = await createTestProject(ctx, options)
  await testDb.project.update({
    where: { id: made.project.id },
    data: {
      targetGoLiveOn: options.target ? date(options.target) : null,
      baselineGoLiveOn: options.baseline ? date(options.baseline) : options.target ? date(options.target) : null,
      status: options.status ?? 'ACTIVE',
      companyId: options.companyId,
    },
  })
  return made
}

describe('the projects list', () => {
  it('shows each project’s progress, overdue count, next milestone and health, computed from its tasks', async () => {
    const { ctx } = await setup()
    const atRisk = await project(ctx, {
      name: 'At risk',
      kickoffOn: d(-20),
      target: d(30),
      tasks: [
        { title: 'Done 1', dueOn: d(-10), kind: 'DONE' },
        { title: 'Done 2', dueOn: d(-5), kind: 'DONE' },
        { title: 'Overdue', dueOn: d(-2) },
        { title: 'Later', dueOn: d(5) },
      ],
    })
    await testDb.milestone.createMany({
      data: [
        { orgId: ctx.orgId, projectId: atRisk.project.id, name: 'Kickoff done', dueOn: date(d(-3)), baselineDueOn: date(d(-3)), position: 1 },
        { orgId: ctx.orgId, projectId: atRisk.project.id, name: 'Go-live', dueOn: date(d(30)), baselineDueOn: date(d(30)), position: 2 },
      ],
    })
    await project(ctx, { name: 'On track', kickoffOn: d(2), target: d(60), tasks: [{ title: 'Soon', dueOn: d(10) }] })
    await project(ctx, { name: 'Late', kickoffOn: d(-60), target: d(-1), tasks: [{ title: 'Still open', dueOn: d(-30) }] })

    const { items, total } = await list(ctx, { sort: 'name' })
    expect(total).toBe(3)
    expect(items.map((i) => [i.name, i.health])).toEqual([
      ['At risk', 'AT_RISK'],
      ['Late', 'LATE'],
      ['On track', 'ON_TRACK'],
    ])
    const row = items[0]!
    expect(row.progress).toEqual({ done: 2, total: 4, percent: 50 })
    expect(row.overdue).toBe(1)
    expect(row.nextMilestone).toEqual({ name: 'Kickoff done', dueOn: d(-3), overdue: true })
    expect(row.healthReasons).toEqual(['1 milestone is overdue.'])
    expect(items[1]!.overdue).toBe(1)
    // the header counts from today in SQL (in the organization's zone) and agrees with the list
    expect(await getProjectHeader(testDb, ctx, atRisk.project.id)).toMatchObject({
      progress: row.progress,
      overdue: 1,
      nextMilestone: row.nextMilestone,
      health: 'AT_RISK',
      healthReasons: row.healthReasons,
    })
  })

  it('filters by status, owner, company, health and name, and sorts by progress', async () => {
    const { org, ctx } = await setup()
    const other = await createMember(org, 'MANAGER', { name: 'Mo Manager' })
    const company = await testDb.company.create({ data: { orgId: ctx.orgId, name: 'Northwind' } })
    await project(ctx, { name: 'Northwind onboarding', companyId: company.id, target: d(40), tasks: [{ title: 'a', dueOn: d(3), kind: 'DONE' }, { title: 'b', dueOn: d(4) }] })
    await project(ctx, { name: 'Contoso rollout', ownerId: other.user.id, target: d(-2), tasks: [{ title: 'a', dueOn: d(3) }] })
    await project(ctx, { name: 'Finished', status: 'DONE', tasks: [{ title: 'a', dueOn: d(-3), kind: 'DONE' }] })

    const names = async (params: Record<string, string>) => (await list(ctx, params)).items.map((i) => i.name)
    expect(await names({ sort: 'name' })).toEqual(['Contoso rollout', 'Northwind onboarding'])
    expect(await names({ status: 'DONE' })).toEqual(['Finished'])
    expect(await names({ status: 'all', sort: 'name' })).toEqual(['Contoso rollout', 'Finished', 'Northwind onboarding'])
    expect(await names({ owner: 'me' })).toEqual(['Northwind onboarding'])
    expect(await names({ owner: other.user.id })).toEqual(['Contoso rollout'])
    expect(await names({ company: company.id })).toEqual(['Northwind onboarding'])
    expect(await names({ health: 'LATE' })).toEqual(['Contoso rollout'])
    expect(await names({ q: 'north' })).toEqual(['Northwind onboarding'])
    expect(await names({ sort: 'progress' })).toEqual(['Northwind onboarding', 'Contoso rollout'])
    const facets = (await list(ctx)).facets
    expect(facets.companies).toEqual([{ id: company.id, name: 'Northwind' }])
    expect(facets.owners.map((o) => o.name).sort()).toEqual(['Dana Delivery', 'Mo Manager'])
  })

  it('shows a sales rep only the projects of deals they own', async () => {
    const { org, ctx } = await setup()
    const admin = await createMember(org, 'ADMIN')
    const rep = await createMember(org, 'SALES')
    const colleague = await createMember(org, 'SALES')
    const { pipeline } = await createSalesSetup(admin.ctx)
    const mine = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, ownerId: rep.user.id })
    const theirs = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, ownerId: colleague.user.id })
    const followed = await project(ctx, { name: 'From my deal', sourceDealId: mine.id })
    const other = await project(ctx, { name: 'From their deal', sourceDealId: theirs.id })
    await project(ctx, { name: 'Made by hand' })

    expect((await list(rep.ctx)).items.map((i) => i.name)).toEqual(['From my deal'])
    expect((await list(ctx)).items).toHaveLength(3)
    const header = await getProjectHeader(testDb, rep.ctx, followed.project.id)
    expect(header).toMatchObject({ name: 'From my deal', canWrite: false, sourceDeal: { id: mine.id, owner: { id: rep.user.id } } })
    await expect(getProjectHeader(testDb, rep.ctx, other.project.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // following is not changing: the rep's edits are refused, the colleague's project is a 404
    await expect(tx((db) => updateProject(db, rep.ctx, { projectId: followed.project.id, version: 1, name: 'Mine now' }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(tx((db) => updateProject(db, rep.ctx, { projectId: other.project.id, version: 1, name: 'Mine now' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('the project header', () => {
  it("offers the organization's people as owners, by name, and nobody from another organization", async () => {
    const { org, ctx } = await setup()
    await createMember(org, 'SALES', { name: 'Anna Sales' })
    await createMember(org, 'MANAGER', { name: 'Zed Manager' })
    const elsewhere = await createOrg()
    await createMember(elsewhere, 'ADMIN', { name: 'Bea Elsewhere' })
    expect((await organizationPeople(testDb, ctx)).map((p) => p.name)).toEqual(['Anna Sales', 'Dana Delivery', 'Zed Manager'])
  })

  it('groups members by role, flags roles whose open tasks nobody has, and shows target against baseline', async () => {
    const { org, ctx, lead } = await setup()
    const engineer = await testDb.projectRole.create({ data: { orgId: ctx.orgId, name: 'Solutions engineer', position: 2 } })
    const leadRole = await testDb.projectRole.create({ data: { orgId: ctx.orgId, name: 'Implementation lead', position: 1 } })
    const { project: p, tasks } = await project(ctx, { name: 'P', target: d(20), baseline: d(10), tasks: [{ title: 'Integrate', dueOn: d(3) }, { title: 'Plan', dueOn: d(2), assigneeId: lead.user.id }] })
    await testDb.task.update({ where: { id: tasks[0]!.id }, data: { roleId: engineer.id } })
    await testDb.projectMember.create({ data: { orgId: ctx.orgId, projectId: p.id, userId: lead.user.id, roleId: leadRole.id } })

    const header = await getProjectHeader(testDb, ctx, p.id)
    expect(header.members).toEqual([{ role: { id: leadRole.id, name: 'Implementation lead' }, people: [expect.objectContaining({ userId: lead.user.id, name: 'Dana Delivery' })] }])
    expect(header.unfilledRoles).toEqual([{ id: engineer.id, name: 'Solutions engineer', unassignedTasks: 1 }])
    expect(header).toMatchObject({ targetGoLiveOn: d(20), baselineGoLiveOn: d(10), canWrite: true, progress: { done: 0, total: 2, percent: 0 } })

    // filling the role hands its open tasks over and clears the warning
    const someone = await createMember(org, 'DELIVERY', { name: 'Sven Engineer' })
    const added = await tx((db) => addProjectMember(db, ctx, { projectId: p.id, userId: someone.user.id, roleId: engineer.id, assignOpenTasks: true }))
    expect(added.assignedTasks).toBe(1)
    expect((await testDb.task.findUniqueOrThrow({ where: { id: tasks[0]!.id } })).assigneeId).toBe(someone.user.id)
    expect((await getProjectHeader(testDb, ctx, p.id)).unfilledRoles).toEqual([])
    await expect(tx((db) => addProjectMember(db, ctx, { projectId: p.id, userId: someone.user.id, roleId: engineer.id, assignOpenTasks: false }))).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await tx((db) => removeProjectMember(db, ctx, { projectId: p.id, memberId: added.id }))
    expect(await testDb.projectMember.count({ where: { projectId: p.id } })).toBe(1)
  })
})

describe('editing a project', () => {
  it('renames, completes and reopens it, keeps the first target as baseline, and logs each change', async () => {
    const { ctx } = await setup()
    const { project: p } = await project(ctx, { name: 'Old name' })
    await testDb.project.update({ where: { id: p.id }, data: { targetGoLiveOn: null, baselineGoLiveOn: null } })

    let v = (await tx((db) => updateProject(db, ctx, { projectId: p.id, version: 1, name: 'New name', targetGoLiveOn: d(30) }))).version
    let row = await testDb.project.findUniqueOrThrow({ where: { id: p.id } })
    expect([row.name, row.targetGoLiveOn, row.baselineGoLiveOn]).toEqual(['New name', date(d(30)), date(d(30))])

    v = (await tx((db) => updateProject(db, ctx, { projectId: p.id, version: v, targetGoLiveOn: d(45) }))).version
    row = await testDb.project.findUniqueOrThrow({ where: { id: p.id } })
    expect([row.targetGoLiveOn, row.baselineGoLiveOn]).toEqual([date(d(45)), date(d(30))])

    v = (await tx((db) => updateProject(db, ctx, { projectId: p.id, version: v, status: 'DONE' }))).version
    expect((await testDb.project.findUniqueOrThrow({ where: { id: p.id } })).completedAt).toBeInstanceOf(Date)
    v = (await tx((db) => updateProject(db, ctx, { projectId: p.id, version: v, status: 'ACTIVE' }))).version
    expect((await testDb.project.findUniqueOrThrow({ where: { id: p.id } })).completedAt).toBeNull()

    // a stale version is refused, nothing is lost silently
    await expect(tx((db) => updateProject(db, ctx, { projectId: p.id, version: 1, name: 'Stale' }))).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(tx((db) => updateProject(db, ctx, { projectId: p.id, version: v, targetGoLiveOn: '2000-01-01' }))).rejects.toMatchObject({ field: 'targetGoLiveOn' })

    const log = await testDb.activityLog.findMany({ where: { entityId: p.id, action: 'project.updated' }, orderBy: { createdAt: 'asc' } })
    expect(log).toHaveLength(4)
    expect(log[0]!.changes).toMatchObject({ name: { from: 'Old name', to: 'New name' }, targetGoLiveOn: { from: null, to: d(30) }, baselineGoLiveOn: { from: null, to: d(30) } })
    expect(log[2]!.changes).toMatchObject({ status: { from: 'ACTIVE', to: 'DONE' } })

    const history = await listProjectHistory(testDb, ctx, p.id)
    expect(history.items.map((i) => i.sentence)).toEqual([
      'changed the status from Done to Active',
      'changed the status from Active to Done',
      expect.stringMatching(/^moved the target go-live from .* to /),
      'renamed the project from “Old name” to “New name”',
    ])
    expect(history.items.every((i) => i.actor?.name === 'Dana Delivery')).toBe(true)
  })

  it('moves a project to the trash and restores it', async () => {
    const { ctx } = await setup()
    const { project: p } = await project(ctx, { name: 'Binned' })
    await tx((db) => deleteProject(db, ctx, { projectId: p.id }))
    expect((await list(ctx)).items).toHaveLength(0)
    expect((await list(ctx, { trash: '1' })).items.map((i) => i.name)).toEqual(['Binned'])
    await expect(getProjectHeader(testDb, ctx, p.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await tx((db) => restoreProject(db, ctx, { projectId: p.id }))
    expect((await list(ctx)).items.map((i) => i.name)).toEqual(['Binned'])
    expect((await listProjectHistory(testDb, ctx, p.id)).items.map((i) => i.action)).toEqual(['project.restored', 'project.deleted'])
  })

  it('answers another organization’s project id with NOT_FOUND from every service', async () => {
    const { ctx } = await setup()
    const other = await createMember(await createOrg({ timeZone: TZ }), 'ADMIN')
    const { project: theirs } = await project(other.ctx, { name: 'Theirs', tasks: [{ title: 't', dueOn: d(3) }] })
    const member = await testDb.projectMember.create({ data: { orgId: other.ctx.orgId, projectId: theirs.id, userId: other.user.id } })
    const { activityId } = await tx((db) => redateProject(db, other.ctx, { projectId: theirs.id, version: 1, kickoffOn: d(40), mode: 'BUSINESS' }))
    const id = theirs.id
    const calls: [string, () => Promise<unknown>][] = [
      ['header', () => getProjectHeader(testDb, ctx, id)],
      ['history', () => listProjectHistory(testDb, ctx, id)],
      ['update', () => tx((db) => updateProject(db, ctx, { projectId: id, version: 2, name: 'Mine' }))],
      ['delete', () => tx((db) => deleteProject(db, ctx, { projectId: id }))],
      ['restore', () => tx((db) => restoreProject(db, ctx, { projectId: id }))],
      ['add member', () => tx((db) => addProjectMember(db, ctx, { projectId: id, userId: ctx.userId, roleId: null, assignOpenTasks: false }))],
      ['remove member', () => tx((db) => removeProjectMember(db, ctx, { projectId: id, memberId: member.id }))],
      ['preview re-date', () => previewRedate(testDb, ctx, { projectId: id, kickoffOn: d(50), mode: 'BUSINESS' })],
      ['re-date', () => tx((db) => redateProject(db, ctx, { projectId: id, version: 2, kickoffOn: d(50), mode: 'BUSINESS' }))],
      ['undo re-date', () => tx((db) => undoRedate(db, ctx, activityId))],
    ]
    for (const [name, call] of calls) await expect(call(), name).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await list(ctx)).items).toHaveLength(0)
    const row = await testDb.project.findUniqueOrThrow({ where: { id } })
    expect([row.name, row.deletedAt, row.version]).toEqual(['Theirs', null, 2])
  })
})

describe('the new-project action', () => {
  /** The action's body, as app/(app)/[orgSlug]/projects/actions.ts runs it (parse, then the role check). */
  const run = (form: FormData, session: { userId: string }) =>
    runAction(z.preprocess(collectRoleFields, NewProjectFields.extend({ orgSlug: z.string() })), form, async (input, s) => {
      await requireMember(testDb, s, input.orgSlug, 'projects:write')
      return input
    }, { getSession: async () => session })

  it('reads the person chosen for each role from the form, and refuses a sales rep', async () => {
    const org = await createOrg({ slug: 'acme' })
    const lead = await createMember(org, 'DELIVERY')
    const rep = await createMember(org, 'SALES')
    const role = crypto.randomUUID()
    const form = new FormData()
    for (const [k, v] of Object.entries({ orgSlug: 'acme', name: 'P', templateVersionId: crypto.randomUUID(), kickoffOn: '2026-03-02', [`role:${role}`]: lead.user.id, 'role:other': '' })) form.set(k, v)
    const result = await run(form, lead.session)
    expect(result).toMatchObject({ ok: true, data: { roleAssignments: { [role]: lead.user.id } } })
    expect(await run(form, rep.session)).toMatchObject({ ok: false, status: 403 })

    form.set('kickoffOn', '2026-02-30')
    form.set('name', ' ')
    const bad = await run(form, lead.session)
    expect(bad).toMatchObject({ ok: false, status: 422, fieldErrors: { kickoffOn: ['Enter a date like 2026-12-31.'], name: ['Give the project a name.'] } })
  })
})
