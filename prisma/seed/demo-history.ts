// About 18 months of demo history, so the manager dashboards show a realistic picture on first
// start: deals closed won and lost month by month with their audit trail (demo-history-deals.ts),
// open deals expected in each of the next 6 months, and onboarding projects of the won deals
// done on time or late, or still under way (demo-history-projects.ts). Deterministic: a seeded
// random source and dates relative to today in the organization's time zone, so every seeded
// database has the same shape. The history stays out of the way of the demo's own records:
// closed deals sit below the Won/Lost cards already there, open ones below the demo's open deals.
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import { todayIn } from '../../lib/dates'
import { loadHolidays } from '../../lib/pm/holidays'
import { insertTogether } from '../../lib/pm/sql-batch'
import type { PipelineRef } from './demo-history-basics'
import { planHistoryDeals } from './demo-history-deals'
import { seedHistoryProjects } from './demo-history-projects'
import { dealTables } from './demo-history-rows'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** Run after the demo CRM, templates and projects (it reads their pipelines, products, companies and templates). */
export async function seedDemoHistory(tx: Tx, ctx: Ctx, people: { sales: string[]; manager: string; delivery: string; admin: string }, timeZone: string) {
  const now = new Date()
  const today = todayIn(timeZone, now)
  const [org, pipelines, products, lostReasons, companies, holidays] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } }),
    tx.pipeline.findMany({
      where: { orgId: ctx.orgId },
      orderBy: { position: 'asc' },
      select: { id: true, name: true, isDefault: true, stages: { orderBy: { position: 'asc' }, select: { id: true, name: true, probability: true, kind: true } } },
    }),
    tx.product.findMany({ where: { orgId: ctx.orgId, archivedAt: null }, select: { id: true, name: true, sku: true, unitPriceMinor: true } }),
    tx.lostReason.findMany({ where: { orgId: ctx.orgId }, select: { id: true, label: true } }),
    tx.company.findMany({
      where: { orgId: ctx.orgId, deletedAt: null },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, contacts: { where: { deletedAt: null }, orderBy: { email: 'asc' }, select: { id: true } } },
    }),
    loadHolidays(tx, ctx.orgId),
  ])
  const ref = (p: (typeof pipelines)[number], enterprise: boolean): PipelineRef => ({
    id: p.id,
    name: p.name,
    enterprise,
    open: p.stages.filter((s) => s.kind === 'OPEN'),
    won: p.stages.find((s) => s.kind === 'WON')!,
    lost: p.stages.find((s) => s.kind === 'LOST')!,
  })
  const sales = pipelines.find((p) => p.isDefault)
  const enterprise = pipelines.find((p) => p.name === 'Enterprise')
  if (!sales || !enterprise || companies.length === 0 || products.length === 0) {
    console.log('Demo history skipped: the demo pipelines, companies and products are not there.')
    return { deals: 0, projects: 0 }
  }
  const deals = planHistoryDeals({
    today,
    now,
    owners: [...people.sales, people.manager],
    pipelines: { sales: ref(sales, false), enterprise: ref(enterprise, true) },
    products: products.map((p) => ({ ...p, sku: p.sku ?? '' })),
    lostReasons,
    companies: companies.map((c) => ({ id: c.id, name: c.name, contactIds: c.contacts.map((x) => x.id) })),
  })
  await insertTogether(tx, dealTables(ctx.orgId, org.currency, deals))
  const { projects } = await seedHistoryProjects(tx, ctx, people, deals, { today, now, holidays })
  return { deals: deals.length, projects }
}
