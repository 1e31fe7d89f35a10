import { z } from 'zod'
import { isDay } from '@/lib/dates'

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional())
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional())

export const DEAL_TYPES = ['NEW_BUSINESS', 'EXPANSION', 'RENEWAL'] as const
export const dealTypeLabels: Record<(typeof DEAL_TYPES)[number], string> = {
  NEW_BUSINESS: 'New business',
  EXPANSION: 'Expansion',
  RENEWAL: 'Renewal',
}

export const DayInput = z.string().refine(isDay, 'Enter a date like 2026-12-31.')

export const CreateDealInput = z.object({
  title: z.string().trim().min(1, 'Give the deal a title.').max(200, 'Keep the title under 200 characters.'),
  /** as typed: "12,500.00"; parsed to minor units in the service with the deal's currency */
  amount: z.string().trim().max(30).default(''),
  pipelineId: z.uuid('Choose a pipeline.'),
  stageId: optionalId,
  ownerId: optionalId,
  companyId: optionalId,
  expectedCloseOn: z.preprocess((v) => (v === '' ? undefined : v), DayInput.optional()),
  dealType: z.enum(DEAL_TYPES).default('NEW_BUSINESS'),
  commitments: optionalText(5000),
})
export type CreateDealInput = z.infer<typeof CreateDealInput>

export const MoveDealInput = z.object({
  dealId: z.uuid(),
  stageId: z.uuid(),
  /** the version the user saw; a different one means someone else changed the deal */
  version: z.coerce.number().int().min(1),
  /** the cards the deal was dropped between, in the target column (absent at an end) */
  afterId: optionalId,
  beforeId: optionalId,
  lostReasonId: optionalId,
  lostNote: optionalText(1000),
})
export type MoveDealInput = z.infer<typeof MoveDealInput>

export const BoardFilters = z.object({
  pipeline: z.uuid().optional().catch(undefined),
  /** a user id, "mine", or "all" */
  owner: z.string().max(64).optional().catch(undefined),
  /** 'YYYY-MM' */
  close: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined),
  type: z.enum(DEAL_TYPES).optional().catch(undefined),
})
export type BoardFilters = z.infer<typeof BoardFilters>

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)

/**
 * An edit of one or more fields of a deal (the detail page saves one field at a time).
 * An absent key leaves the field as it is; an empty value clears it (company, close date,
 * commitments) or, for the probability, returns it to the stage's default.
 */
export const UpdateDealInput = z.object({
  dealId: z.uuid(),
  /** the version the user saw; a different one means someone else changed the deal */
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, 'Give the deal a title.').max(200, 'Keep the title under 200 characters.').optional(),
  /** as typed: "12,500.00"; parsed to minor units in the service with the deal's currency */
  amount: z.string().trim().max(30, 'That amount is too long.').optional(),
  ownerId: z.uuid('Choose an owner.').optional(),
  companyId: z.preprocess(blankToNull, z.uuid('Choose a company.').nullable().optional()),
  expectedCloseOn: z.preprocess(blankToNull, DayInput.nullable().optional()),
  probability: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: 'Enter a whole number from 0 to 100.' })
      .int('Enter a whole number from 0 to 100.')
      .min(0, 'Enter a whole number from 0 to 100.')
      .max(100, 'Enter a whole number from 0 to 100.')
      .nullable()
      .optional(),
  ),
  dealType: z.enum(DEAL_TYPES, 'Choose a deal type.').optional(),
  commitments: z.preprocess(blankToNull, z.string().trim().max(5000, 'Keep the commitments under 5,000 characters.').nullable().optional()),
})
export type UpdateDealInput = z.infer<typeof UpdateDealInput>
