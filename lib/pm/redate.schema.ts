import { z } from 'zod'
import { DayInput } from '@/lib/crm/deals.schema'

/**
 * How the open dates follow a new kickoff: by the same number of working days (weekends and
 * holidays skipped), of calendar days, or not at all (only the kickoff changes).
 */
export const REDATE_MODES = ['BUSINESS', 'CALENDAR', 'KICKOFF_ONLY'] as const
export type RedateMode = (typeof REDATE_MODES)[number]

export const PreviewRedateInput = z.object({
  projectId: z.uuid(),
  kickoffOn: DayInput,
  mode: z.enum(REDATE_MODES).default('BUSINESS'),
})
export type PreviewRedateInput = z.infer<typeof PreviewRedateInput>

export const RedateInput = PreviewRedateInput.extend({
  /** the project version the user saw */
  version: z.coerce.number().int().min(1),
})
export type RedateInput = z.infer<typeof RedateInput>

export const UndoRedateInput = z.object({ projectId: z.uuid(), activityId: z.uuid() })
export type UndoRedateInput = z.infer<typeof UndoRedateInput>
