import { z } from 'zod'

/** "12.5" (percent) -> 1250 basis points; null when it is not a percentage from 0 to 100 with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ''))
  if (!match) return null
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return bp <= 10_000 ? bp : null
}

/** 1250 -> "12.5" */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

const quantity = z.coerce
  .number({ error: 'Enter a quantity.' })
  .int('Use a whole number.')
  .min(1, 'The quantity is at least 1.')
  .max(1_000_000, 'The quantity is at most 1,000,000.')

/** As typed, parsed to minor units in the service with the deal's currency. */
const unitPrice = z.string().trim().min(1, 'Enter a unit price.').max(30, 'That price is too long.')

const discount = z
  .string()
  .trim()
  .max(10, 'Enter a discount from 0 to 100 %.')
  .default('')
  .transform((text, ctx) => {
    if (text === '') return 0
    const bp = percentToBp(text)
    if (bp === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter a discount from 0 to 100 %, like 12.5.' })
      return z.NEVER
    }
    return bp
  })

export const AddLineItemInput = z.object({
  dealId: z.uuid(),
  productId: z.uuid('Choose a product.'),
  quantity,
  unitPrice,
  /** percent as typed; becomes basis points */
  discount,
})
export type AddLineItemInput = z.infer<typeof AddLineItemInput>

export const UpdateLineItemInput = z.object({ lineItemId: z.uuid(), quantity, unitPrice, discount })
export type UpdateLineItemInput = z.infer<typeof UpdateLineItemInput>

export const RemoveLineItemInput = z.object({ lineItemId: z.uuid() })
export type RemoveLineItemInput = z.infer<typeof RemoveLineItemInput>
