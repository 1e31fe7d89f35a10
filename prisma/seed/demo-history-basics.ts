// What every deal of the demo history is made of (demo-history-deals.ts plans them): an owner,
// a pipeline (about a quarter Enterprise), a deal type, a company and a title not taken yet,
// line items of the demo products by pipeline and type (the amount is their sum, as the app
// computes it), and one or two of the company's contacts.
import type { DealType } from '../../lib/generated/prisma/enums'
import type { Day } from '../../lib/dates'
import { lineItemTotal } from '../../lib/money'
import { chance, weighted, type Random } from './demo-history-time'

export type StageRef = { id: string; name: string; probability: number }
export type PipelineRef = { id: string; name: string; enterprise: boolean; open: StageRef[]; won: StageRef; lost: StageRef }
export type ProductRef = { id: string; name: string; sku: string; unitPriceMinor: bigint }
export type CompanyRef = { id: string; name: string; contactIds: string[] }
export type HistoryRefs = {
  today: Day
  now: Date
  /** deal owners: the sales reps, then the manager */
  owners: string[]
  pipelines: { sales: PipelineRef; enterprise: PipelineRef }
  products: ProductRef[]
  lostReasons: { id: string; label: string }[]
  companies: CompanyRef[]
}

export type Line = { productId: string; name: string; quantity: number; unitPriceMinor: bigint; discountBp: number }

const TYPES: [DealType, number][] = [
  ['NEW_BUSINESS', 60],
  ['EXPANSION', 22],
  ['RENEWAL', 18],
]
const NAMES: Record<DealType, string[]> = {
  NEW_BUSINESS: ['Rollout', 'Onboarding', 'Pilot', 'Platform rollout', 'Migration', 'Integration', 'Group rollout'],
  EXPANSION: ['Expansion', 'Seat top-up', 'Second site', 'Upgrade', 'EU rollout', 'Analytics add-on'],
  RENEWAL: ['Renewal', 'Support renewal', 'Licence renewal'],
}

/** "Northwind Rollout", "Wide World Rollout": the company's first word, or two when the first is short. */
function titleOf(company: CompanyRef, name: string) {
  const words = company.name.split(' ')
  return `${words[0]!.length < 5 ? words.slice(0, 2).join(' ') : words[0]} ${name}`
}

export function basics(refs: HistoryRefs, random: Random, titles: Set<string>, year: string) {
  const ownerIndex = random.int(0, refs.owners.length - 1)
  const enterprise = chance(random, 0.28)
  const dealType = weighted(random, TYPES)
  // a title not taken yet: another name or company, else the year, else a later phase
  let company = random.pick(refs.companies)
  let title = titleOf(company, random.pick(NAMES[dealType]))
  for (let attempt = 0; attempt < 8 && titles.has(title); attempt++) {
    company = random.pick(refs.companies)
    title = titleOf(company, random.pick(NAMES[dealType]))
  }
  if (titles.has(title)) title = `${title} ${year}`
  for (let phase = 2; titles.has(title); phase++) title = `${title.replace(/ \(phase \d+\)$/, '')} (phase ${phase})`
  titles.add(title)
  const lines = lineItems(refs, random, enterprise, dealType)
  return {
    id: crypto.randomUUID(),
    title,
    ownerIndex,
    ownerId: refs.owners[ownerIndex]!,
    pipeline: enterprise ? refs.pipelines.enterprise : refs.pipelines.sales,
    company,
    dealType,
    lines,
    amountMinor: lines.reduce((sum, l) => sum + lineItemTotal(l.quantity, l.unitPriceMinor, l.discountBp), 0n),
    contacts: company.contactIds.slice(0, random.int(1, 2)).map((contactId, i) => ({ contactId, role: (['DECISION_MAKER', 'CHAMPION'] as const)[i]! })),
  }
}

function lineItems(refs: HistoryRefs, random: Random, enterprise: boolean, type: DealType): Line[] {
  const lines: Line[] = []
  const add = (sku: string, quantity: number, wanted = true) => {
    const product = refs.products.find((p) => p.sku === sku)
    const discountBp = random.pick(enterprise ? [0, 500, 1000, 1500] : [0, 0, 0, 500, 1000])
    if (product && wanted) lines.push({ productId: product.id, name: product.name, quantity, unitPriceMinor: product.unitPriceMinor, discountBp })
  }
  if (type === 'RENEWAL') {
    add('SUP-PREM', 1)
    add('LIC-SEAT', random.int(20, enterprise ? 300 : 120), chance(random, 0.7))
  } else if (type === 'EXPANSION') {
    add('LIC-SEAT', random.int(10, enterprise ? 200 : 80))
    add('IMPL-DAY', random.int(1, 4), chance(random, 0.5))
  } else if (enterprise) {
    add('ONB-PRO', 1)
    add('LIC-SEAT', random.int(80, 350))
    add('IMPL-DAY', random.int(5, 20))
    add('SUP-PREM', 1, chance(random, 0.6))
  } else {
    add(chance(random, 0.6) ? 'ONB-START' : 'ONB-PRO', 1)
    add('LIC-SEAT', random.int(10, 80), chance(random, 0.7))
    add('IMPL-DAY', random.int(1, 5), chance(random, 0.5))
  }
  return lines
}
