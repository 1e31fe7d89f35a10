import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import type { DealContactRole, DealType } from '../../lib/generated/prisma/enums'
import { addDays, fromDay, todayIn } from '../../lib/dates'
import { lineItemTotal } from '../../lib/money'
import { createDefaultLostReasons, createPipeline, DEFAULT_STAGES } from '../../lib/crm/pipelines'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** A small deterministic random source, so every seeded database looks the same. */
export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! }
}

const COMPANIES = [
  ['Northwind Traders', 'northwind.example', 'Wholesale', 'DE'],
  ['Contoso Pharma', 'contoso.example', 'Healthcare', 'US'],
  ['Fabrikam Logistics', 'fabrikam.example', 'Logistics', 'NL'],
  ['Tailspin Airlines', 'tailspin.example', 'Travel', 'GB'],
  ['Wide World Importers', 'wideworld.example', 'Retail', 'US'],
  ['Litware Systems', 'litware.example', 'Software', 'FR'],
  ['Adventure Works', 'adventure-works.example', 'Manufacturing', 'DE'],
  ['Proseware Bank', 'proseware.example', 'Finance', 'CH'],
  ['Lucerne Publishing', 'lucerne.example', 'Media', 'AT'],
  ['Coho Winery', 'coho.example', 'Food & beverage', 'IT'],
  ['Margie’s Travel', 'margies.example', 'Travel', 'ES'],
  ['Woodgrove Energy', 'woodgrove.example', 'Energy', 'NO'],
  ['Trey Research', 'trey.example', 'Research', 'SE'],
  ['Humongous Insurance', 'humongous.example', 'Insurance', 'US'],
  ['Blue Yonder Health', 'blueyonder.example', 'Healthcare', 'DK'],
] as const

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elif', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Leon', 'Maya', 'Nils', 'Olga', 'Paul']
const LAST = ['Berger', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jansen', 'Keller', 'Larsen', 'Moreau', 'Novak', 'Olsen']
const TITLES = ['Head of Operations', 'CFO', 'IT Director', 'Procurement Lead', 'COO', 'Project Manager', 'VP Customer Success']
const ROLES: DealContactRole[] = ['DECISION_MAKER', 'CHAMPION', 'BILLING', 'TECHNICAL', 'USER']

const PRODUCTS = [
  { name: 'Onboarding Pro', sku: 'ONB-PRO', unitPriceMinor: 1_200_000n },
  { name: 'Onboarding Starter', sku: 'ONB-START', unitPriceMinor: 450_000n },
  { name: 'Implementation day', sku: 'IMPL-DAY', unitPriceMinor: 120_000n },
  { name: 'Premium support (year)', sku: 'SUP-PREM', unitPriceMinor: 600_000n },
  { name: 'Platform licence (seat, year)', sku: 'LIC-SEAT', unitPriceMinor: 36_000n },
]

const DEAL_NAMES = ['Rollout', 'Expansion', 'Pilot', 'Renewal', 'Migration', 'Onboarding', 'Upgrade', 'Integration']

/** Pipelines, lost reasons, products, companies, contacts and open deals for the demo org. */
export async function seedDemoCrm(tx: Tx, ctx: Ctx, people: { sales: string[]; manager: string }, timeZone: string) {
  const random = prng(20261125)
  const today = todayIn(timeZone)
  const sales = await createPipeline(tx, ctx, { name: 'New business', isDefault: true })
  await createPipeline(tx, ctx, {
    name: 'Enterprise',
    stages: [
      { name: 'Discovery', probability: 10, kind: 'OPEN', forecastCategory: 'PIPELINE' },
      { name: 'Solution design', probability: 30, kind: 'OPEN', forecastCategory: 'PIPELINE' },
      { name: 'Business case', probability: 50, kind: 'OPEN', forecastCategory: 'BEST_CASE' },
      { name: 'Legal review', probability: 80, kind: 'OPEN', forecastCategory: 'COMMIT' },
      ...DEFAULT_STAGES.filter((s) => s.kind !== 'OPEN'),
    ],
  })
  await createDefaultLostReasons(tx, ctx)
  const org = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })
  await tx.product.createMany({ data: PRODUCTS.map((p) => ({ ...p, orgId: ctx.orgId, currency: org.currency })) })
  const products = await tx.product.findMany({ where: { orgId: ctx.orgId }, orderBy: { sku: 'asc' } })
  const stages = await tx.pipelineStage.findMany({ where: { pipelineId: sales.id, kind: 'OPEN' }, orderBy: { position: 'asc' } })
  const owners = [...people.sales, people.manager]

  for (const [index, [name, domain, industry, country]] of COMPANIES.entries()) {
    const ownerId = owners[index % owners.length]!
    const company = await tx.company.create({
      data: { orgId: ctx.orgId, name, domain, industry, country, ownerId, sizeBand: random.pick(['S11_50', 'S51_200', 'S201_1000'] as const) },
    })
    const contacts = []
    for (let c = 0; c < 2; c++) {
      const first = random.pick(FIRST)
      const last = random.pick(LAST)
      contacts.push(
        await tx.contact.create({
          data: {
            orgId: ctx.orgId,
            firstName: first,
            lastName: last,
            email: `${first}.${last}.${c}@${domain}`.toLowerCase(),
            phone: `+49 30 ${random.int(1000000, 9999999)}`,
            jobTitle: random.pick(TITLES),
            companyId: company.id,
            ownerId,
          },
        }),
      )
    }
    for (let d = 0; d < (index % 3) + 1; d++) {
      const stage = stages[(index + d) % stages.length]!
      const dealType: DealType = d === 0 ? 'NEW_BUSINESS' : random.pick(['EXPANSION', 'RENEWAL'] as const)
      const items = [random.pick(products), random.pick(products)].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
      const lines = items.map((product, position) => ({
        productId: product.id,
        name: product.name,
        quantity: product.sku === 'LIC-SEAT' ? random.int(20, 200) : random.int(1, 5),
        unitPriceMinor: product.unitPriceMinor,
        discountBp: random.pick([0, 0, 500, 1000]),
        position,
      }))
      const amountMinor = lines.reduce((sum, l) => sum + lineItemTotal(l.quantity, l.unitPriceMinor, l.discountBp), 0n)
      const deal = await tx.deal.create({
        data: {
          orgId: ctx.orgId,
          title: `${name.split(' ')[0]} ${random.pick(DEAL_NAMES)}`,
          amountMinor,
          currency: org.currency,
          pipelineId: sales.id,
          stageId: stage.id,
          probability: stage.probability,
          expectedCloseOn: fromDay(addDays(today, random.int(-10, 120))),
          ownerId,
          companyId: company.id,
          dealType,
          commitments: d === 0 ? 'Go-live before the end of next quarter; weekly status call during onboarding.' : null,
          position: (index * 3 + d + 1) * 1024,
        },
      })
      await tx.dealLineItem.createMany({ data: lines.map((l) => ({ ...l, orgId: ctx.orgId, dealId: deal.id })) })
      await tx.dealContact.createMany({
        data: contacts.map((contact, i) => ({ orgId: ctx.orgId, dealId: deal.id, contactId: contact.id, role: ROLES[(i + d) % ROLES.length]! })),
      })
      await tx.activity.create({
        data: { orgId: ctx.orgId, kind: 'NOTE', body: `Intro call went well; ${contacts[0]!.firstName} wants a proposal.`, dealId: deal.id, authorId: ownerId },
      })
    }
  }
}
