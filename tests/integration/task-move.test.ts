import { afterEach, describe, expect, it, vi } from 'vitest'
import { toDay } from '@/lib/dates'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addDependency } from '@/lib/pm/dependencies'
import { moveTask } from '@/lib/pm/task-move'
import { setTaskDone, updateTask } from '@/lib/pm/tasks'
import { addMilestone, followedProject, inTx, logsOf } from '../factories/board'
import { testDb } from '../setup/db'

const row = (id: string) => testDb.task.findUniqueOrThrow({ where: { id } })
const version = async (id: string) => (await row(id)).version

afterEach(() => {
  vi.useRealTimers()
})

describe('moving a task', () => {
  it('refuses the second of two moves made from the same version', async () => {
    const { lead, manager, column, tasks } = await followedProject({ tasks: [{ title: 'Contended' }] })
    const id = tasks[0]!.id
    const seen = await version(id)
    const first = await inTx((tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('DOING').id, version: seen }))
    expect(first.version).toBe(seen + 1)
    await expect(inTx((tx) => moveTask(tx, manager.ctx, { taskId: id, toColumnId: column('BLOCKED').id, version: seen }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Someone else moved this task; the board was refreshed.',
    })
    expect((await row(id)).columnId).toBe(column('DOING').id)
  })

  it('lets exactly one of two simultaneous moves from the same version through', async () => {
    const { lead, manager, column, tasks } = await followedProject({ tasks: [{ title: 'Raced' }] })
    const id = tasks[0]!.id
    const seen = await version(id)
    const results = await Promise.allSettled([
      inTx((tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('DOING').id, version: seen })),
      inTx((tx) => moveTask(tx, manager.ctx, { taskId: id, toColumnId: column('DONE').id, version: seen })),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } })
    expect((await row(id)).version).toBe(seen + 1)
    expect((await logsOf(id)).filter((l) => l.action === 'task.moved')).toHaveLength(1)
  })

  it('refuses to start or complete a blocked task, naming its open blockers, unless overridden (logged)', async () => {
    const { lead, column, tasks } = await followedProject({ tasks: [{ title: 'Sign the DPA' }, { title: 'Collect SSO metadata' }, { title: 'Configure SSO' }] })
    const [dpa, metadata, sso] = tasks.map((t) => t.id) as [string, string, string]
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: dpa, blockedId: sso }))
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: metadata, blockedId: sso }))

    await expect(inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: sso, toColumnId: column('DOING').id, version: await version(sso) }))).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'blockers',
      message: '“Configure SSO” cannot be started: it waits for “Sign the DPA” and “Collect SSO metadata”, which are not done yet.',
    })
    await expect(inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: sso, toColumnId: column('DONE').id, version: await version(sso) }))).rejects.toMatchObject({
      field: 'blockers',
      message: expect.stringContaining('cannot be completed'),
    })
    // A Blocked column is not refused, and neither is anything once the blockers are done.
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: sso, toColumnId: column('BLOCKED').id, version: await version(sso) }))
    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: dpa, done: true }))
    await expect(inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: sso, toColumnId: column('DOING').id, version: await version(sso) }))).rejects.toMatchObject({
      message: '“Configure SSO” cannot be started: it waits for “Collect SSO metadata”, which is not done yet.',
    })
    expect((await row(sso)).columnId).toBe(column('BLOCKED').id)

    const moved = await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: sso, toColumnId: column('DOING').id, version: await version(sso), override: true }))
    expect(moved.columnId).toBe(column('DOING').id)
    const overridden = (await logsOf(sso)).filter((l) => l.action === 'task.block_overridden')
    expect(overridden).toHaveLength(1)
    expect(overridden[0]!.changes).toMatchObject({ blockers: ['Collect SSO metadata'], kind: 'DOING' })
    expect(overridden[0]!.actorId).toBe(lead.user.id)
  })

  it('completing sets completedOn to today in the organization time zone; reopening clears it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-10T23:30:00Z')) // already March 11 in Berlin
    const { lead, column, tasks } = await followedProject({ timeZone: 'Europe/Berlin', tasks: [{ title: 'Go live', dueOn: '2026-03-10' }] })
    const id = tasks[0]!.id
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('DONE').id, version: await version(id) }))
    let task = await row(id)
    expect(toDay(task.completedOn!)).toBe('2026-03-11')
    expect(task.completedAt!.toISOString()).toBe('2026-03-10T23:30:00.000Z')
    // Late: done on the 11th, baseline the 10th
    expect(toDay(task.completedOn!) > toDay(task.baselineDueOn!)).toBe(true)

    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('TODO').id, version: await version(id) }))
    task = await row(id)
    expect(task.completedAt).toBeNull()
    expect(task.completedOn).toBeNull()
  })

  it('the first move into progress sets startedAt, which later moves keep', async () => {
    const { lead, column, tasks } = await followedProject({ tasks: [{ title: 'Import data' }] })
    const id = tasks[0]!.id
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('DOING').id, version: await version(id) }))
    const started = (await row(id)).startedAt
    expect(started).not.toBeNull()
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('TODO').id, version: await version(id) }))
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: id, toColumnId: column('DOING').id, version: await version(id) }))
    expect((await row(id)).startedAt).toEqual(started)
  })

  it('completes a milestone when all its tasks are done and reopens it when one reopens', async () => {
    const { lead, project, column, tasks } = await followedProject({ tasks: [{ title: 'Kickoff call' }, { title: 'Send agenda' }, { title: 'Unrelated' }] })
    const milestone = await addMilestone(lead.ctx, project.id, 'Kickoff')
    await testDb.task.updateMany({ where: { id: { in: [tasks[0]!.id, tasks[1]!.id] } }, data: { milestoneId: milestone.id } })
    const completedAt = async () => (await testDb.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedAt

    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: tasks[0]!.id, done: true }))
    expect(await completedAt()).toBeNull()
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: tasks[1]!.id, toColumnId: column('DONE').id, version: await version(tasks[1]!.id) }))
    expect(await completedAt()).not.toBeNull()
    expect((await logsOf(milestone.id)).map((l) => l.action)).toEqual(['milestone.completed'])

    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: tasks[0]!.id, done: false }))
    expect(await completedAt()).toBeNull()
    // Moving an open task into the milestone keeps it open; moving it out again completes it.
    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: tasks[0]!.id, done: true }))
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: tasks[2]!.id, milestoneId: milestone.id }))
    expect(await completedAt()).toBeNull()
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: tasks[2]!.id, milestoneId: null }))
    expect(await completedAt()).not.toBeNull()
    expect((await logsOf(milestone.id)).map((l) => l.action)).toEqual(['milestone.completed', 'milestone.reopened', 'milestone.completed', 'milestone.reopened', 'milestone.completed'])
  })

  it('places a card between the cards it was dropped between, and renumbers a column whose gaps got too small', async () => {
    const { lead, project, column, tasks } = await followedProject({ tasks: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] })
    const [a, b, c] = tasks.map((t) => t.id) as [string, string, string]
    const titles = async (kind: 'TODO' | 'DOING') => (await loadProjectBoard(testDb, lead.ctx, project.id)).tasks.filter((t) => t.columnId === column(kind).id).map((t) => t.title)

    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: c, toColumnId: column('TODO').id, afterId: a, beforeId: b, version: await version(c) }))
    expect(await titles('TODO')).toEqual(['A', 'C', 'B'])
    // Only one neighbour known (a swimlane shows part of a column): between it and the next card.
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: b, toColumnId: column('TODO').id, beforeId: c, version: await version(b) }))
    expect(await titles('TODO')).toEqual(['A', 'B', 'C'])
    // No neighbour: on top of the column.
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: c, toColumnId: column('DOING').id, version: await version(c) }))
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: a, toColumnId: column('DOING').id, version: await version(a) }))
    expect(await titles('DOING')).toEqual(['A', 'C'])

    // Squeeze: two neighbours 1e-7 apart force a renumbering; the order survives.
    await testDb.task.update({ where: { id: a }, data: { position: 1 } })
    await testDb.task.update({ where: { id: c }, data: { position: 1 + 1e-7 } })
    await inTx(async (tx) => moveTask(tx, lead.ctx, { taskId: b, toColumnId: column('DOING').id, afterId: a, beforeId: c, version: await version(b) }))
    expect(await titles('DOING')).toEqual(['A', 'B', 'C'])
    const positions = (await testDb.task.findMany({ where: { columnId: column('DOING').id }, orderBy: { position: 'asc' } })).map((t) => t.position)
    expect(positions[1]! - positions[0]!).toBeGreaterThan(1)
  })

  it('refuses a column of another project', async () => {
    const first = await followedProject({ tasks: [{ title: 'Mine' }] })
    const second = await followedProject()
    const id = first.tasks[0]!.id
    await expect(inTx(async (tx) => moveTask(tx, first.lead.ctx, { taskId: id, toColumnId: second.column('DOING').id, version: await version(id) }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
