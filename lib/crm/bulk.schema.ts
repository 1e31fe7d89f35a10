import { z } from 'zod'
import { blankToNull } from '@/lib/crm/companies.schema'

/** A list page holds at most 100 rows; a bulk action acts on the rows selected on it. */
export const MAX_BULK = 100

const Ids = z
  .array(z.uuid())
  .min(1, 'Select at least one row.')
  .max(MAX_BULK, `Select at most ${MAX_BULK} rows at a time.`)
  .transform((ids) => [...new Set(ids)])

export const BulkIdsInput = z.object({ ids: Ids })
export type BulkIdsInput = z.infer<typeof BulkIdsInput>

/** The new owner; empty means nobody (companies and contacts only: a deal always has an owner). */
export const BulkOwnerInput = z.object({ ids: Ids, ownerId: z.preprocess(blankToNull, z.uuid('Choose an owner.').nullable()) })
export type BulkOwnerInput = z.infer<typeof BulkOwnerInput>

export const BulkMoveInput = z.object({
  ids: Ids,
  stageId: z.uuid('Choose a stage.'),
  lostReasonId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid('Choose why the deals were lost.').optional()),
  lostNote: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000, 'Keep the note under 1,000 characters.').optional()),
})
export type BulkMoveInput = z.infer<typeof BulkMoveInput>
