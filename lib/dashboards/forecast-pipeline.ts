import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { currentMonthStart, forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn, monthOfInstant } from '@/lib/dashboards/org-time'

// The forecast: open deals by expected close month (amount and amount x probability / 100, by
// stage and its forecast category), closed-won by close month in the org's time zone, overdue
// open deals, and what was left out (OMITTED stages, no expected close date, other currencies).
// One scan of the deals in scope, one grouping.

export type PipelineCell = {
  month: string
  stageId: string
  stageName: string
  stagePosition: number
  pipelineName: string
  category: string
  deals: number
  amount: number
  weighted: number
}
export type PipelineTotals = { deals: number; amount: number; weighted: number }
export type ForecastPipeline = {
  open: PipelineCell[]
  won: { month: string; deals: number; amount: number }[]
  /** open deals expected to close before the current month */
  overdue: PipelineTotals
  /** open deals in OMITTED stages, expected to close in the range: left out */
  omitted: PipelineTotals
  /** open deals (not omitted) without an expected close date: left out */
  undated: PipelineTotals
  /** deals in another currency than the organization's that would have counted: left out */
  otherCurrency: number
}

type Row = {
  part: 'open' | 'won' | 'overdue' | 'omitted' | 'undated' | 'other'
  month: string | null
  stage_id: string | null
  stage_name: string | null
  stage_position: number | null
  pipeline_name: string | null
  category: string | null
  deals: number
  amount: bigint | number | null
  weighted: Prisma.Decimal | number | null
}

export async function loadForecastPipeline(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<ForecastPipeline> {
  const closedInRange = instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)
  // Each deal falls in one part; 'overdue' holds the overdue deals BEFORE the range (those in
  // the range are in their month's cells, added below).
  const rows = await db.$queryRaw<Row[]>`
    WITH scoped AS (
      -- only columns of deal_open_forecast_idx: the open deals are read from the index alone
      SELECT 'OPEN'::"DealStatus" AS status, d.currency, d.amount_minor, d.probability, d.expected_close_on, NULL::timestamptz AS closed_at, d.stage_id
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.status = 'OPEN'
      UNION ALL
      SELECT d.status, d.currency, d.amount_minor, d.probability, d.expected_close_on, d.closed_at, d.stage_id
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.status = 'WON' AND ${closedInRange}
    ), parts AS (
      SELECT CASE
          WHEN d.currency <> ${ctx.currency} THEN CASE WHEN d.status = 'WON' OR (s.forecast_category <> 'OMITTED' AND d.expected_close_on >= ${filters.from}::date AND d.expected_close_on < ${filters.toExclusive}::date) THEN 'other' END
          WHEN d.status = 'WON' THEN 'won'
          WHEN s.forecast_category = 'OMITTED' THEN CASE WHEN d.expected_close_on >= ${filters.from}::date AND d.expected_close_on < ${filters.toExclusive}::date THEN 'omitted' END
          WHEN d.expected_close_on IS NULL THEN 'undated'
          WHEN d.expected_close_on >= ${filters.from}::date AND d.expected_close_on < ${filters.toExclusive}::date THEN 'open'
          WHEN d.expected_close_on < ${currentMonthStart(filters)}::date THEN 'overdue'
        END AS part,
        CASE WHEN d.status = 'WON' THEN ${monthOfInstant(ctx, Prisma.sql`d.closed_at`)} ELSE date_trunc('month', d.expected_close_on::timestamp) END AS month,
        d.stage_id, d.amount_minor, d.probability
      FROM scoped d JOIN pipeline_stage s ON s.id = d.stage_id
    ), cells AS (
      -- the CASE above is evaluated once per deal; the few groups are folded below
      SELECT part, month, stage_id, count(*)::int AS deals, sum(amount_minor) AS amount, sum(amount_minor::numeric * probability) AS weighted_x100
      FROM parts GROUP BY 1, 2, 3
    ), grouped AS (
      SELECT part, CASE WHEN part IN ('open', 'won') THEN month END AS month, CASE WHEN part = 'open' THEN stage_id END AS stage_id,
        sum(deals)::int AS deals, sum(amount) AS amount, round(sum(weighted_x100) / 100) AS weighted
      FROM cells WHERE part IS NOT NULL
      GROUP BY 1, 2, 3
    )
    SELECT g.part, to_char(g.month, 'YYYY-MM') AS month, g.stage_id::text, s.name AS stage_name, s.position AS stage_position, p.name AS pipeline_name,
      s.forecast_category::text AS category, g.deals, g.amount, g.weighted
    FROM grouped g LEFT JOIN pipeline_stage s ON s.id = g.stage_id LEFT JOIN pipeline p ON p.id = s.pipeline_id`
  const totals = (part: Row['part']): PipelineTotals => {
    const r = rows.find((x) => x.part === part)
    return { deals: Number(r?.deals ?? 0), amount: Number(r?.amount ?? 0), weighted: Number(r?.weighted ?? 0) }
  }
  const open = rows
    .filter((r) => r.part === 'open')
    .map((r) => ({
      month: r.month!,
      stageId: r.stage_id!,
      stageName: r.stage_name!,
      stagePosition: Number(r.stage_position),
      pipelineName: r.pipeline_name!,
      category: r.category!,
      deals: Number(r.deals),
      amount: Number(r.amount ?? 0),
      weighted: Number(r.weighted ?? 0),
    }))
  const current = currentMonthStart(filters).slice(0, 7)
  const overdue = [totals('overdue'), ...open.filter((c) => c.month < current)].reduce(
    (t, c) => ({ deals: t.deals + c.deals, amount: t.amount + c.amount, weighted: t.weighted + c.weighted }),
    { deals: 0, amount: 0, weighted: 0 },
  )
  return {
    open,
    won: rows.filter((r) => r.part === 'won').map((r) => ({ month: r.month!, deals: Number(r.deals), amount: Number(r.amount ?? 0) })),
    overdue,
    omitted: totals('omitted'),
    undated: totals('undated'),
    otherCurrency: totals('other').deals,
  }
}
