// Issue 6's hot paths: each manager dashboard on the scale data (50,000 deals, 250,000 tasks,
// 5,000 projects), as the page loads it: every figure's query at once, with the page's
// default range.
import type { Db } from '../../lib/db'
import type { DashboardCtx } from '../../lib/dashboards/scope'
import { resolveFilters, type DashboardFilters } from '../../lib/dashboards/params'
import { todayIn } from '../../lib/dates'
import { loadOnTime } from '../../lib/dashboards/delivery-on-time'
import { loadOverdue } from '../../lib/dashboards/delivery-overdue'
import { loadGoLive, loadProjectHealth } from '../../lib/dashboards/delivery-projects'
import { loadWorkload } from '../../lib/dashboards/delivery-workload'
import { loadForecastPipeline } from '../../lib/dashboards/forecast-pipeline'
import { loadForecastOwners } from '../../lib/dashboards/forecast-owners'
import { loadClosedDeals } from '../../lib/dashboards/forecast-win-rate'
import { loadSlippedDeals } from '../../lib/dashboards/forecast-slipped'
import { loadMovement } from '../../lib/dashboards/forecast-movement'
import { loadWonToLiveDistribution } from '../../lib/dashboards/won-to-live-distribution'
import { loadWonToLiveDeals } from '../../lib/dashboards/won-to-live-deals'
import { shiftMonth } from '../../lib/dashboards/params'
import { monthOf } from '../../lib/dates'
import type { Fixtures, HotPath } from './types'

/** The admin's view of the scale organization with a page's default month range. */
async function scope(db: Db, f: Fixtures, range: { back: number; ahead: number }): Promise<{ ctx: DashboardCtx; filters: DashboardFilters }> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: f.orgId }, select: { timeZone: true, currency: true } })
  const ctx: DashboardCtx = { orgId: f.orgId, userId: f.admin.id, role: 'ADMIN', timeZone: org.timeZone, currency: org.currency.trim() }
  return { ctx, filters: resolveFilters({}, ctx, todayIn(org.timeZone), range) }
}

const rendered = (heading: string) => (body: string) => (body.includes(heading) ? null : `the dashboard did not render ("${heading}" is missing)`)

const forecast = async (db: Db, f: Fixtures, range: { back: number; ahead: number }) => {
  const { ctx, filters } = await scope(db, f, range)
  return Promise.all([loadForecastPipeline(db, ctx, filters), loadForecastOwners(db, ctx, filters), loadClosedDeals(db, ctx, filters), loadSlippedDeals(db, ctx, filters), loadMovement(db, ctx, filters)])
}
const lastTwelve = () => {
  const now = monthOf(new Date().toISOString().slice(0, 10))
  return `from=${shiftMonth(now, -11)}&to=${now}`
}

export const dashboardHotPaths: HotPath[] = [
  {
    suite: 'dashboards',
    name: 'sales forecast (next 6 months)',
    budgetMs: 250,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/dashboards/forecast`, as: 'admin', expect: rendered('Forecast by expected close month') }),
    service: (db, f) => forecast(db, f, { back: 0, ahead: 5 }),
  },
  {
    suite: 'dashboards',
    name: 'sales forecast (last 12 months)',
    budgetMs: 250,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/dashboards/forecast?${lastTwelve()}`, as: 'admin', expect: rendered('Forecast by expected close month') }),
    service: (db, f) => forecast(db, f, { back: -11, ahead: 0 }),
  },
  {
    suite: 'dashboards',
    name: 'delivery dashboard (last 12 months)',
    budgetMs: 250,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/dashboards/delivery`, as: 'admin', expect: rendered('On-time') }),
    service: async (db, f) => {
      const { ctx, filters } = await scope(db, f, { back: -11, ahead: 0 })
      return Promise.all([loadOnTime(db, ctx, filters), loadOverdue(db, ctx, filters), loadWorkload(db, ctx, filters), loadProjectHealth(db, ctx, filters), loadGoLive(db, ctx, filters)])
    },
  },
  {
    suite: 'dashboards',
    name: 'won to live (last 12 months)',
    budgetMs: 250,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/dashboards/won-to-live`, as: 'admin', expect: rendered('Won to live by close month') }),
    service: async (db, f) => {
      const { ctx, filters } = await scope(db, f, { back: -11, ahead: 0 })
      return Promise.all([loadWonToLiveDistribution(db, ctx, filters), loadWonToLiveDeals(db, ctx, filters)])
    },
  },
]
