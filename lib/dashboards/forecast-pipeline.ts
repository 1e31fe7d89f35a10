import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { currentMonthStart, forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn, monthBucket, monthOfBucket } from '@/lib/dashboards/org-time'

// The forecast: open deals by expected close month (amount and amount x probability / 100, by
// stage and its forecast category), closed-won by close month in the org's time zone, overdue
// open deals, and what was left out (OMITTED stages, no expected close date, other currencies).
// One scan of the open deals and one of the won deals of the range, each grouped at once.

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
  const months = filters.months.length
  const current = currentMonthStart(filters)
  const inRange = Prisma.sql`g.bucket BETWEEN 1 AND ${months}`
  // Each deal falls in one part; 'overdue' holds the overdue deals BEFORE the range (those in
  // the range are in their month's cells, added below). The deals are first grouped on what the
  // parts and sums need (month number, stage, probability): the parts, the weighting and the
  // names are then worked out on those few groups, not on every deal.
  const rows = await db.$queryRaw<Row[]>`
    WITH open_groups AS (
      -- only columns of deal_open_forecast_idx: read from the index alone. Open deals expected
      -- after the range and the current month count nowhere.
      SELECT d.stage_id, d.currency = ${ctx.currency} AS home, d.probability,
        width_bucket(d.expected_close_on, (SELECT array_agg(m::date ORDER BY m) FROM generate_series(${filters.from}::timestamp, ${filters.toExclusive}::timestamp, interval '1 month') m)) AS bucket,
        d.expected_close_on < ${current}::date AS before_current,
        count(*)::int AS deals, sum(d.amount_minor) AS amount
      FROM deal d
      WHERE ${forecastDealScope(ctx, filters)} AND d.status = 'OPEN'
        AND (d.expected_close_on < greatest(${filters.toExclusive}::date, ${current}::date) OR d.expected_close_on IS NULL)
      GROUP BY 1, 2, 3, 4, 5
    ), won_groups AS (
      SELECT d.currency = ${ctx.currency} AS home, ${monthBucket(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)} AS bucket,
        count(*)::int AS deals, sum(d.amount_minor) AS amount
      FROM deal d
      WHERE ${forecastDealScope(ctx, filters)} AND d.status = 'WON' AND ${instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)}
      GROUP BY 1, 2
    ), cells AS (
      SELECT CASE
          WHEN NOT g.home THEN CASE WHEN s.forecast_category <> 'OMITTED' AND ${inRange} THEN 'other' END
          WHEN s.forecast_category = 'OMITTED' THEN CASE WHEN ${inRange} THEN 'omitted' END
          WHEN g.bucket IS NULL THEN 'undated'
          WHEN ${inRange} THEN 'open'
          WHEN g.before_current THEN 'overdue'
        END AS part,
        g.bucket, g.stage_id, g.deals, g.amount, g.amount::numeric * g.probability AS weighted_x100
      FROM open_groups g JOIN pipeline_stage s ON s.id = g.stage_id
      UNION ALL
      SELECT CASE WHEN g.home THEN 'won' ELSE 'other' END, g.bucket, NULL, g.deals, g.amount, NULL
      FROM won_groups g
    ), grouped AS (
      SELECT part, CASE WHEN part IN ('open', 'won') THEN bucket END AS bucket, CASE WHEN part = 'open' THEN stage_id END AS stage_id,
        sum(deals)::int AS deals, sum(amount) AS amount, round(sum(weighted_x100) / 100) AS weighted
      FROM cells WHERE part IS NOT NULL
      GROUP BY 1, 2, 3
    )
    SELECT g.part, ${monthOfBucket(filters.from, Prisma.sql`g.bucket`)} AS month, g.stage_id::text, s.name AS stage_name, s.position AS stage_position, p.name AS pipeline_name,
      s.forecast_category::text AS category, g.deals, g.amount, g.weighted
    FROM grouped g LEFT JOIN pipeline_stage s ON s.id = g.stage_id LEFT JOIN pipeline p ON p.id = s.pipeline_id
    ORDER BY g.part, g.bucket, p.name, s.position`
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
  const overdue = [totals('overdue'), ...open.filter((c) => c.month < current.slice(0, 7))].reduce(
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
