import { describe, expect, it } from 'vitest'
import { addChecklistItem, listChecklist, removeChecklistItem, renameChecklistItem, reorderChecklist, toggleChecklistItem } from '@/lib/pm/checklist'
import { followedProject, inTx, logsOf, otherOrg } from '../factories/board'
import { testDb } from '../setup/db'

describe('task checklists', () => {
  it('adds, renames, ticks, reorders and removes items, each in the task history', async () => {
    const { lead, tasks } = await followedProject({ tasks: [{ title: 'Set up SSO' }] })
    const id = tasks[0]!.id
    const added: Awaited<ReturnType<typeof addChecklistItem>>[] = []
    for (const title of ['Get metadata', 'Upload certificate', 'Test login']) added.push(await inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: id, title })))
    await inTx((tx) => renameChecklistItem(tx, lead.ctx, { itemId: added[1]!.id, title: 'Upload the certificate' }))
    await inTx((tx) => toggleChecklistItem(tx, lead.ctx, { itemId: added[0]!.id, done: true }))
    const reordered = await inTx((tx) => reorderChecklist(tx, lead.ctx, { taskId: id, itemIds: [added[2]!.id, added[0]!.id, added[1]!.id] }))
    expect(reordered.map((i) => [i.title, i.done])).toEqual([['Test login', false], ['Get metadata', true], ['Upload the certificate', false]])
    await inTx((tx) => removeChecklistItem(tx, lead.ctx, { itemId: added[2]!.id }))
    expect((await listChecklist(testDb, lead.ctx, id)).map((i) => i.title)).toEqual(['Get metadata', 'Upload the certificate'])
    expect((await logsOf(id)).map((l) => l.action)).toEqual([
      'task.checklist_added',
      'task.checklist_added',
      'task.checklist_added',
      'task.checklist_renamed',
      'task.checklist_checked',
      'task.checklist_reordered',
      'task.checklist_removed',
    ])
  })

  it('sales cannot tick items; other organizations get NOT_FOUND', async () => {
    const { lead, rep, tasks } = await followedProject({ tasks: [{ title: 'T' }] })
    const item = await inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: tasks[0]!.id, title: 'Item' }))
    await expect(inTx((tx) => toggleChecklistItem(tx, rep.ctx, { itemId: item.id, done: true }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const outsider = await otherOrg()
    await expect(inTx((tx) => toggleChecklistItem(tx, outsider.ctx, { itemId: item.id, done: true }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(inTx((tx) => removeChecklistItem(tx, outsider.ctx, { itemId: item.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
