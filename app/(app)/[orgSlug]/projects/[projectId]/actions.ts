'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember, type Ctx } from '@/lib/authz'
import { loadCardsAround, loadTaskCards, type TaskCard } from '@/lib/pm/board-query'
import { addChecklistItem, removeChecklistItem, renameChecklistItem, reorderChecklist, toggleChecklistItem } from '@/lib/pm/checklist'
import { AddChecklistItemInput, RemoveChecklistItemInput, RenameChecklistItemInput, ReorderChecklistInput, ToggleChecklistItemInput } from '@/lib/pm/checklist.schema'
import { addColumn, deleteColumn, renameColumn, reorderColumns } from '@/lib/pm/columns'
import { AddColumnInput, DeleteColumnInput, RenameColumnInput, ReorderColumnsInput } from '@/lib/pm/columns.schema'
import { addComment, deleteComment, editComment } from '@/lib/pm/comments'
import { AddCommentInput, DeleteCommentInput, EditCommentInput } from '@/lib/pm/comments.schema'
import { addDependency, removeDependency } from '@/lib/pm/dependencies'
import { DependencyInput } from '@/lib/pm/dependencies.schema'
import { getTaskDetail, type TaskDetail } from '@/lib/pm/task-detail'
import { moveTask, type MovedTask } from '@/lib/pm/task-move'
import { MoveTaskInput } from '@/lib/pm/task-move.schema'
import { createTask, deleteTask, setTaskDone, updateTask } from '@/lib/pm/tasks'
import { CreateTaskInput, SetTaskDoneInput, TaskIdInput, UpdateTaskInput } from '@/lib/pm/tasks.schema'

// The board's and the task drawer's actions. Each: session -> parse -> membership (projects:read;
// the services refuse changes by role and answer NOT_FOUND for what the person cannot read) ->
// service in a transaction. The board keeps its state in the browser, so these return the
// fresh cards (and the drawer's task) instead of re-rendering the page; column changes,
// which reshape the board, revalidate it.

const OrgSlug = { orgSlug: z.string().min(1) }
const boardPath = (orgSlug: string, projectId: string) => `/${orgSlug}/projects/${projectId}`

async function member(session: { userId: string }, orgSlug: string): Promise<Ctx> {
  return ctxOf(await requireMember(db, session, orgSlug, 'projects:read'))
}

export type BoardChange = { cards: TaskCard[] }
export type MoveResult = BoardChange & { moved: MovedTask }
export type DrawerChange = BoardChange & { detail: TaskDetail }

/** After a change in the drawer: the task as the drawer shows it, and the cards to refresh. */
async function drawerChange(ctx: Ctx, taskId: string, alsoCards: string[] = []): Promise<DrawerChange> {
  const detail = await getTaskDetail(db, ctx, taskId)
  const cards = await loadTaskCards(db, ctx, detail.projectId, [taskId, ...alsoCards])
  return { detail, cards }
}

export async function moveTaskAction(input: z.input<typeof MoveTaskInput> & { orgSlug: string }) {
  return runAction(MoveTaskInput.extend(OrgSlug), input, async (data, session): Promise<MoveResult> => {
    const ctx = await member(session, data.orgSlug)
    const moved = await db.$transaction((tx) => moveTask(tx, ctx, data))
    return { moved, cards: await loadCardsAround(db, ctx, moved.id) }
  })
}

export async function setTaskDoneAction(input: z.input<typeof SetTaskDoneInput> & { orgSlug: string }) {
  return runAction(SetTaskDoneInput.extend(OrgSlug), input, async (data, session): Promise<MoveResult> => {
    const ctx = await member(session, data.orgSlug)
    const moved = await db.$transaction((tx) => setTaskDone(tx, ctx, data))
    return { moved, cards: await loadCardsAround(db, ctx, moved.id) }
  })
}

export async function loadTaskAction(input: { orgSlug: string; taskId: string }) {
  return runAction(TaskIdInput.extend(OrgSlug), input, async (data, session): Promise<TaskDetail> => getTaskDetail(db, await member(session, data.orgSlug), data.taskId))
}

export async function createTaskAction(input: z.input<typeof CreateTaskInput> & { orgSlug: string }) {
  return runAction(CreateTaskInput.extend(OrgSlug), input, async (data, session): Promise<TaskCard> => {
    const ctx = await member(session, data.orgSlug)
    const task = await db.$transaction((tx) => createTask(tx, ctx, data))
    const [card] = await loadTaskCards(db, ctx, task.projectId, [task.id])
    return card!
  })
}

export async function updateTaskAction(input: z.input<typeof UpdateTaskInput> & { orgSlug: string }) {
  return runAction(UpdateTaskInput.extend(OrgSlug), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => updateTask(tx, ctx, data))
    return drawerChange(ctx, data.taskId)
  })
}

