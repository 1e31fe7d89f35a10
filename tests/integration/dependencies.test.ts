import { describe, expect, it } from 'vitest'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addDependency, removeDependency } from '@/lib/pm/dependencies'
import { getTaskDetail } from '@/lib/pm/task-detail'
import { setTaskDone } from '@/lib/pm/tasks'
import { followedProject, inTx, logsOf, otherOrg } from '../factories/board'
import { testDb } from '../setup/db'

describe('task dependencies', () => {
  it('links "A blocks B", shows it on both tasks and flags B blocked until A is done', async () => {
    const { lead, project, tasks } = await followedProject({ tasks: [{ title: 'Sign contract' }, { title: 'Kickoff' }] })
    const [a, b] = tasks.map((t) => t.id) as [string, string]
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: a, blockedId: b }))
    expect((await getTaskDetail(testDb, lead.ctx, b)).blockedBy).toEqual([{ id: a, title: 'Sign contract', done: false }])
    expect((await getTaskDetail(testDb, lead.ctx, a)).blocks).toEqual([{ id: b, title: 'Kickoff', done: false }])
    const blocked = async () => (await loadProjectBoard(testDb, lead.ctx, project.id)).tasks.find((t) => t.id === b)!.blocked
    expect(await blocked()).toBe(true)
    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: a, done: true }))
    expect(await blocked()).toBe(false)
    expect((await logsOf(b)).map((l) => l.action)).toContain('task.dependency_added')
  })

  it('rejects a cycle with a message naming every task in it, and writes nothing', async () => {
    const { lead, tasks } = await followedProject({ tasks: [{ title: 'Design' }, { title: 'Build' }, { title: 'Test' }] })
    const [design, build, test] = tasks.map((t) => t.id) as [string, string, string]
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: design, blockedId: build }))
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: build, blockedId: test }))
    await expect(inTx((tx) => addDependency(tx, lead.ctx, { blockerId: test, blockedId: design }))).rejects.toMatchObject({
      code: 'INVALID',
      field: 'blockerId',
      message: expect.stringMatching(/“Design” → “Build” → “Test” → “Design”|“Build” → “Test” → “Design” → “Build”|“Test” → “Design” → “Build” → “Test”/),
    })
    expect(await testDb.taskDependency.count()).toBe(2)
  })

  it('rejects a task blocking itself, a duplicate, and tasks of two projects', async () => {
    const first = await followedProject({ tasks: [{ title: 'One' }, { title: 'Two' }] })
    const second = await followedProject({ tasks: [{ title: 'Elsewhere' }] })
    const [one, two] = first.tasks.map((t) => t.id) as [string, string]
    await expect(inTx((tx) => addDependency(tx, first.lead.ctx, { blockerId: one, blockedId: one }))).rejects.toMatchObject({ code: 'INVALID' })
    await inTx((tx) => addDependency(tx, first.lead.ctx, { blockerId: one, blockedId: two }))
    await expect(inTx((tx) => addDependency(tx, first.lead.ctx, { blockerId: one, blockedId: two }))).rejects.toMatchObject({ code: 'CONFLICT', message: '“Two” already waits for “One”.' })
    // Same organization, different projects (second's lead is in another org: use the first org's lead on a task moved there)
    const elsewhere = await testDb.task.create({
      data: { orgId: first.org.id, projectId: (await testDb.project.create({ data: { orgId: first.org.id, name: 'Other', kickoffOn: new Date('2026-03-02T00:00:00Z') } })).id, columnId: first.column('TODO').id, title: 'Other project task', position: 1 },
    })
    await expect(inTx((tx) => addDependency(tx, first.lead.ctx, { blockerId: elsewhere.id, blockedId: two }))).rejects.toMatchObject({ code: 'INVALID', message: 'Both tasks must be in the same project.' })
    // Another organization's task: not found
    await expect(inTx((tx) => addDependency(tx, first.lead.ctx, { blockerId: second.tasks[0]!.id, blockedId: two }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.taskDependency.count()).toBe(1)
  })

  it('removes a link; sales and other organizations cannot touch links', async () => {
    const { lead, rep, tasks } = await followedProject({ tasks: [{ title: 'One' }, { title: 'Two' }] })
    const input = { blockerId: tasks[0]!.id, blockedId: tasks[1]!.id }
    await inTx((tx) => addDependency(tx, lead.ctx, input))
    await expect(inTx((tx) => removeDependency(tx, rep.ctx, input))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(inTx(async (tx) => removeDependency(tx, (await otherOrg()).ctx, input))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await inTx((tx) => removeDependency(tx, lead.ctx, input))
    expect(await testDb.taskDependency.count()).toBe(0)
    expect((await logsOf(tasks[1]!.id)).map((l) => l.action)).toEqual(['task.dependency_added', 'task.dependency_removed'])
  })
})
