import { describe, expect, it } from 'vitest'
import { addComment, deleteComment, editComment, listComments } from '@/lib/pm/comments'
import { followedProject, inTx, logsOf, otherOrg } from '../factories/board'
import { testDb } from '../setup/db'

const notificationsOf = (userId: string) => testDb.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })

describe('task comments', () => {
  it('notifies the people a comment mentions, not the author, with a link that opens the task', async () => {
    const { org, lead, manager, rep, stranger, project, tasks } = await followedProject({ tasks: [{ title: 'Configure SSO' }] })
    const id = tasks[0]!.id
    const comment = await inTx((tx) =>
      addComment(tx, lead.ctx, { taskId: id, body: '@Max Manager can you approve? @sam rep FYI. @Dana Lead note to self. @Sid Other cannot see this.' }),
    )
    expect(comment.mentions.map((m) => m.name)).toEqual(['Max Manager', 'Sam Rep', 'Dana Lead'])
    const [toManager] = await notificationsOf(manager.user.id)
    expect(toManager).toMatchObject({
      kind: 'mention',
      title: 'Dana Lead mentioned you on “Configure SSO”',
      href: `/${org.slug}/projects/${project.id}?task=${id}`,
    })
    expect(await notificationsOf(rep.user.id)).toHaveLength(1)
    expect(await notificationsOf(lead.user.id)).toHaveLength(0)
    // Sid is a sales rep who does not follow this project: not mentionable
    expect(await notificationsOf(stranger.user.id)).toHaveLength(0)
    expect((await logsOf(id)).find((l) => l.action === 'task.commented')!.changes).toMatchObject({ mentioned: ['Max Manager', 'Sam Rep', 'Dana Lead'] })
  })

  it('a longer name wins and a name must end at a word boundary', async () => {
    const { lead, admin, tasks } = await followedProject({ tasks: [{ title: 'T' }] })
    await testDb.user.update({ where: { id: admin.user.id }, data: { name: 'Max' } })
    const comment = await inTx((tx) => addComment(tx, lead.ctx, { taskId: tasks[0]!.id, body: 'Thanks @Max Manager! @Maxwell is not a person.' }))
    expect(comment.mentions.map((m) => m.name)).toEqual(['Max Manager'])
    expect(await notificationsOf(admin.user.id)).toHaveLength(0)
  })

  it('an edit notifies only people newly mentioned; only the author edits or deletes', async () => {
    const { lead, manager, admin, rep, tasks } = await followedProject({ tasks: [{ title: 'Import' }] })
    const id = tasks[0]!.id
    const comment = await inTx((tx) => addComment(tx, lead.ctx, { taskId: id, body: 'Ping @Max Manager' }))
    await inTx((tx) => editComment(tx, lead.ctx, { commentId: comment.id, body: 'Ping @Max Manager and @Ada Admin' }))
    expect(await notificationsOf(manager.user.id)).toHaveLength(1)
    expect(await notificationsOf(admin.user.id)).toHaveLength(1)
    await expect(inTx((tx) => editComment(tx, admin.ctx, { commentId: comment.id, body: 'Hijack' }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(inTx((tx) => deleteComment(tx, rep.ctx, { commentId: comment.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const [listed] = await listComments(testDb, lead.ctx, id)
    expect(listed).toMatchObject({ body: 'Ping @Max Manager and @Ada Admin', mine: true })
    expect(listed!.editedAt).not.toBeNull()
    await inTx((tx) => deleteComment(tx, lead.ctx, { commentId: comment.id }))
    expect(await listComments(testDb, lead.ctx, id)).toEqual([])
  })

  it('a sales rep following the project comments; one not following and other organizations get NOT_FOUND', async () => {
    const { rep, stranger, lead, tasks } = await followedProject({ tasks: [{ title: 'Handoff call' }] })
    const id = tasks[0]!.id
    const mine = await inTx((tx) => addComment(tx, rep.ctx, { taskId: id, body: 'The customer prefers Tuesdays. @Dana Lead' }))
    expect(await notificationsOf(lead.user.id)).toHaveLength(1)
    await inTx((tx) => editComment(tx, rep.ctx, { commentId: mine.id, body: 'The customer prefers Tuesdays.' }))
    await expect(inTx((tx) => addComment(tx, stranger.ctx, { taskId: id, body: 'Hi' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(inTx((tx) => editComment(tx, stranger.ctx, { commentId: mine.id, body: 'Hi' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const outsider = await otherOrg()
    await expect(inTx((tx) => addComment(tx, outsider.ctx, { taskId: id, body: 'Hi' }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(inTx((tx) => deleteComment(tx, outsider.ctx, { commentId: mine.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.taskComment.count()).toBe(1)
  })
})
