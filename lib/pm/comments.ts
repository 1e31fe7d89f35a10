import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import type { AddCommentInput, DeleteCommentInput, EditCommentInput } from '@/lib/pm/comments.schema'
import { findMentions } from '@/lib/pm/mentions'
import { readableProjects } from '@/lib/pm/project-access'
import { projectPeople } from '@/lib/pm/project-people'
import { requireReadableTask, taskLogContext } from '@/lib/pm/task-access'

// Everyone who can read a project can comment on its tasks (a sales rep following their
// deal's project too). People can edit and delete only their own comments. A mention of
// someone who can read the project ("@Full Name", see lib/pm/mentions.ts) notifies them;
// nobody is notified of their own mention, and an edit notifies only newly mentioned people.

export type CommentDto = {
  id: string
  author: { id: string; name: string } | null
  body: string
  mentions: { id: string; name: string }[]
  createdAt: string
  editedAt: string | null
  mine: boolean
}

const excerpt = (body: string) => (body.length > 140 ? `${body.slice(0, 139)}…` : body)

async function taskContext(db: Db, ctx: Ctx, taskId: string) {
  const task = await requireReadableTask(db, ctx, taskId)
  // One after another: inside a transaction the queries share one connection.
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { slug: true } })
  const actor = await db.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { name: true } })
  const people = await projectPeople(db, ctx, { projectId: task.projectId })
  return { task, people, orgSlug: org.slug, actorName: actor.name }
}

async function notify(db: Db, ctx: Ctx, userIds: string[], about: { orgSlug: string; actorName: string; task: { id: string; title: string; projectId: string }; body: string }) {
  const recipients = userIds.filter((id) => id !== ctx.userId)
  if (recipients.length === 0) return
  await db.notification.createMany({
    data: recipients.map((userId) => ({
      orgId: ctx.orgId,
      userId,
      kind: 'mention',
      title: `${about.actorName} mentioned you on “${about.task.title}”`,
      body: excerpt(about.body),
      href: `/${about.orgSlug}/projects/${about.task.projectId}?task=${about.task.id}`,
    })),
  })
}

function toDto(ctx: Ctx, row: { id: string; body: string; mentionIds: string[]; createdAt: Date; editedAt: Date | null; author: { id: string; name: string } | null }, names: Map<string, string>): CommentDto {
  return {
    id: row.id,
    author: row.author,
    body: row.body,
    mentions: row.mentionIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    mine: row.author?.id === ctx.userId,
  }
}

const commentSelect = { id: true, body: true, mentionIds: true, createdAt: true, editedAt: true, author: { select: { id: true, name: true } } } as const

/** Adds a comment and notifies the people it mentions. Run in a transaction. */
export async function addComment(db: Db, ctx: Ctx, input: AddCommentInput): Promise<CommentDto> {
  const { task, people, orgSlug, actorName } = await taskContext(db, ctx, input.taskId)
  const mentionIds = findMentions(input.body, people)
  const comment = await db.taskComment.create({ data: { orgId: ctx.orgId, taskId: task.id, authorId: ctx.userId, body: input.body, mentionIds }, select: commentSelect })
  await notify(db, ctx, mentionIds, { orgSlug, actorName, task, body: input.body })
  const names = new Map(people.map((p) => [p.id, p.name]))
  await logActivity(db, ctx, {
    entityType: 'task',
    entityId: task.id,
    action: 'task.commented',
    changes: { ...taskLogContext(task), commentId: comment.id, ...(mentionIds.length ? { mentioned: mentionIds.map((id) => names.get(id)!) } : {}) },
  })
  return toDto(ctx, comment, names)
}

async function ownComment(db: Db, ctx: Ctx, commentId: string) {
  const comment = await db.taskComment.findFirst({ where: { id: commentId, orgId: ctx.orgId, task: { project: readableProjects(ctx) } }, select: { id: true, taskId: true, authorId: true, mentionIds: true } })
  if (!comment) throw notFound('This comment')
  if (comment.authorId !== ctx.userId) throw new AppError('FORBIDDEN', 'You can only change your own comments.')
  return comment
}

/** Changes one's own comment; people mentioned for the first time are notified. Run in a transaction. */
export async function editComment(db: Db, ctx: Ctx, input: EditCommentInput): Promise<CommentDto> {
  const existing = await ownComment(db, ctx, input.commentId)
  const { task, people, orgSlug, actorName } = await taskContext(db, ctx, existing.taskId)
  const mentionIds = findMentions(input.body, people)
  const comment = await db.taskComment.update({ where: { id: existing.id }, data: { body: input.body, mentionIds, editedAt: new Date() }, select: commentSelect })
  await notify(db, ctx, mentionIds.filter((id) => !existing.mentionIds.includes(id)), { orgSlug, actorName, task, body: input.body })
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.comment_edited', changes: { ...taskLogContext(task), commentId: comment.id } })
  return toDto(ctx, comment, new Map(people.map((p) => [p.id, p.name])))
}

export async function deleteComment(db: Db, ctx: Ctx, input: DeleteCommentInput) {
  const existing = await ownComment(db, ctx, input.commentId)
  const task = await requireReadableTask(db, ctx, existing.taskId)
  await db.taskComment.delete({ where: { id: existing.id } })
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.comment_deleted', changes: { ...taskLogContext(task), commentId: existing.id } })
  return { id: existing.id, taskId: task.id, projectId: task.projectId }
}

/** A task's comments, oldest first, with the names of the people they mention. */
export async function listComments(db: Db, ctx: Ctx, taskId: string): Promise<CommentDto[]> {
  const rows = await db.taskComment.findMany({ where: { orgId: ctx.orgId, taskId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: commentSelect })
  const ids = [...new Set(rows.flatMap((r) => r.mentionIds))]
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []
  const names = new Map(users.map((u) => [u.id, u.name]))
  return rows.map((r) => toDto(ctx, r, names))
}
