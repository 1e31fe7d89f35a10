import { z } from 'zod'

export const STAGE_KINDS = ['OPEN', 'WON', 'LOST'] as const
export const FORECAST_CATEGORIES = ['PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED'] as const
export const forecastLabels: Record<(typeof FORECAST_CATEGORIES)[number], string> = {
  PIPELINE: 'Pipeline',
  BEST_CASE: 'Best case',
  COMMIT: 'Commit',
  CLOSED: 'Closed',
  OMITTED: 'Omitted',
}
export const stageKindLabels: Record<(typeof STAGE_KINDS)[number], string> = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' }

const name = (what: string) => z.string().trim().min(1, `Give the ${what} a name.`).max(80, 'Keep it under 80 characters.')
const probability = z.coerce.number({ error: 'Enter a number from 0 to 100.' }).int('Use a whole number.').min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.')
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional())

export const CreatePipelineInput = z.object({ name: name('pipeline') })
export const RenamePipelineInput = z.object({ pipelineId: z.uuid(), name: name('pipeline') })
export const PipelineIdInput = z.object({ pipelineId: z.uuid() })

export const AddStageInput = z.object({
  pipelineId: z.uuid(),
  name: name('stage'),
  probability,
  kind: z.enum(STAGE_KINDS).default('OPEN'),
  forecastCategory: z.enum(FORECAST_CATEGORIES).default('PIPELINE'),
})
export type AddStageInput = z.infer<typeof AddStageInput>

export const UpdateStageInput = z.object({
  stageId: z.uuid(),
  name: name('stage'),
  probability,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
})
export type UpdateStageInput = z.infer<typeof UpdateStageInput>

export const MoveStageInput = z.object({ stageId: z.uuid(), direction: z.enum(['up', 'down']) })
export const RemoveStageInput = z.object({ stageId: z.uuid(), moveToStageId: optionalId })
export type RemoveStageInput = z.infer<typeof RemoveStageInput>

export const LostReasonInput = z.object({ label: z.string().trim().min(1, 'Enter a reason.').max(80, 'Keep it under 80 characters.') })
export const RenameLostReasonInput = LostReasonInput.extend({ lostReasonId: z.uuid() })
export const LostReasonIdInput = z.object({ lostReasonId: z.uuid() })

export const ProductInput = z.object({
  name: z.string().trim().min(1, 'Give the product a name.').max(120),
  sku: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(40).optional()),
  /** as typed, parsed with the organization's currency */
  unitPrice: z.string().trim().min(1, 'Enter a unit price.'),
})
export type ProductInput = z.infer<typeof ProductInput>
export const UpdateProductInput = ProductInput.extend({ productId: z.uuid() })
export const ProductIdInput = z.object({ productId: z.uuid() })

export const OrgSettingsInput = z.object({
  name: z.string().trim().min(1, 'Give the organization a name.').max(120),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO code such as EUR or USD.'),
  timeZone: z.string().trim().min(1, 'Choose a time zone.'),
})
export type OrgSettingsInput = z.infer<typeof OrgSettingsInput>
