import { describe, expect, it } from 'vitest'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { addChecklistItem, removeChecklistItem, renameChecklistItem, reorderChecklist, toggleChecklistItem } from '@/lib/pm/checklist'
import { addComment, deleteComment, editComment } from '@/lib/pm/comments'
import { deleteTask } from '@/lib/pm/tasks'
import { followedProject, inTx } from '../factories/board'
import { testDb } from '../setup/db'

// task_card_counts is kept by triggers on checklist_item and task_comment (migration
// 20261203080000_task_card_counts, ADR 0017): after any write through the services or straight
// SQL it must equal what the checklist items and comments say, and the board's cards show it.

async function expectInStep(projectId: string) {
  const kept = await testDb.$queryRaw<{ task_id: string; total: number; done: number; comments: number }[]>`
    SELECT task_id::text, checklist_total AS total, checklist_done AS done, comments FROM task_card_counts
    WHERE project_id = ${projectId}::uuid AND (checklist_total <> 0 OR comments <> 0) ORDER BY 1`
  const counted = await testDb.$queryRaw<typeof kept>`
    SELECT t.id::text AS task_id,
      (SELECT count(*) FROM checklist_item ci WHERE ci.task_id = t.id)::int AS total,
      (SELECT count(*) FROM checklist_item ci WHERE ci.task_id = t.id AND ci.done_at IS NOT NULL)::int AS done,
      (SELECT count(*) FROM task_comment c WHERE c.task_id = t.id)::int AS comments
    FROM task t WHERE t.project_id = ${projectId}::uuid
      AND (EXISTS (SELECT 1 FROM checklist_item ci WHERE ci.task_id = t.id) OR EXISTS (SELECT 1 FROM task_comment c WHERE c.task_id = t.id))
    ORDER BY 1`
  expect(kept).toEqual(counted)
}

async function badges(ctx: Parameters<typeof loadProjectBoard>[1], projectId: string) {
  const board = await loadProjectBoard(testDb, ctx, projectId)
  return Object.fromEntries(board.tasks.map((t) => [t.title, [t.checklist.done, t.checklist.total, t.comments]]))
}

describe('task card counts (kept by triggers)', () => {
  it('follow checklist items added, ticked, renamed, reordered and removed, and comments added, edited and deleted', async () => {
    const { lead, project, tasks } = await followedProject({ tasks: [{ title: 'SSO' }, { title: 'Import' }] })
    const [sso, data] = [tasks[0]!.id, tasks[1]!.id]
    const items: { id: string }[] = []
    for (const title of ['Metadata', 'Certificate', 'Test login']) items.push(await inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: sso, title })))
    await inTx((tx) => toggleChecklistItem(tx, lead.ctx, { itemId: items[0]!.id, done: true }))
    await inTx((tx) => toggleChecklistItem(tx, lead.ctx, { itemId: items[1]!.id, done: true }))
    const comment = await inTx((tx) => addComment(tx, lead.ctx, { taskId: data, body: 'Waiting for the file' }))
    await inTx((tx) => addComment(tx, lead.ctx, { taskId: data, body: 'Got it' }))
    expect(await badges(lead.ctx, project.id)).toEqual({ SSO: [2, 3, 0], Import: [0, 0, 2] })

    // a rename, a reorder and an edit change no count
    await inTx((tx) => renameChecklistItem(tx, lead.ctx, { itemId: items[2]!.id, title: 'Test the login' }))
    await inTx((tx) => reorderChecklist(tx, lead.ctx, { taskId: sso, itemIds: [items[2]!.id, items[0]!.id, items[1]!.id] }))
    await inTx((tx) => editComment(tx, lead.ctx, { commentId: comment.id, body: 'Waiting for the CSV' }))
    expect(await badges(lead.ctx, project.id)).toEqual({ SSO: [2, 3, 0], Import: [0, 0, 2] })

    await inTx((tx) => toggleChecklistItem(tx, lead.ctx, { itemId: items[0]!.id, done: false }))
    await inTx((tx) => removeChecklistItem(tx, lead.ctx, { itemId: items[1]!.id }))
    await inTx((tx) => deleteComment(tx, lead.ctx, { commentId: comment.id }))
    expect(await badges(lead.ctx, project.id)).toEqual({ SSO: [0, 2, 0], Import: [0, 0, 1] })
    await expectInStep(project.id)
  })

  it('follow statements that touch many tasks at once, moves between tasks, and tasks deleted with their items', async () => {
    const { lead, project, tasks } = await followedProject({ tasks: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] })
    const [a, b, c] = tasks.map((t) => t.id)
    await testDb.$executeRaw`
      INSERT INTO checklist_item (id, org_id, task_id, title, position, done_at)
      SELECT gen_random_uuid(), t.org_id, t.id, 'Item ' || n, n, CASE WHEN n % 2 = 0 THEN now() END
      FROM task t CROSS JOIN generate_series(1, 4) n WHERE t.project_id = ${project.id}::uuid`
    await testDb.$executeRaw`
      INSERT INTO task_comment (id, org_id, task_id, body) SELECT gen_random_uuid(), t.org_id, t.id, 'Hi' FROM task t WHERE t.project_id = ${project.id}::uuid`
    expect(await badges(lead.ctx, project.id)).toEqual({ A: [2, 4, 1], B: [2, 4, 1], C: [2, 4, 1] })

    // every item of A goes to B, all ticked; C's comments go to A
    await testDb.$executeRaw`UPDATE checklist_item SET task_id = ${b}::uuid, done_at = now() WHERE task_id = ${a}::uuid`
    await testDb.$executeRaw`UPDATE task_comment SET task_id = ${a}::uuid WHERE task_id = ${c}::uuid`
    expect(await badges(lead.ctx, project.id)).toEqual({ A: [0, 0, 2], B: [6, 8, 1], C: [2, 4, 0] })

    await inTx((tx) => deleteTask(tx, lead.ctx, { taskId: b! }))
    await testDb.$executeRaw`DELETE FROM checklist_item WHERE task_id = ${c}::uuid AND done_at IS NULL`
    expect(await badges(lead.ctx, project.id)).toEqual({ A: [0, 0, 2], C: [2, 2, 0] })
    await expectInStep(project.id)
  })

  it('two people ticking items of the same task at once both count', async () => {
    const { lead, manager, project, tasks } = await followedProject({ tasks: [{ title: 'Launch' }] })
    const items: { id: string }[] = []
    for (let i = 0; i < 6; i++) items.push(await inTx((tx) => addChecklistItem(tx, lead.ctx, { taskId: tasks[0]!.id, title: `Step ${i}` })))
    await Promise.all(items.map((item, i) => inTx((tx) => toggleChecklistItem(tx, i % 2 ? lead.ctx : manager.ctx, { itemId: item.id, done: true }))))
    expect(await badges(lead.ctx, project.id)).toEqual({ Launch: [6, 6, 0] })
    await expectInStep(project.id)
  })
})
