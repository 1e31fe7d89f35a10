import { describe, expect, it } from 'vitest'
import { toDay } from '@/lib/dates'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addComment } from '@/lib/pm/comments'
import { getTaskDetail } from '@/lib/pm/task-detail'
import { moveTask } from '@/lib/pm/task-move'
import { isDoneLate } from '@/lib/pm/task-status'
import { createTask, deleteTask, setTaskDone, updateTask } from '@/lib/pm/tasks'
import { addChecklistItem } from '@/lib/pm/checklist'
import { addDependency } from '@/lib/pm/dependencies'
import { addMilestone, followedProject, inTx, logsOf, otherOrg } from '../factories/board'
import { testDb } from '../setup/db'

const row = (id: string) => testDb.task.findUniqueOrThrow({ where: { id } })

describe('tasks', () => {
  it('creates a task at the bottom of its column, with the first due date as baseline', async () => {
    const { lead, project, column } = await followedProject({ tasks: [{ title: 'First' }, { title: 'Second' }] })
    const created = await inTx((tx) => createTask(tx, lead.ctx, { projectId: project.id, columnId: column('TODO').id, title: 'Third', dueOn: '2026-03-20', priority: 'HIGH' }))
    const board = await loadProjectBoard(testDb, lead.ctx, project.id)
    expect(board.tasks.filter((t) => t.columnId === column('TODO').id).map((t) => t.title)).toEqual(['First', 'Second', 'Third'])
    const task = await row(created.id)
    expect(toDay(task.baselineDueOn!)).toBe('2026-03-20')
    expect(task.priority).toBe('HIGH')
    expect((await logsOf(created.id)).map((l) => l.action)).toEqual(['task.created'])
  })

  it('a task created in a Done column is complete from today', async () => {
    const { lead, project, column } = await followedProject()
    const created = await inTx((tx) => createTask(tx, lead.ctx, { projectId: project.id, columnId: column('DONE').id, title: 'Already done', priority: 'NONE' }))
    const task = await row(created.id)
    expect(task.completedAt).not.toBeNull()
    expect(task.completedOn).not.toBeNull()
  })

  it('updates fields with before/after in the audit, the estimate typed in hours stored in minutes', async () => {
    const { lead, manager, project, tasks } = await followedProject({ tasks: [{ title: 'Kickoff call' }] })
    const milestone = await addMilestone(lead.ctx, project.id, 'Kickoff')
    const id = tasks[0]!.id
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, title: 'Kickoff call with IT', assigneeId: manager.user.id, estimateHours: 1.5, priority: 'URGENT', milestoneId: milestone.id, description: '**Agenda**' }))
    const task = await row(id)
    expect(task).toMatchObject({ title: 'Kickoff call with IT', assigneeId: manager.user.id, estimateMinutes: 90, priority: 'URGENT', milestoneId: milestone.id, description: '**Agenda**' })
    const log = (await logsOf(id)).find((l) => l.action === 'task.updated')!
    expect(log.changes).toMatchObject({
      title: { from: 'Kickoff call', to: 'Kickoff call with IT' },
      assignee: { from: null, to: 'Max Manager' },
      estimateMinutes: { from: null, to: 90 },
      priority: { from: 'NONE', to: 'URGENT' },
      milestone: { from: null, to: 'Kickoff' },
    })
    // Clearing the estimate and the assignee
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, estimateHours: null, assigneeId: null }))
    expect(await row(id)).toMatchObject({ estimateMinutes: null, assigneeId: null })
  })

  it('refuses a start after the due date with a message next to the field edited', async () => {
    const { lead, tasks } = await followedProject({ tasks: [{ title: 'Configure', dueOn: '2026-03-10' }] })
    const id = tasks[0]!.id
    await expect(inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, startOn: '2026-03-12' }))).rejects.toMatchObject({
      code: 'INVALID',
      field: 'startOn',
      message: 'The start date must be on or before the due date (Mar 10, 2026).',
    })
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, startOn: '2026-03-09' }))
    await expect(inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, dueOn: '2026-03-08' }))).rejects.toMatchObject({ code: 'INVALID', field: 'dueOn' })
  })

  it('sets the baseline with the first due date and never moves it again', async () => {
    const { lead, project, column } = await followedProject()
    const { id } = await inTx((tx) => createTask(tx, lead.ctx, { projectId: project.id, columnId: column('TODO').id, title: 'No date yet', priority: 'NONE' }))
    expect((await row(id)).baselineDueOn).toBeNull()
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, dueOn: '2026-03-10' }))
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, dueOn: '2026-03-17' }))
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, dueOn: null }))
    const task = await row(id)
    expect(task.dueOn).toBeNull()
    expect(toDay(task.baselineDueOn!)).toBe('2026-03-10')
  })

  it('remembers lateness: done after the baseline stays late when the due date is moved later', async () => {
    const { lead, tasks } = await followedProject({ tasks: [{ title: 'Train admins', dueOn: '2026-01-05' }] })
    const id = tasks[0]!.id
    await inTx((tx) => setTaskDone(tx, lead.ctx, { taskId: id, done: true }))
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, dueOn: '2099-12-31' }))
    const task = await row(id)
    expect(toDay(task.dueOn!)).toBe('2099-12-31')
    expect(toDay(task.baselineDueOn!)).toBe('2026-01-05')
    const dates = { completedOn: toDay(task.completedOn!), baselineDueOn: toDay(task.baselineDueOn!) }
    expect(isDoneLate(dates)).toBe(true)
    const detail = await getTaskDetail(testDb, lead.ctx, id)
    expect(detail).toMatchObject({ done: true, doneLate: true, overdue: false })
  })

  it('assigns only people who can see the project', async () => {
    const { lead, rep, stranger, tasks } = await followedProject({ tasks: [{ title: 'Intro call' }] })
    const id = tasks[0]!.id
    const outsider = await otherOrg()
    await expect(inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, assigneeId: outsider.user.id }))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'assigneeId' })
    await expect(inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, assigneeId: stranger.user.id }))).rejects.toMatchObject({ code: 'INVALID', field: 'assigneeId' })
    await inTx((tx) => updateTask(tx, lead.ctx, { taskId: id, assigneeId: rep.user.id }))
    expect((await row(id)).assigneeId).toBe(rep.user.id)
  })

  it('deletes a task with its checklist and dependencies, and logs it', async () => {
    const { lead, tasks } = await followedProject({ tasks: [{ title: 'A' }, { title: 'B' }] })
    await inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: tasks[0]!.id, title: 'Item' }))
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: tasks[0]!.id, blockedId: tasks[1]!.id }))
    await inTx((tx) => deleteTask(tx, lead.ctx, { taskId: tasks[0]!.id }))
    expect(await testDb.task.count({ where: { id: tasks[0]!.id } })).toBe(0)
    expect(await testDb.checklistItem.count()).toBe(0)
    expect(await testDb.taskDependency.count()).toBe(0)
    expect((await logsOf(tasks[0]!.id)).map((l) => l.action)).toContain('task.deleted')
  })

  describe('who may do what', () => {
    it('delivery, managers and admins change tasks', async () => {
      const setup = await followedProject({ tasks: [{ title: 'Shared' }] })
      const id = setup.tasks[0]!.id
      for (const member of [setup.lead, setup.manager, setup.admin]) {
        const { version } = await row(id)
        await inTx((tx) => updateTask(tx, member.ctx, { taskId: id, title: `By ${member.user.name}` }))
        await inTx((tx) => moveTask(tx, member.ctx, { taskId: id, toColumnId: setup.column('DOING').id, version }))
        await inTx((tx) => setTaskDone(tx, member.ctx, { taskId: id, done: false }))
      }
      expect((await row(id)).title).toBe('By Ada Admin')
    })

    it('a sales rep following the project reads and comments, but cannot change tasks', async () => {
      const { rep, project, column, tasks } = await followedProject({ tasks: [{ title: 'Visible' }] })
      const id = tasks[0]!.id
      const board = await loadProjectBoard(testDb, rep.ctx, project.id)
      expect(board.tasks.map((t) => t.title)).toEqual(['Visible'])
      expect(board.canEdit).toBe(false)
      expect((await getTaskDetail(testDb, rep.ctx, id)).canEdit).toBe(false)
      await inTx((tx) => addComment(tx, rep.ctx, { taskId: id, body: 'Customer asked about this' }))
      const forbidden = { code: 'FORBIDDEN' }
      await expect(inTx((tx) => moveTask(tx, rep.ctx, { taskId: id, toColumnId: column('DOING').id, version: 1 }))).rejects.toMatchObject(forbidden)
      await expect(inTx((tx) => updateTask(tx, rep.ctx, { taskId: id, title: 'Mine now' }))).rejects.toMatchObject(forbidden)
      await expect(inTx((tx) => deleteTask(tx, rep.ctx, { taskId: id }))).rejects.toMatchObject(forbidden)
      await expect(inTx((tx) => setTaskDone(tx, rep.ctx, { taskId: id, done: true }))).rejects.toMatchObject(forbidden)
      await expect(inTx((tx) => createTask(tx, rep.ctx, { projectId: project.id, columnId: column('TODO').id, title: 'New', priority: 'NONE' }))).rejects.toMatchObject(forbidden)
      await expect(inTx((tx) => addChecklistItem(tx, rep.ctx, { taskId: id, title: 'x' }))).rejects.toMatchObject(forbidden)
      expect((await row(id)).title).toBe('Visible')
    })

    it('a sales rep may complete a task assigned to them (their deal-owner task)', async () => {
      const { rep, tasks } = await followedProject({ tasks: [{ title: 'Introduce the team' }] })
      const id = tasks[0]!.id
      await testDb.task.update({ where: { id }, data: { assigneeId: rep.user.id } })
      const moved = await inTx((tx) => setTaskDone(tx, rep.ctx, { taskId: id, done: true }))
      expect(moved.done).toBe(true)
    })

    it('a sales rep not owning the deal gets NOT_FOUND, as for a missing task', async () => {
      const { stranger, project, column, tasks } = await followedProject({ tasks: [{ title: 'Hidden' }] })
      const id = tasks[0]!.id
      const notFound = { code: 'NOT_FOUND' }
      await expect(loadProjectBoard(testDb, stranger.ctx, project.id)).rejects.toMatchObject(notFound)
      await expect(getTaskDetail(testDb, stranger.ctx, id)).rejects.toMatchObject(notFound)
      await expect(inTx((tx) => addComment(tx, stranger.ctx, { taskId: id, body: 'Hi' }))).rejects.toMatchObject(notFound)
      await expect(inTx((tx) => moveTask(tx, stranger.ctx, { taskId: id, toColumnId: column('DOING').id, version: 1 }))).rejects.toMatchObject(notFound)
      await expect(inTx((tx) => updateTask(tx, stranger.ctx, { taskId: id, title: 'x' }))).rejects.toMatchObject(notFound)
      await expect(inTx((tx) => setTaskDone(tx, stranger.ctx, { taskId: id, done: true }))).rejects.toMatchObject(notFound)
    })

    it("another organization's task, project and column ids are NOT_FOUND for every action", async () => {
      const { project, column, tasks } = await followedProject({ tasks: [{ title: 'Theirs' }, { title: 'Theirs too' }] })
      const outsider = await otherOrg()
      const id = tasks[0]!.id
      const notFound = { code: 'NOT_FOUND' }
      const attempts = [
        () => loadProjectBoard(testDb, outsider.ctx, project.id),
        () => getTaskDetail(testDb, outsider.ctx, id),
        () => inTx((tx) => createTask(tx, outsider.ctx, { projectId: project.id, columnId: column('TODO').id, title: 'x', priority: 'NONE' })),
        () => inTx((tx) => updateTask(tx, outsider.ctx, { taskId: id, title: 'x' })),
        () => inTx((tx) => deleteTask(tx, outsider.ctx, { taskId: id })),
        () => inTx((tx) => moveTask(tx, outsider.ctx, { taskId: id, toColumnId: column('DOING').id, version: 1 })),
        () => inTx((tx) => setTaskDone(tx, outsider.ctx, { taskId: id, done: true })),
        () => inTx((tx) => addComment(tx, outsider.ctx, { taskId: id, body: 'x' })),
        () => inTx((tx) => addChecklistItem(tx, outsider.ctx, { taskId: id, title: 'x' })),
        () => inTx((tx) => addDependency(tx, outsider.ctx, { blockerId: id, blockedId: tasks[1]!.id })),
      ]
      for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(notFound)
      expect((await row(id)).title).toBe('Theirs')
    })
  })
})
