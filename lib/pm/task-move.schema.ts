import { z } from 'zod'

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional())

/**
 * A card dropped in a column: between the cards `afterId` and `beforeId` (either absent at an
 * end of the column), or at an explicit `position`; neither: on top of the column.
 */
export const MoveTaskInput = z.object({
  taskId: z.uuid(),
  toColumnId: z.uuid(),
  afterId: optionalId,
  beforeId: optionalId,
  position: z.number().optional(),
  /** the version the user saw; a different one means someone else moved the task */
  version: z.coerce.number().int().min(1),
  /** start or complete the task although a blocker is open (the user confirmed); logged */
  override: z.boolean().optional(),
})
export type MoveTaskInput = z.infer<typeof MoveTaskInput>
