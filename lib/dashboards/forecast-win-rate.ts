import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn, monthBucket, monthOfBucket } from '@/lib/dashboards/org-time'

// Deals closed in the range, counted by their CURRENT status and closedAt (a deal won, lost and
// won again is one won deal, in the month of its last close): win rate = won / (won + lost) by
// month, owner, pipeline, deal type and overall; the sales cycle (createdAt -> closedAt, days) of
// won deals; and lost deals by lost reason. Counts cover every currency, amounts only the
// organization's. One scan, six groupings.

export type ClosedDimension = 'month' | 'owner' | 'pipeline' | 'type' | 'reason' | 'total'
export type ClosedGroup = {
  dim: ClosedDimension
  /** 'YYYY-MM', an owner / pipeline / lost reason id, a deal type, or null (total; no reason) */
  key: string | null
  label: string | null
  won: number
  lost: number
  wonAmount: number
  lostAmount: number
  /** average days from created to closed of the won deals (null without any) */
  cycleDays: number | null
}

type Row = { dim: ClosedDimension; key: string | null; label: string | null; won: number; lost: number; won_amount: bigint | null; lost_amount: bigint | null; cycle_days: number | null }

export async function loadClosedDeals(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<ClosedGroup[]> {
  // The month is a bucket of month starts (no time-zone conversion per deal); the cycle is
  // worked out for the won deals only.
  const rows = await db.$queryRaw<Row[]>`
    WITH closed AS (
      SELECT ${monthBucket(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)} AS month, d.owner_id, d.pipeline_id, d.deal_type,
        d.lost_reason_id, d.status = 'WON' AS won, d.currency = ${ctx.currency} AS home, d.amount_minor,
        CASE WHEN d.status = 'WON' THEN extract(epoch FROM d.closed_at - d.created_at) / 86400 END AS cycle
      FROM deal d
      WHERE ${forecastDealScope(ctx, filters)} AND d.status IN ('WON', 'LOST')
        AND ${instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)}
    ), grouped AS (
      SELECT GROUPING(month, owner_id, pipeline_id, deal_type, lost_reason_id) AS grp, month, owner_id, pipeline_id, deal_type, lost_reason_id,
        count(*) FILTER (WHERE won)::int AS won, count(*) FILTER (WHERE NOT won)::int AS lost,
        sum(amount_minor) FILTER (WHERE won AND home) AS won_amount, sum(amount_minor) FILTER (WHERE NOT won AND home) AS lost_amount,
        avg(cycle)::float8 AS cycle_days
      FROM closed
      GROUP BY GROUPING SETS ((month), (owner_id), (pipeline_id), (deal_type), (lost_reason_id), ())
    )
    SELECT CASE g.grp WHEN 15 THEN 'month' WHEN 23 THEN 'owner' WHEN 27 THEN 'pipeline' WHEN 29 THEN 'type' WHEN 30 THEN 'reason' ELSE 'total' END AS dim,
      CASE g.grp WHEN 15 THEN ${monthOfBucket(filters.from, Prisma.sql`g.month`)} WHEN 23 THEN g.owner_id::text WHEN 27 THEN g.pipeline_id::text WHEN 29 THEN g.deal_type::text WHEN 30 THEN g.lost_reason_id::text END AS key,
      CASE g.grp WHEN 23 THEN u.name WHEN 27 THEN p.name WHEN 30 THEN r.label END AS label,
      g.won, g.lost, g.won_amount, g.lost_amount, g.cycle_days
    FROM grouped g
    LEFT JOIN "user" u ON g.grp = 23 AND u.id = g.owner_id
    LEFT JOIN pipeline p ON g.grp = 27 AND p.id = g.pipeline_id
    LEFT JOIN lost_reason r ON g.grp = 30 AND r.id = g.lost_reason_id
    WHERE g.grp <> 30 OR g.lost > 0
    ORDER BY 1, 2`
  return rows.map((r) => ({
    dim: r.dim,
    key: r.key,
    label: r.label,
    won: Number(r.won),
    lost: Number(r.lost),
    wonAmount: Number(r.won_amount ?? 0),
    lostAmount: Number(r.lost_amount ?? 0),
    cycleDays: r.cycle_days === null ? null : Number(r.cycle_days),
  }))
}