export async function deleteTaskAction(input: { orgSlug: string; taskId: string }) {
  return runAction(TaskIdInput.extend(OrgSlug), input, async (data, session) => {
    const ctx = await member(session, data.orgSlug)
    const task = await db.$transaction((tx) => deleteTask(tx, ctx, data))
    const cards = task.unblocked.length ? await loadTaskCards(db, ctx, task.projectId, task.unblocked) : []
    return { id: task.id, cards }
  })
}

export async function addDependencyAction(input: z.input<typeof DependencyInput> & { orgSlug: string; taskId: string }) {
  return runAction(DependencyInput.extend({ ...OrgSlug, taskId: z.uuid() }), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => addDependency(tx, ctx, data))
    return drawerChange(ctx, data.taskId, [data.blockerId, data.blockedId])
  })
}

export async function removeDependencyAction(input: z.input<typeof DependencyInput> & { orgSlug: string; taskId: string }) {
  return runAction(DependencyInput.extend({ ...OrgSlug, taskId: z.uuid() }), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => removeDependency(tx, ctx, data))
    return drawerChange(ctx, data.taskId, [data.blockerId, data.blockedId])
  })
}

export async function addCommentAction(input: z.input<typeof AddCommentInput> & { orgSlug: string }) {
  return runAction(AddCommentInput.extend(OrgSlug), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => addComment(tx, ctx, data))
    return drawerChange(ctx, data.taskId)
  })
}

export async function editCommentAction(input: z.input<typeof EditCommentInput> & { orgSlug: string; taskId: string }) {
  return runAction(EditCommentInput.extend({ ...OrgSlug, taskId: z.uuid() }), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => editComment(tx, ctx, data))
    return drawerChange(ctx, data.taskId)
  })
}

export async function deleteCommentAction(input: z.input<typeof DeleteCommentInput> & { orgSlug: string }) {
  return runAction(DeleteCommentInput.extend(OrgSlug), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    const comment = await db.$transaction((tx) => deleteComment(tx, ctx, data))
    return drawerChange(ctx, comment.taskId)
  })
}

const ChecklistChange = z.discriminatedUnion('op', [
  AddChecklistItemInput.extend({ op: z.literal('add') }),
  RenameChecklistItemInput.extend({ op: z.literal('rename'), taskId: z.uuid() }),
  ToggleChecklistItemInput.extend({ op: z.literal('toggle'), taskId: z.uuid() }),
  RemoveChecklistItemInput.extend({ op: z.literal('remove'), taskId: z.uuid() }),
  ReorderChecklistInput.extend({ op: z.literal('reorder') }),
])

export type ChecklistChangeInput = z.input<typeof ChecklistChange>

/** Every checklist edit of the drawer: add, rename, toggle, remove, reorder. */
export async function checklistAction(input: ChecklistChangeInput & { orgSlug: string }) {
  return runAction(ChecklistChange.and(z.object(OrgSlug)), input, async (data, session): Promise<DrawerChange> => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction(async (tx) => {
      if (data.op === 'add') return addChecklistItem(tx, ctx, data)
      if (data.op === 'rename') return renameChecklistItem(tx, ctx, data)
      if (data.op === 'toggle') return toggleChecklistItem(tx, ctx, data)
      if (data.op === 'remove') return removeChecklistItem(tx, ctx, data)
      return reorderChecklist(tx, ctx, data)
    })
    return drawerChange(ctx, data.taskId)
  })
}

export async function renameColumnAction(input: z.input<typeof RenameColumnInput> & { orgSlug: string }) {
  return runAction(RenameColumnInput.extend(OrgSlug), input, async (data, session) => {
    const ctx = await member(session, data.orgSlug)
    const column = await db.$transaction((tx) => renameColumn(tx, ctx, data))
    revalidatePath(boardPath(data.orgSlug, column.projectId))
    return { id: column.id }
  })
}

export async function addColumnAction(input: z.input<typeof AddColumnInput> & { orgSlug: string }) {
  return runAction(AddColumnInput.extend(OrgSlug), input, async (data, session) => {
    const ctx = await member(session, data.orgSlug)
    const column = await db.$transaction((tx) => addColumn(tx, ctx, data))
    revalidatePath(boardPath(data.orgSlug, data.projectId))
    return { id: column.id }
  })
}

export async function reorderColumnsAction(input: z.input<typeof ReorderColumnsInput> & { orgSlug: string }) {
  return runAction(ReorderColumnsInput.extend(OrgSlug), input, async (data, session) => {
    const ctx = await member(session, data.orgSlug)
    await db.$transaction((tx) => reorderColumns(tx, ctx, data))
    revalidatePath(boardPath(data.orgSlug, data.projectId))
    return { projectId: data.projectId }
  })
}

export async function deleteColumnAction(input: z.input<typeof DeleteColumnInput> & { orgSlug: string }) {
  return runAction(DeleteColumnInput.extend(OrgSlug), input, async (data, session) => {
    const ctx = await member(session, data.orgSlug)
    const column = await db.$transaction((tx) => deleteColumn(tx, ctx, data))
    revalidatePath(boardPath(data.orgSlug, column.projectId))
    return { projectId: column.projectId }
  })
}
