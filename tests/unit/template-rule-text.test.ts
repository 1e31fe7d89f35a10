import { describe, expect, it } from 'vitest'
import { conditionCount, describeConditions, ruleSummary, type RuleConditions } from '@/lib/pm/template-rule-text'

const lookups = { pipelines: new Map([['p1', 'Enterprise']]), products: new Map([['a', 'Onboarding Pro'], ['b', 'Onboarding Starter'], ['c', 'Support']]), currency: 'EUR' }
const rule = (over: Partial<RuleConditions>): RuleConditions => ({ pipelineId: null, dealType: null, productIds: [], minAmountMinor: null, maxAmountMinor: null, ...over })

describe('rule text', () => {
  it('reads every condition in a fixed order', () => {
    expect(describeConditions(rule({ maxAmountMinor: '1000000', pipelineId: 'p1', dealType: 'RENEWAL', productIds: ['a', 'b', 'c'], minAmountMinor: '500000' }), lookups)).toEqual([
      'pipeline Enterprise',
      'deal type Renewal',
      'any of the products Onboarding Pro, Onboarding Starter or Support',
      'amount €5,000.00–€10,000.00',
    ])
  })

  it('writes one-sided amounts and a one-line summary', () => {
    expect(ruleSummary(rule({ minAmountMinor: '5000000' }), lookups)).toBe('Amount ≥ €50,000.00')
    expect(ruleSummary(rule({ maxAmountMinor: '100', productIds: ['a'] }), lookups)).toBe('Product Onboarding Pro · amount ≤ €1.00')
    expect(ruleSummary(rule({}), lookups)).toBe('Every deal')
  })

  it('counts each set field as one condition', () => {
    expect(conditionCount(rule({}))).toBe(0)
    expect(conditionCount(rule({ pipelineId: 'p1', minAmountMinor: '1', maxAmountMinor: '2' }))).toBe(3)
    expect(conditionCount(rule({ productIds: ['a', 'b'] }))).toBe(1)
  })
})
