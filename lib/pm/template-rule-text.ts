// How a template rule reads to a person: "pipeline Enterprise", "amount ≥ €50,000.00". Pure;
// used for the rule list, the templates overview and the reasons pickTemplate gives.
import { dealTypeLabels } from '@/lib/crm/deals.schema'
import { formatMoney } from '@/lib/money'

export type DealTypeValue = keyof typeof dealTypeLabels

export type RuleConditions = {
  pipelineId: string | null
  dealType: DealTypeValue | null
  productIds: string[]
  /** minor units of the organization's currency, as strings (BigInt at the DTO boundary) */
  minAmountMinor: string | null
  maxAmountMinor: string | null
}

export type RuleLookups = { pipelines: ReadonlyMap<string, string>; products: ReadonlyMap<string, string>; currency: string }

/** Each set field counts: a range with both ends is more specific than one with a minimum only. */
export function conditionCount(rule: RuleConditions): number {
  return [rule.pipelineId !== null, rule.dealType !== null, rule.productIds.length > 0, rule.minAmountMinor !== null, rule.maxAmountMinor !== null].filter(Boolean).length
}

export function describeAmount(min: string | null, max: string | null, currency: string): string | null {
  const money = (minor: string) => formatMoney(minor, currency)
  if (min !== null && max !== null) return `amount ${money(min)}–${money(max)}`
  if (min !== null) return `amount ≥ ${money(min)}`
  if (max !== null) return `amount ≤ ${money(max)}`
  return null
}

/** "a, b or c" */
export function orList(items: string[]): string {
  return joinList(items, 'or')
}

/** "a, b and c" */
export function andList(items: string[]): string {
  return joinList(items, 'and')
}

function joinList(items: string[], word: string) {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`
}

/** The conditions of a rule in words, in a fixed order. */
export function describeConditions(rule: RuleConditions, lookups: RuleLookups): string[] {
  const parts: string[] = []
  if (rule.pipelineId) parts.push(`pipeline ${lookups.pipelines.get(rule.pipelineId) ?? '(removed)'}`)
  if (rule.dealType) parts.push(`deal type ${dealTypeLabels[rule.dealType]}`)
  if (rule.productIds.length) {
    const names = rule.productIds.map((id) => lookups.products.get(id) ?? '(removed product)')
    parts.push(`${names.length === 1 ? 'product' : 'any of the products'} ${orList(names)}`)
  }
  const amount = describeAmount(rule.minAmountMinor, rule.maxAmountMinor, lookups.currency)
  if (amount) parts.push(amount)
  return parts
}

/** One line for a list: "Pipeline Enterprise · amount ≥ €50,000.00". */
export function ruleSummary(rule: RuleConditions, lookups: RuleLookups): string {
  const parts = describeConditions(rule, lookups)
  if (!parts.length) return 'Every deal'
  const text = parts.join(' · ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
