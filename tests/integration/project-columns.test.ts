import { describe, expect, it } from 'vitest'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addColumn, deleteColumn, renameColumn, reorderColumns } from '@/lib/pm/columns'
import { addMilestone, followedProject, inTx, otherOrg } from '../factories/board'
import { testDb } from '../setup/db'

describe('board columns', () => {
  it('renames, adds after a column, and reorders', async () => {
    const { lead, project, column } = await followedProject()
    await inTx((tx) => renameColumn(tx, lead.ctx, { columnId: column('DOING').id, name: 'Doing' }))
    const review = await inTx((tx) => addColumn(tx, lead.ctx, { projectId: project.id, name: 'Review', kind: 'DOING', afterColumnId: column('DOING').id }))
    const names = async () => (await loadProjectBoard(testDb, lead.ctx, project.id)).columns.map((c) => c.name)
    expect(await names()).toEqual(['To do', 'Doing', 'Review', 'Blocked', 'Done'])
    await inTx((tx) => reorderColumns(tx, lead.ctx, { projectId: project.id, columnIds: [column('TODO').id, column('BLOCKED').id, column('DOING').id, review.id, column('DONE').id] }))
    expect(await names()).toEqual(['To do', 'Blocked', 'Doing', 'Review', 'Done'])
    await expect(inTx((tx) => reorderColumns(tx, lead.ctx, { projectId: project.id, columnIds: [column('TODO').id, column('DONE').id] }))).rejects.toMatchObject({ code: 'CONFLICT' })
    const log = await testDb.activityLog.findMany({ where: { entityId: project.id }, orderBy: { createdAt: 'asc' } })
    expect(log.map((l) => l.action)).toEqual(['column.renamed', 'column.added', 'column.reordered'])
  })

  it('deletes an empty column, asks where the tasks of a full one go, and moves them with the target kind’s rules', async () => {
    const { lead, project, column, tasks } = await followedProject({ tasks: [{ title: 'A', kind: 'DONE' }, { title: 'B', kind: 'DONE' }, { title: 'Open' }] })
    const milestone = await addMilestone(lead.ctx, project.id, 'M')
    await testDb.task.updateMany({ where: { id: { in: [tasks[0]!.id, tasks[1]!.id] } }, data: { milestoneId: milestone.id } })
    await testDb.milestone.update({ where: { id: milestone.id }, data: { completedAt: new Date() } })
    await inTx((tx) => deleteColumn(tx, lead.ctx, { columnId: column('BLOCKED').id }))

    const extraDone = await inTx((tx) => addColumn(tx, lead.ctx, { projectId: project.id, name: 'Shipped', kind: 'DONE' }))
    await expect(inTx((tx) => deleteColumn(tx, lead.ctx, { columnId: column('DONE').id }))).rejects.toMatchObject({ code: 'INVALID', field: 'moveToColumnId', message: '“Done” has 2 tasks: choose a column to move them to.' })
    // Moving done tasks into a To-do column reopens them (and their milestone).
    await inTx((tx) => deleteColumn(tx, lead.ctx, { columnId: column('DONE').id, moveToColumnId: column('TODO').id }))
    const board = await loadProjectBoard(testDb, lead.ctx, project.id)
    expect(board.columns.map((c) => c.name)).toEqual(['To do', 'In progress', 'Shipped'])
    expect(board.tasks.filter((t) => t.columnId === column('TODO').id).map((t) => [t.title, t.done])).toEqual([['Open', false], ['A', false], ['B', false]])
    expect((await testDb.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).completedAt).toBeNull()
    // The last Done column and the last To-do column stay.
    await expect(inTx((tx) => deleteColumn(tx, lead.ctx, { columnId: extraDone.id }))).rejects.toMatchObject({ message: expect.stringContaining('at least one Done column') })
    await expect(inTx((tx) => deleteColumn(tx, lead.ctx, { columnId: column('TODO').id, moveToColumnId: extraDone.id }))).rejects.toMatchObject({ message: expect.stringContaining('at least one To-do column') })
  })

  it('only editors change columns; other organizations get NOT_FOUND', async () => {
    const { rep, project, column } = await followedProject()
    await expect(inTx((tx) => renameColumn(tx, rep.ctx, { columnId: column('TODO').id, name: 'x' }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(inTx((tx) => addColumn(tx, rep.ctx, { projectId: project.id, name: 'x', kind: 'TODO' }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const outsider = await otherOrg()
    await expect(inTx((tx) => renameColumn(tx, outsider.ctx, { columnId: column('TODO').id, name: 'x' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(inTx((tx) => deleteColumn(tx, outsider.ctx, { columnId: column('BLOCKED').id }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(inTx((tx) => reorderColumns(tx, outsider.ctx, { projectId: project.id, columnIds: [column('TODO').id] }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
