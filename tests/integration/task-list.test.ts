import { describe, expect, it } from 'vitest'
import { listProjectTasks } from '@/lib/pm/task-list'
import { TaskListSearch } from '@/lib/pm/task-list.schema'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { plannedProject } from '../factories/planned-project'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

const day = (value: string) => new Date(`${value}T00:00:00Z`)
const search = (raw: Record<string, string> = {}) => TaskListSearch.parse(raw)

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  const ann = await createMember(org, 'DELIVERY', { name: 'Ann Archer' })
  const bob = await createMember(org, 'DELIVERY', { name: 'Bob Baker' })
  return { org, admin, ann, bob }
}

describe('project task list', () => {
  it('groups every task under its milestone by due date, the others last, with status, people, dates, baseline and estimate', async () => {
    const { admin, ann, bob } = await setup()
    const { project, tasks, milestones } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id })
    const list = await listProjectTasks(testDb, admin.ctx, project.id, search())
    expect(list.total).toBe(5)
    expect(list.groups.map((g) => g.milestone?.name ?? null)).toEqual(['Setup', 'Launch', null])
    expect(list.groups.map((g) => g.tasks.map((t) => t.title))).toEqual([['Kickoff call', 'Configure', 'Import data'], ['Go live'], ['Write the FAQ']])
    expect(list.groups[0]!.doneCount).toBe(1)
    expect(list.groups[1]!.milestone).toMatchObject({ id: milestones.launch.id, dueOn: '2026-03-20', baselineDueOn: '2026-03-18', done: false })

    const importData = list.groups[0]!.tasks.find((t) => t.id === tasks.importData.id)!
    expect(importData).toMatchObject({
      status: { name: 'In progress', kind: 'DOING' },
      assignee: { id: bob.user.id, name: 'Bob Baker' },
      startOn: '2026-03-05',
      dueOn: '2026-03-12',
      baselineDueOn: '2026-03-09',
      estimateMinutes: 360,
      blocked: false,
      completedOn: null,
    })
    const goLive = list.groups[1]!.tasks[0]!
    expect(goLive).toMatchObject({ blocked: true, status: { name: 'To do' }, startOn: '2026-03-16' })
    expect(list.groups[0]!.tasks[0]).toMatchObject({ title: 'Kickoff call', completedOn: '2026-03-04', status: { kind: 'DONE' }, blocked: false })
    expect(list.groups[0]!.tasks.find((t) => t.title === 'Configure')!.assignee).toBeNull()
  })

  it('sorts within each milestone by assignee, status or due date, either way, empty values last', async () => {
    const { admin, ann, bob } = await setup()
    const { project } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id })
    const setupTitles = async (raw: Record<string, string>) => (await listProjectTasks(testDb, admin.ctx, project.id, search(raw))).groups[0]!.tasks.map((t) => t.title)
    expect(await setupTitles({ sort: 'assignee' })).toEqual(['Kickoff call', 'Import data', 'Configure'])
    expect(await setupTitles({ sort: 'assignee', dir: 'desc' })).toEqual(['Import data', 'Kickoff call', 'Configure'])
    expect(await setupTitles({ sort: 'status' })).toEqual(['Configure', 'Import data', 'Kickoff call'])
    expect(await setupTitles({ sort: 'due', dir: 'desc' })).toEqual(['Import data', 'Configure', 'Kickoff call'])
    // A made-up sort in the URL is the default order, not an error.
    expect(await setupTitles({ sort: 'priority; drop table task', dir: 'sideways' })).toEqual(['Kickoff call', 'Configure', 'Import data'])
  })

  it('is readable by a rep following the project (their deal’s), and a 404 for anyone else outside it', async () => {
    const { org, admin, ann, bob } = await setup()
    const rep = await createMember(org, 'SALES')
    const otherRep = await createMember(org, 'SALES')
    const { pipeline } = await createSalesSetup(admin.ctx)
    const deal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    const { project } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id }, deal.id)
    expect((await listProjectTasks(testDb, rep.ctx, project.id, search())).total).toBe(5)
    expect((await listProjectTasks(testDb, ann.ctx, project.id, search())).total).toBe(5)
    await expect(listProjectTasks(testDb, otherRep.ctx, project.id, search())).rejects.toMatchObject({ code: 'NOT_FOUND' })

    const stranger = await createMember(await createOrg(), 'ADMIN')
    await expect(listProjectTasks(testDb, stranger.ctx, project.id, search())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(listProjectTasks(testDb, admin.ctx, 'not-a-uuid', search())).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await testDb.project.update({ where: { id: project.id }, data: { deletedAt: new Date() } })
    await expect(listProjectTasks(testDb, admin.ctx, project.id, search())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('shows an empty milestone as its own group and no other project’s tasks', async () => {
    const { org, admin } = await setup()
    const { project } = await createTestProject(admin.ctx, { tasks: [{ title: 'Only task' }] })
    await createTestProject(admin.ctx, { tasks: [{ title: 'Elsewhere' }] })
    await testDb.milestone.create({ data: { orgId: org.id, projectId: project.id, name: 'Empty', dueOn: day('2026-04-01'), baselineDueOn: day('2026-04-01'), position: 1 } })
    const list = await listProjectTasks(testDb, admin.ctx, project.id, search())
    expect(list.groups.map((g) => [g.milestone?.name ?? null, g.tasks.map((t) => t.title)])).toEqual([
      ['Empty', []],
      [null, ['Only task']],
    ])
  })
})
