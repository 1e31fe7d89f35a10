import { PrismaPg } from '@prisma/adapter-pg'
import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { previewRedate, redateProject, undoRedate } from '@/lib/pm/redate'
import { createMember, createOrg } from '../factories'
import { createTestProject } from '../factories/projects'
import { testDatabaseUrl, testDb } from '../setup/db'

const date = (day: string) => new Date(`${day}T00:00:00Z`)
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null

/**
 * Kickoff Monday 2 March 2026, a holiday on Thursday 12 March. Open tasks, a done one, a
 * milestone and a target go-live: what a re-date by one working week must move (or not).
 */
async function setup() {
  const org = await createOrg({ timeZone: 'Europe/Berlin' })
  const { ctx } = await createMember(org, 'DELIVERY')
  await testDb.holiday.create({ data: { orgId: ctx.orgId, day: date('2026-03-12'), name: 'Holiday' } })
  const made = await createTestProject(ctx, {
    kickoffOn: '2026-03-02',
    tasks: [
      { title: 'Workshop', dueOn: '2026-03-09' },
      { title: 'Configure', dueOn: '2026-03-11' },
      { title: 'Signed contract', dueOn: '2026-03-03', kind: 'DONE' },
      { title: 'Someday' },
    ],
  })
  const task = (title: string) => made.tasks.find((t) => t.title === title)!
  await testDb.task.update({ where: { id: task('Workshop').id }, data: { startOn: date('2026-03-06') } })
  await testDb.project.update({ where: { id: made.project.id }, data: { targetGoLiveOn: date('2026-03-20'), baselineGoLiveOn: date('2026-03-20') } })
  const milestone = await testDb.milestone.create({
    data: { orgId: ctx.orgId, projectId: made.project.id, name: 'Configured', dueOn: date('2026-03-13'), baselineDueOn: date('2026-03-13'), position: 1 },
  })
  return { ctx, projectId: made.project.id, task, milestone }
}

async function snapshot(projectId: string) {
  const project = await testDb.project.findUniqueOrThrow({ where: { id: projectId } })
  const tasks = await testDb.task.findMany({ where: { projectId }, orderBy: { position: 'asc' } })
  const milestones = await testDb.milestone.findMany({ where: { projectId } })
  return {
    kickoff: day(project.kickoffOn),
    target: day(project.targetGoLiveOn),
    baseline: day(project.baselineGoLiveOn),
    tasks: Object.fromEntries(tasks.map((t) => [t.title, [day(t.startOn), day(t.dueOn), day(t.baselineDueOn)]])),
    milestones: Object.fromEntries(milestones.map((m) => [m.name, [day(m.dueOn), day(m.baselineDueOn)]])),
  }
}

const redate = (ctx: Ctx, input: Parameters<typeof redateProject>[2]) => testDb.$transaction((tx) => redateProject(tx, ctx, input))
const undo = (ctx: Ctx, id: string) => testDb.$transaction((tx) => undoRedate(tx, ctx, id))

