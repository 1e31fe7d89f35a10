import { describe, expect, it } from 'vitest'
import { layoutTimeline } from '@/components/pm-timeline/geometry'
import { loadTimeline } from '@/lib/pm/timeline'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { plannedProject } from '../factories/planned-project'
import { testDb } from '../setup/db'

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  const ann = await createMember(org, 'DELIVERY', { name: 'Ann Archer' })
  const bob = await createMember(org, 'DELIVERY', { name: 'Bob Baker' })
  return { org, admin, ann, bob }
}

describe('project timeline', () => {
  it('loads the project’s dates, milestones, tasks in milestone order with baselines, and the dependency edges', async () => {
    const { admin, ann, bob } = await setup()
    const { project, tasks, milestones } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id })
    await testDb.project.update({ where: { id: project.id }, data: { targetGoLiveOn: new Date('2026-03-27T00:00:00Z'), baselineGoLiveOn: new Date('2026-03-20T00:00:00Z') } })

    const data = await loadTimeline(testDb, admin.ctx, project.id)
    expect(data.project).toEqual({ id: project.id, name: 'Acme rollout', kickoffOn: '2026-03-02', targetGoLiveOn: '2026-03-27', baselineGoLiveOn: '2026-03-20' })
    expect(data.milestones.map((m) => [m.name, m.dueOn, m.baselineDueOn])).toEqual([
      ['Setup', '2026-03-12', '2026-03-12'],
      ['Launch', '2026-03-20', '2026-03-18'],
    ])
    // Setup's tasks by start (a task without a start counts from its due date), then Launch, then the rest.
    expect(data.tasks.map((t) => t.title)).toEqual(['Kickoff call', 'Import data', 'Configure', 'Go live', 'Write the FAQ'])
    expect(data.tasks.find((t) => t.id === tasks.importData.id)).toMatchObject({ startOn: '2026-03-05', dueOn: '2026-03-12', baselineDueOn: '2026-03-09', milestoneId: milestones.setup.id })
    expect(data.tasks.find((t) => t.id === tasks.goLive.id)).toMatchObject({ blocked: true })
    expect(data.dependencies).toEqual([{ blockerId: tasks.importData.id, blockedId: tasks.goLive.id }])
  })

  it('lays the data out: bars from start to due, a ghost where the baseline was, an arrow from blocker to blocked, the today line', async () => {
    const { admin, ann, bob } = await setup()
    const { project, tasks } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id })
    const data = await loadTimeline(testDb, admin.ctx, project.id)
    const layout = layoutTimeline(data, '2026-03-11', 'day')

    const taskRow = (id: string) => layout.rows.find((r) => r.kind === 'task' && r.task.id === id)!
    const importRow = taskRow(tasks.importData.id)
    if (importRow.kind !== 'task') throw new Error('not a task row')
    // 5 to 12 March is 8 days at 32 px; the ghost keeps the length and ends on the 9th (3 days earlier).
    expect(importRow.bar).toMatchObject({ start: '2026-03-05', end: '2026-03-12', width: 8 * 32, tone: 'doing' })
    expect(importRow.ghost).toMatchObject({ start: '2026-03-02', end: '2026-03-09', width: 8 * 32, x: importRow.bar!.x - 3 * 32 })

    const goLiveRow = taskRow(tasks.goLive.id)
    if (goLiveRow.kind !== 'task') throw new Error('not a task row')
    expect(goLiveRow.ghost).toBeNull()
    expect(goLiveRow.bar).toMatchObject({ tone: 'blocked', start: '2026-03-16', end: '2026-03-20' })

    expect(layout.arrows).toHaveLength(1)
    const arrow = layout.arrows[0]!
    expect(arrow).toMatchObject({ blockerId: tasks.importData.id, blockedId: tasks.goLive.id, conflict: false })
    const blockerEnd = importRow.bar!.x + importRow.bar!.width
    expect(arrow.d.startsWith(`M ${blockerEnd} `)).toBe(true)
    expect(arrow.d.endsWith(`H ${goLiveRow.bar!.x - 2}`)).toBe(true)

    const configureRow = taskRow(tasks.configure.id)
    if (configureRow.kind !== 'task') throw new Error('not a task row')
    expect(configureRow.bar).toMatchObject({ start: '2026-03-10', end: '2026-03-10', width: 32, tone: 'overdue' })
    expect(layout.today).toEqual({ day: '2026-03-11', x: configureRow.bar!.x + 32 + 16 })
    const faq = layout.rows.find((r) => r.kind === 'task' && r.task.title === 'Write the FAQ')
    expect(faq).toMatchObject({ bar: null, ghost: null })
  })

  it('is a 404 for a rep who does not follow the project and for another organization', async () => {
    const { org, admin, ann, bob } = await setup()
    const rep = await createMember(org, 'SALES')
    const otherRep = await createMember(org, 'SALES')
    const { pipeline } = await createSalesSetup(admin.ctx)
    const deal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    const { project } = await plannedProject(admin.ctx, { ann: ann.user.id, bob: bob.user.id }, deal.id)

    expect((await loadTimeline(testDb, rep.ctx, project.id)).tasks).toHaveLength(5)
    await expect(loadTimeline(testDb, otherRep.ctx, project.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const stranger = await createMember(await createOrg(), 'ADMIN')
    await expect(loadTimeline(testDb, stranger.ctx, project.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(loadTimeline(testDb, admin.ctx, '../../etc')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
