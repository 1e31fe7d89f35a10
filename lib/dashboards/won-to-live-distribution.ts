import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import type { WonToLiveFilters } from '@/lib/dashboards/won-to-live-params'
import { monthBucket, monthOfBucket } from '@/lib/dashboards/org-time'
import { durationsSql, firstStartSql, rangeDays, wonDealsSql } from '@/lib/dashboards/won-to-live-scope'
import { plannedEachRun } from '@/lib/statement-names'

// The distribution (median, p75, p90: percentile_cont, interpolated) of the four won-to-live
// durations, for all deals and by close month, template, product and deal owner, in one query.
// A deal with several products counts once under each of them; a deal without a product line
// with a product counts under "no product" (key null).

export type WonToLiveDimension = 'total' | 'month' | 'template' | 'product' | 'owner'
export type Percentiles = { p50: number | null; p75: number | null; p90: number | null }
export const DURATION_KEYS = ['closeToKickoff', 'kickoffToStart', 'handoff', 'closeToLive'] as const
export type DurationKey = (typeof DURATION_KEYS)[number]

export type WonToLiveGroup = {
  dim: WonToLiveDimension
  /** 'YYYY-MM' for months, the template / product / owner id, or null (none) */
  key: string | null
  label: string | null
  /** won deals with a project in the group */
  deals: number
  /** of which a task was started */
  started: number
  /** of which the project is done */
  live: number
} & Record<DurationKey, Percentiles>

type Row = {
  dim: WonToLiveDimension
  key: string | null
  label: string | null
  deals: number
  started: number
  live: number
  close_kickoff: number[] | null
  kickoff_start: number[] | null
  handoff: number[] | null
  close_live: number[] | null
}

/** percentile_cont interpolates in float8: 2 decimals are plenty for days (and drop 10.900000000000002). */
const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 100) / 100)
const percentiles = (values: number[] | null): Percentiles => ({ p50: round(values?.[0]), p75: round(values?.[1]), p90: round(values?.[2]) })

export async function loadWonToLiveDistribution(db: Db, ctx: DashboardCtx, filters: DashboardFilters & WonToLiveFilters): Promise<WonToLiveGroup[]> {
  const { days, dayOf } = rangeDays(ctx, filters)
  const month = monthBucket(ctx, Prisma.sql`w.closed_at`, filters.from, filters.toExclusive)
  const figuresOf = (groups: Prisma.Sql) => Prisma.sql`
        count(*)::int AS deals, count(first_start_on)::int AS started, count(live_on)::int AS live,
        percentile_cont(ARRAY[0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY close_kickoff) AS close_kickoff,
        percentile_cont(ARRAY[0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY kickoff_start) AS kickoff_start,
        percentile_cont(ARRAY[0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY handoff) AS handoff,
        percentile_cont(ARRAY[0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY close_live) AS close_live
      FROM ${groups}`
  // Each percentile sorts its group's values: total, month, template and owner are grouping
  // sets of the facts (one sort per set), products a grouping of the facts joined to the
  // products of their deals (read in one index scan for all the deals). HAVING: no total row
  // when no deal was won.
  const rows = await db.$queryRaw<Row[]>`${plannedEachRun}
    WITH days AS MATERIALIZED (${days}),
    won AS (${wonDealsSql(ctx, filters, dayOf)}),
    facts AS MATERIALIZED (
      -- the first starts are probed in project order: the index pages are read in order (~15% faster)
      SELECT w.deal_id, w.owner_id, w.template_id, ${month} AS month, fs.first_start_on, w.live_on, ${durationsSql(filters.today)}
      FROM (SELECT * FROM won ORDER BY project_id) w ${firstStartSql(ctx, dayOf)}
    ),
    products AS (
      SELECT DISTINCT li.deal_id, li.product_id FROM deal_line_item li
      WHERE li.org_id = ${ctx.orgId}::uuid AND li.product_id IS NOT NULL AND li.deal_id = ANY (ARRAY(SELECT deal_id FROM facts))
    ),
    grouped AS (
      SELECT CASE GROUPING(month, template_id, owner_id) WHEN 3 THEN 'month' WHEN 5 THEN 'template' WHEN 6 THEN 'owner' ELSE 'total' END AS dim,
        CASE GROUPING(month, template_id, owner_id) WHEN 3 THEN ${monthOfBucket(filters.from, Prisma.sql`month`)} WHEN 5 THEN template_id::text WHEN 6 THEN owner_id::text END AS key,
        ${figuresOf(Prisma.sql`facts GROUP BY GROUPING SETS ((month), (template_id), (owner_id), ()) HAVING count(*) > 0`)}
      UNION ALL
      SELECT 'product', pr.product_id::text,
        ${figuresOf(Prisma.sql`facts f LEFT JOIN products pr ON pr.deal_id = f.deal_id GROUP BY pr.product_id`)}
    )
    SELECT g.*, CASE g.dim WHEN 'template' THEN tp.name WHEN 'product' THEN pd.name WHEN 'owner' THEN u.name END AS label
    FROM grouped g
    LEFT JOIN project_template tp ON tp.id = (CASE WHEN g.dim = 'template' THEN g.key END)::uuid
    LEFT JOIN product pd ON pd.id = (CASE WHEN g.dim = 'product' THEN g.key END)::uuid
    LEFT JOIN "user" u ON u.id = (CASE WHEN g.dim = 'owner' THEN g.key END)::uuid
    ORDER BY g.dim, g.deals DESC, label, g.key`
  return rows.map((r) => ({
    dim: r.dim,
    key: r.key,
    label: r.label,
    deals: Number(r.deals),
    started: Number(r.started),
    live: Number(r.live),
    closeToKickoff: percentiles(r.close_kickoff),
    kickoffToStart: percentiles(r.kickoff_start),
    handoff: percentiles(r.handoff),
    closeToLive: percentiles(r.close_live),
  }))
}
