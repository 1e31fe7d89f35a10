import { z } from 'zod'
import { DayInput } from '@/lib/crm/deals.schema'

const blank = (v: unknown) => (v === '' || v === null ? undefined : v)

/**
 * Winning a deal: the close date (default today), and what happens on the delivery side:
 * `project: 'auto'` builds its project from the template the rules pick (or `templateId`,
 * chosen in the dialog), `'none'` wins it without a project (one can be made later through the
 * same action). Kickoff and people default to what the template proposes.
 */
export const WinDealInput = z.object({
  dealId: z.uuid('That deal was not found.'),
  closeOn: z.preprocess(blank, DayInput.optional()),
  project: z.enum(['auto', 'none']).default('auto'),
  templateId: z.preprocess(blank, z.uuid('Choose a template.').optional()),
  kickoffOn: z.preprocess(blank, DayInput.optional()),
  /** project role id -> person; a role left out gets its default person */
  roleAssignments: z.record(z.uuid(), z.uuid('Choose a person.')).default({}),
  /** the board's optimistic check and drop position (ignored when the deal is already won) */
  version: z.coerce.number().int().optional(),
  afterId: z.preprocess(blank, z.uuid().optional()),
  beforeId: z.preprocess(blank, z.uuid().optional()),
})
export type WinDealInput = z.input<typeof WinDealInput>
export type WinDealData = z.output<typeof WinDealInput>
