import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import type { AddChecklistItemInput, RemoveChecklistItemInput, RenameChecklistItemInput, ReorderChecklistInput, ToggleChecklistItemInput } from '@/lib/pm/checklist.schema'
import { assertCanWriteProjects, readableProjects } from '@/lib/pm/project-access'
import { requireWritableTask, taskLogContext } from '@/lib/pm/task-access'

// A task's checklist: items in order (position with gaps), each done or not. Changing it is
// changing the task (delivery, managers, admins); every change is in the task's history.

export type ChecklistItemDto = { id: string; title: string; done: boolean }

const GAP = 1024
const MAX_ITEMS = 200

async function writableItem(db: Db, ctx: Ctx, itemId: string) {
  const item = await db.checklistItem.findFirst({
    where: { id: itemId, orgId: ctx.orgId, task: { project: readableProjects(ctx) } },
    select: { id: true, title: true, doneAt: true, task: { select: { id: true, title: true, projectId: true } } },
  })
  if (!item) throw notFound('This checklist item')
  assertCanWriteProjects(ctx)
  return item
}

export async function listChecklist(db: Db, ctx: Ctx, taskId: string): Promise<ChecklistItemDto[]> {
  const rows = await db.checklistItem.findMany({ where: { orgId: ctx.orgId, taskId }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, title: true, doneAt: true } })
  return rows.map((r) => ({ id: r.id, title: r.title, done: r.doneAt !== null }))
}

/** Adds an item at the bottom. Run in a transaction. */
export async function addChecklistItem(db: Db, ctx: Ctx, input: AddChecklistItemInput): Promise<ChecklistItemDto> {
  const task = await requireWritableTask(db, ctx, input.taskId)
  const last = await db.checklistItem.aggregate({ where: { orgId: ctx.orgId, taskId: task.id }, _max: { position: true }, _count: true })
  if (last._count >= MAX_ITEMS) throw new AppError('INVALID', `A checklist holds at most ${MAX_ITEMS} items.`, 'title')
  const item = await db.checklistItem.create({
    data: { orgId: ctx.orgId, taskId: task.id, title: input.title, position: (last._max.position ?? 0) + GAP },
    select: { id: true, title: true },
  })
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.checklist_added', changes: { ...taskLogContext(task), item: item.title } })
  return { id: item.id, title: item.title, done: false }
}

export async function renameChecklistItem(db: Db, ctx: Ctx, input: RenameChecklistItemInput): Promise<ChecklistItemDto> {
  const item = await writableItem(db, ctx, input.itemId)
  if (item.title !== input.title) {
    await db.checklistItem.update({ where: { id: item.id }, data: { title: input.title } })
    await logActivity(db, ctx, { entityType: 'task', entityId: item.task.id, action: 'task.checklist_renamed', changes: { ...taskLogContext(item.task), item: { from: item.title, to: input.title } } })
  }
  return { id: item.id, title: input.title, done: item.doneAt !== null }
}

export async function toggleChecklistItem(db: Db, ctx: Ctx, input: ToggleChecklistItemInput): Promise<ChecklistItemDto> {
  const item = await writableItem(db, ctx, input.itemId)
  if ((item.doneAt !== null) !== input.done) {
    await db.checklistItem.update({ where: { id: item.id }, data: { doneAt: input.done ? new Date() : null } })
    await logActivity(db, ctx, {
      entityType: 'task',
      entityId: item.task.id,
      action: input.done ? 'task.checklist_checked' : 'task.checklist_unchecked',
      changes: { ...taskLogContext(item.task), item: item.title },
    })
  }
  return { id: item.id, title: item.title, done: input.done }
}

export async function removeChecklistItem(db: Db, ctx: Ctx, input: RemoveChecklistItemInput) {
  const item = await writableItem(db, ctx, input.itemId)
  await db.checklistItem.delete({ where: { id: item.id } })
  await logActivity(db, ctx, { entityType: 'task', entityId: item.task.id, action: 'task.checklist_removed', changes: { ...taskLogContext(item.task), item: item.title } })
  return { id: item.id, taskId: item.task.id }
}

/** Puts the checklist in the given order (every item, once), in one statement. Run in a transaction. */
export async function reorderChecklist(db: Db, ctx: Ctx, input: ReorderChecklistInput): Promise<ChecklistItemDto[]> {
  const task = await requireWritableTask(db, ctx, input.taskId)
  const items = await db.checklistItem.findMany({ where: { orgId: ctx.orgId, taskId: task.id }, select: { id: true } })
  const given = new Set(input.itemIds)
  if (given.size !== input.itemIds.length || given.size !== items.length || items.some((i) => !given.has(i.id))) {
    throw new AppError('CONFLICT', 'The checklist changed in the meantime; it was refreshed.')
  }
  await db.$executeRaw`
    UPDATE checklist_item SET position = o.ord * ${GAP}
    FROM unnest(${input.itemIds}::uuid[]) WITH ORDINALITY AS o(id, ord)
    WHERE checklist_item.id = o.id AND checklist_item.org_id = ${ctx.orgId}::uuid`
  await logActivity(db, ctx, { entityType: 'task', entityId: task.id, action: 'task.checklist_reordered', changes: taskLogContext(task) })
  return listChecklist(db, ctx, task.id)
}
