import { describe, expect, it } from 'vitest'
import { AddLineItemInput, bpToPercent, percentToBp } from '@/lib/crm/line-items.schema'

describe('discount percent <-> basis points', () => {
  it('reads a percentage with up to two decimals, a comma or a % sign, without floats', () => {
    expect(percentToBp('10')).toBe(1000)
    expect(percentToBp('12.5')).toBe(1250)
    expect(percentToBp('12,55')).toBe(1255)
    expect(percentToBp('0.07')).toBe(7)
    expect(percentToBp('100 %')).toBe(10_000)
  })

  it('refuses what is not a discount', () => {
    for (const bad of ['100.01', '-5', '12.555', 'ten', '1e2', '']) expect(percentToBp(bad)).toBeNull()
  })

  it('writes basis points back as the shortest percentage', () => {
    expect([1250, 1000, 7, 0, 1255].map(bpToPercent)).toEqual(['12.5', '10', '0.07', '0', '12.55'])
  })

  it('turns an empty discount into 0 and a bad one into a message on the discount field', () => {
    const base = { dealId: crypto.randomUUID(), productId: crypto.randomUUID(), quantity: '2', unitPrice: '10' }
    expect(AddLineItemInput.parse(base)).toMatchObject({ quantity: 2, discount: 0 })
    expect(AddLineItemInput.safeParse({ ...base, discount: '150' }).error?.flatten().fieldErrors).toEqual({ discount: ['Enter a discount from 0 to 100 %, like 12.5.'] })
  })
})
