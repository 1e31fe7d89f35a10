import { z } from 'zod'

const Title = z.string().trim().min(1, 'Write the item first.').max(500, 'Keep the item under 500 characters.')

export const AddChecklistItemInput = z.object({ taskId: z.uuid(), title: Title })
export type AddChecklistItemInput = z.infer<typeof AddChecklistItemInput>

export const RenameChecklistItemInput = z.object({ itemId: z.uuid(), title: Title })
export type RenameChecklistItemInput = z.infer<typeof RenameChecklistItemInput>

export const ToggleChecklistItemInput = z.object({ itemId: z.uuid(), done: z.boolean() })
export type ToggleChecklistItemInput = z.infer<typeof ToggleChecklistItemInput>

export const RemoveChecklistItemInput = z.object({ itemId: z.uuid() })
export type RemoveChecklistItemInput = z.infer<typeof RemoveChecklistItemInput>

/** The task's checklist in its new order (every item, once). */
export const ReorderChecklistInput = z.object({ taskId: z.uuid(), itemIds: z.array(z.uuid()).min(1).max(500) })
export type ReorderChecklistInput = z.infer<typeof ReorderChecklistInput>
