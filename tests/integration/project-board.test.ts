import { describe, expect, it } from 'vitest'
import { todayIn, addDays } from '@/lib/dates'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addChecklistItem, toggleChecklistItem } from '@/lib/pm/checklist'
import { addComment } from '@/lib/pm/comments'
import { addDependency } from '@/lib/pm/dependencies'
import { getTaskDetail } from '@/lib/pm/task-detail'
import { addMilestone, followedProject, inTx } from '../factories/board'
import { testDb } from '../setup/db'

describe('project board', () => {
  it('shows each card with its assignee, due date, overdue and blocked flags, checklist progress, milestone and comment count', async () => {
    const today = todayIn('Europe/Berlin')
    const { lead, project, column, tasks } = await followedProject({
      tasks: [{ title: 'Overdue', dueOn: addDays(today, -1) }, { title: 'Due today', dueOn: today }, { title: 'Done late', dueOn: addDays(today, -3), kind: 'DONE' }],
    })
    const [overdue, dueToday, doneLate] = tasks.map((t) => t.id) as [string, string, string]
    const milestone = await addMilestone(lead.ctx, project.id, 'Go-live')
    await testDb.task.update({ where: { id: overdue }, data: { assigneeId: lead.user.id, milestoneId: milestone.id, priority: 'HIGH' } })
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: overdue, blockedId: dueToday }))
    await inTx((tx) => addDependency(tx, lead.ctx, { blockerId: doneLate, blockedId: overdue }))
    const items = await Promise.all(['One', 'Two', 'Three'].map((title) => inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: overdue, title }))))
    await inTx((tx) => toggleChecklistItem(tx, lead.ctx, { itemId: items[0]!.id, done: true }))
    await inTx((tx) => addComment(tx, lead.ctx, { taskId: overdue, body: 'First' }))

    const board = await loadProjectBoard(testDb, lead.ctx, project.id)
    expect(board.columns.map((c) => [c.name, c.kind])).toEqual([['To do', 'TODO'], ['In progress', 'DOING'], ['Blocked', 'BLOCKED'], ['Done', 'DONE']])
    const card = (id: string) => board.tasks.find((t) => t.id === id)!
    expect(card(overdue)).toMatchObject({
      title: 'Overdue',
      columnId: column('TODO').id,
      assignee: { id: lead.user.id, name: 'Dana Lead' },
      overdue: true,
      blocked: false, // its blocker is done
      checklist: { done: 1, total: 3 },
      milestone: { id: milestone.id, name: 'Go-live' },
      priority: 'HIGH',
      comments: 1,
    })
    expect(card(dueToday)).toMatchObject({ overdue: false, blocked: true, checklist: { done: 0, total: 0 } })
    expect(card(doneLate)).toMatchObject({ done: true, overdue: false })
    expect(board.milestones).toEqual([{ id: milestone.id, name: 'Go-live', dueOn: '2026-04-01', done: false }])
    expect(board.canEdit).toBe(true)
    // who a task can go to or a comment can mention comes with the task's detail (the drawer)
    expect((await getTaskDetail(testDb, lead.ctx, overdue)).people.map((p) => p.name)).toEqual(['Ada Admin', 'Dana Lead', 'Max Manager', 'Sam Rep'])
  })

  it('filters by assignee (me, unassigned, a person), overdue only and milestone', async () => {
    const today = todayIn('Europe/Berlin')
    const { lead, manager, project, tasks } = await followedProject({
      tasks: [{ title: 'Mine late', dueOn: addDays(today, -2) }, { title: 'Manager later', dueOn: addDays(today, 5) }, { title: 'Nobody' }, { title: 'Mine done late', dueOn: addDays(today, -2), kind: 'DONE' }],
    })
    const milestone = await addMilestone(lead.ctx, project.id, 'Config')
    await testDb.task.update({ where: { id: tasks[0]!.id }, data: { assigneeId: lead.user.id, milestoneId: milestone.id } })
    await testDb.task.update({ where: { id: tasks[1]!.id }, data: { assigneeId: manager.user.id } })
    await testDb.task.update({ where: { id: tasks[3]!.id }, data: { assigneeId: lead.user.id } })
    const titles = async (filters: Parameters<typeof loadProjectBoard>[3]) => (await loadProjectBoard(testDb, lead.ctx, project.id, filters)).tasks.map((t) => t.title).sort()

    expect(await titles({ assignee: 'me' })).toEqual(['Mine done late', 'Mine late'])
    expect(await titles({ assignee: 'unassigned' })).toEqual(['Nobody'])
    expect(await titles({ assignee: manager.user.id })).toEqual(['Manager later'])
    expect(await titles({ overdue: true })).toEqual(['Mine late'])
    expect(await titles({ milestone: milestone.id })).toEqual(['Mine late'])
    expect(await titles({ milestone: 'none' })).toEqual(['Manager later', 'Mine done late', 'Nobody'])
    expect(await titles({ assignee: 'me', overdue: true })).toEqual(['Mine late'])
    const filtered = await loadProjectBoard(testDb, lead.ctx, project.id, { assignee: 'me' })
    expect(filtered.totalTasks).toBe(4)
  })

  it('the assignee filter lists the people with tasks on the project, filtered or not, and the one chosen', async () => {
    const { lead, manager, stranger, project, tasks } = await followedProject({ tasks: [{ title: 'Lead task' }, { title: 'Manager task' }, { title: 'Nobody' }] })
    await testDb.task.update({ where: { id: tasks[0]!.id }, data: { assigneeId: lead.user.id } })
    await testDb.task.update({ where: { id: tasks[1]!.id }, data: { assigneeId: manager.user.id } })
    const assignees = async (filters: Parameters<typeof loadProjectBoard>[3]) => (await loadProjectBoard(testDb, lead.ctx, project.id, filters)).assignees.map((p) => p.name)

    expect(await assignees({})).toEqual(['Dana Lead', 'Max Manager'])
    // A filtered board draws some cards but lists everyone with tasks, so the filter can switch.
    expect(await assignees({ assignee: 'me' })).toEqual(['Dana Lead', 'Max Manager'])
    expect(await assignees({ assignee: 'unassigned' })).toEqual(['Dana Lead', 'Max Manager'])

    await testDb.task.update({ where: { id: tasks[1]!.id }, data: { assigneeId: null } })
    expect(await assignees({})).toEqual(['Dana Lead'])
    // Filtered by someone whose last task went elsewhere: they stay in the list, so the choice shows.
    expect(await assignees({ assignee: manager.user.id })).toEqual(['Dana Lead', 'Max Manager'])
    // ...but not someone who cannot read the project (a sales colleague's id in a hand-made link)
    expect(await assignees({ assignee: stranger.user.id })).toEqual(['Dana Lead'])
  })

  it('a sales rep following the project sees it read-only; people include only those who can read it', async () => {
    const { rep, project, tasks } = await followedProject({ tasks: [{ title: 'Visible' }] })
    const board = await loadProjectBoard(testDb, rep.ctx, project.id)
    expect(board.canEdit).toBe(false)
    const people = (await getTaskDetail(testDb, rep.ctx, tasks[0]!.id)).people.map((p) => p.name)
    expect(people).toContain('Sam Rep')
    expect(people).not.toContain('Sid Other')
  })
})
