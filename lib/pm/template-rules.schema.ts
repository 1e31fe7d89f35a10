import { z } from 'zod'
import { DEAL_TYPES } from '@/lib/crm/deals.schema'

const blank = (v: unknown) => (v === '' || v === null ? undefined : v)
const optionalId = z.preprocess(blank, z.uuid().optional())
/** as typed ("50,000"), parsed in the organization's currency by the service */
const optionalAmount = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(30).optional())

const TemplateRuleFields = z.object({
  pipelineId: optionalId,
  dealType: z.preprocess(blank, z.enum(DEAL_TYPES).optional()),
  /** any of these products among the deal's line items */
  productIds: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(z.uuid()).max(50, 'Choose at most 50 products.')),
  minAmount: optionalAmount,
  maxAmount: optionalAmount,
  priority: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? 0 : v),
    z.coerce.number({ error: 'Enter a whole number.' }).int('Use a whole number.').min(-1000, 'Use -1000 to 1000.').max(1000, 'Use -1000 to 1000.'),
  ),
})

export const TemplateRuleInput = TemplateRuleFields.extend({ templateId: z.uuid() })
export type TemplateRuleInput = z.infer<typeof TemplateRuleInput>

export const UpdateTemplateRuleInput = TemplateRuleFields.extend({ ruleId: z.uuid() })
export type UpdateTemplateRuleInput = z.infer<typeof UpdateTemplateRuleInput>

export const TemplateRuleIdInput = z.object({ ruleId: z.uuid() })
