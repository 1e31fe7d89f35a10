import { z } from 'zod'

export const COLUMN_KINDS = ['TODO', 'DOING', 'BLOCKED', 'DONE'] as const
export type ColumnKindName = (typeof COLUMN_KINDS)[number]
export const columnKindLabels: Record<ColumnKindName, string> = { TODO: 'To do', DOING: 'In progress', BLOCKED: 'Blocked', DONE: 'Done' }

const Name = z.string().trim().min(1, 'Give the column a name.').max(60, 'Keep the name under 60 characters.')
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional())

export const RenameColumnInput = z.object({ columnId: z.uuid(), name: Name })
export type RenameColumnInput = z.infer<typeof RenameColumnInput>

export const AddColumnInput = z.object({
  projectId: z.uuid(),
  name: Name,
  kind: z.enum(COLUMN_KINDS, 'Choose what the column means.'),
  /** the new column goes right of this one; absent: at the end */
  afterColumnId: optionalId,
})
export type AddColumnInput = z.infer<typeof AddColumnInput>

/** The project's columns in their new order (every column, once). */
export const ReorderColumnsInput = z.object({ projectId: z.uuid(), columnIds: z.array(z.uuid()).min(1).max(50) })
export type ReorderColumnsInput = z.infer<typeof ReorderColumnsInput>

export const DeleteColumnInput = z.object({
  columnId: z.uuid(),
  /** where the column's tasks go; required when it has any */
  moveToColumnId: optionalId,
})
export type DeleteColumnInput = z.infer<typeof DeleteColumnInput>