describe('re-dating a project', () => {
  it('moves open tasks, open milestones and the target by working days over a weekend and a holiday; done tasks and baselines stay', async () => {
    const { ctx, projectId } = await setup()
    const before = await snapshot(projectId)

    const preview = await previewRedate(testDb, ctx, { projectId, kickoffOn: '2026-03-09', mode: 'BUSINESS' })
    expect(preview.summary).toBe('2 open tasks and 1 milestone move 5 working days later; 1 done task stays.')
    expect(preview.targetGoLiveOn).toEqual({ from: '2026-03-20', to: '2026-03-27' })
    expect(await snapshot(projectId)).toEqual(before) // a preview writes nothing

    const result = await redate(ctx, { projectId, version: 1, kickoffOn: '2026-03-09', mode: 'BUSINESS' })
    expect(result).toMatchObject({ movedTasks: 2, movedMilestones: 1, version: 2 })
    expect(await snapshot(projectId)).toEqual({
      kickoff: '2026-03-09',
      target: '2026-03-27',
      baseline: '2026-03-20',
      tasks: {
        // Fri 6 -> Mon 16 and Mon 9 -> Tue 17: five working days, Thursday 12th skipped
        Workshop: ['2026-03-16', '2026-03-17', '2026-03-09'],
        Configure: [null, '2026-03-19', '2026-03-11'],
        'Signed contract': [null, '2026-03-03', '2026-03-03'],
        Someday: [null, null, null],
      },
      milestones: { Configured: ['2026-03-20', '2026-03-13'] },
    })

    const log = await testDb.activityLog.findMany({ where: { orgId: ctx.orgId } })
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ id: result.activityId, action: 'project.redated', entityId: projectId, changes: { shift: 5, kickoffOn: { from: '2026-03-02', to: '2026-03-09' } } })
  })

  it('moves by calendar days when asked, or only the kickoff', async () => {
    const { ctx, projectId } = await setup()
    await redate(ctx, { projectId, version: 1, kickoffOn: '2026-03-04', mode: 'CALENDAR' })
    let now = await snapshot(projectId)
    expect(now.tasks.Workshop).toEqual(['2026-03-08', '2026-03-11', '2026-03-09'])
    expect(now.target).toBe('2026-03-22')
    await redate(ctx, { projectId, version: 2, kickoffOn: '2026-03-30', mode: 'KICKOFF_ONLY' })
    now = await snapshot(projectId)
    expect([now.kickoff, now.target, now.tasks.Workshop]).toEqual(['2026-03-30', '2026-03-22', ['2026-03-08', '2026-03-11', '2026-03-09']])
  })

  it('undo restores every previous date exactly, once', async () => {
    const { ctx, projectId } = await setup()
    const before = await snapshot(projectId)
    const { activityId } = await redate(ctx, { projectId, version: 1, kickoffOn: '2026-02-23', mode: 'BUSINESS' })
    expect((await snapshot(projectId)).tasks.Configure).toEqual([null, '2026-03-04', '2026-03-11'])

    const result = await undo(ctx, activityId)
    expect(result).toMatchObject({ restoredTasks: 2, restoredMilestones: 1, keptTasks: 0, kickoffRestored: true })
    expect(await snapshot(projectId)).toEqual(before)
    await expect(undo(ctx, activityId)).rejects.toMatchObject({ code: 'CONFLICT', message: 'This kickoff change was already undone.' })
    expect((await testDb.activityLog.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: 'asc' } })).map((l) => l.action)).toEqual([
      'project.redated',
      'project.redate_undone',
    ])
  })

  it('undo keeps the dates someone changed since, and says so', async () => {
    const { ctx, projectId, task } = await setup()
    const { activityId } = await redate(ctx, { projectId, version: 1, kickoffOn: '2026-03-09', mode: 'BUSINESS' })
    await testDb.task.update({ where: { id: task('Configure').id }, data: { dueOn: date('2026-03-31') } })

    const result = await undo(ctx, activityId)
    expect(result).toMatchObject({ restoredTasks: 1, keptTasks: 1, restoredMilestones: 1 })
    expect(result.message).toMatch(/1 task changed since keeps its new dates/)
    const now = await snapshot(projectId)
    expect(now.tasks.Configure).toEqual([null, '2026-03-31', '2026-03-11'])
    expect(now.tasks.Workshop).toEqual(['2026-03-06', '2026-03-09', '2026-03-09'])
    expect(now.kickoff).toBe('2026-03-02')
  })

  it('refuses to undo an older re-date, a stale version, and a kickoff that does not change', async () => {
    const { ctx, projectId } = await setup()
    const first = await redate(ctx, { projectId, version: 1, kickoffOn: '2026-03-09', mode: 'BUSINESS' })
    await redate(ctx, { projectId, version: 2, kickoffOn: '2026-03-16', mode: 'BUSINESS' })
    await expect(undo(ctx, first.activityId)).rejects.toMatchObject({ code: 'CONFLICT', message: 'The kickoff was changed again after this. Undo the later change first.' })
    await expect(redate(ctx, { projectId, version: 1, kickoffOn: '2026-03-23', mode: 'BUSINESS' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(redate(ctx, { projectId, version: 3, kickoffOn: '2026-03-16', mode: 'BUSINESS' })).rejects.toMatchObject({ code: 'INVALID', field: 'kickoffOn' })
  })

  it('refuses a sales rep, and re-dates 200 tasks in a fixed number of statements', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'MANAGER')
    const rep = await createMember(org, 'SALES')
    const tasks = Array.from({ length: 200 }, (_, i) => ({ title: `T${i}`, dueOn: `2026-04-${String((i % 28) + 1).padStart(2, '0')}` }))
    const { project } = await createTestProject(ctx, { kickoffOn: '2026-03-02', tasks })
    await expect(redate(rep.ctx, { projectId: project.id, version: 1, kickoffOn: '2026-03-09', mode: 'BUSINESS' })).rejects.toMatchObject({ code: 'NOT_FOUND' })

    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl, max: 1 }), log: [{ emit: 'event', level: 'query' }] })
    let statements = 0
    counting.$on('query', () => statements++)
    try {
      const result = await counting.$transaction((tx) => redateProject(tx, ctx, { projectId: project.id, version: 1, kickoffOn: '2026-03-09', mode: 'BUSINESS' }))
      expect(result.movedTasks).toBe(200)
    } finally {
      await counting.$disconnect()
    }
    expect(statements).toBeLessThanOrEqual(10)
    expect(await testDb.task.count({ where: { projectId: project.id, dueOn: { lt: date('2026-04-08') } } })).toBe(0)
  })
})
