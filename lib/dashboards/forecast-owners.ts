import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { shiftMonth } from '@/lib/dashboards/params'
import { forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn, startOf } from '@/lib/dashboards/org-time'

// By owner: open pipeline (open deals expected to close in the range, OMITTED stages left out),
// weighted pipeline, and won in the range against won in the period of the same length just
// before it. Deals in the organization's currency only.

export type OwnerFigures = {
  ownerId: string
  name: string
  openDeals: number
  open: number
  weighted: number
  wonDeals: number
  won: number
  previousWonDeals: number
  previousWon: number
}

/** The period of the same length just before the range: [previousFrom, from). */
export function previousPeriod(filters: Pick<DashboardFilters, 'fromMonth' | 'months'>): { fromMonth: string; from: string } {
  const fromMonth = shiftMonth(filters.fromMonth, -filters.months.length)
  return { fromMonth, from: `${fromMonth}-01` }
}

type Row = { owner_id: string; name: string; open_deals: number; open: bigint | null; weighted: Prisma.Decimal | null; won_deals: number; won: bigint | null; prev_deals: number; prev: bigint | null }

export async function loadForecastOwners(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<OwnerFigures[]> {
  const previous = previousPeriod(filters)
  // Grouped by owner (and stage and probability for the open deals) first; the stage's category
  // and the weighting are applied to those groups, the names joined to the owners found.
  const rows = await db.$queryRaw<Row[]>`
    WITH open_groups AS (
      SELECT d.owner_id, d.stage_id, d.probability, count(*)::int AS deals, sum(d.amount_minor) AS amount
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.currency = ${ctx.currency} AND d.status = 'OPEN'
        AND d.expected_close_on >= ${filters.from}::date AND d.expected_close_on < ${filters.toExclusive}::date
      GROUP BY 1, 2, 3
    ), won_groups AS (
      -- won in [previous.from, toExclusive): in the range from its start, in the previous period before it
      SELECT d.owner_id, d.closed_at >= ${startOf(ctx, filters.from)} AS in_range, count(*)::int AS deals, sum(d.amount_minor) AS amount
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.currency = ${ctx.currency} AND d.status = 'WON'
        AND ${instantIn(ctx, Prisma.sql`d.closed_at`, previous.from, filters.toExclusive)}
      GROUP BY 1, 2
    ), parts AS (
      SELECT 'open' AS part, g.owner_id, g.deals, g.amount, g.amount::numeric * g.probability AS weighted_x100
      FROM open_groups g JOIN pipeline_stage s ON s.id = g.stage_id WHERE s.forecast_category <> 'OMITTED'
      UNION ALL
      SELECT CASE WHEN in_range THEN 'won' ELSE 'previous' END, owner_id, deals, amount, NULL FROM won_groups
    ), per_owner AS (
      SELECT owner_id,
        coalesce(sum(deals) FILTER (WHERE part = 'open'), 0)::int AS open_deals, sum(amount) FILTER (WHERE part = 'open') AS open,
        round(sum(weighted_x100) FILTER (WHERE part = 'open') / 100) AS weighted,
        coalesce(sum(deals) FILTER (WHERE part = 'won'), 0)::int AS won_deals, sum(amount) FILTER (WHERE part = 'won') AS won,
        coalesce(sum(deals) FILTER (WHERE part = 'previous'), 0)::int AS prev_deals, sum(amount) FILTER (WHERE part = 'previous') AS prev
      FROM parts GROUP BY owner_id
    )
    SELECT o.owner_id::text, u.name, o.open_deals, o.open, o.weighted, o.won_deals, o.won, o.prev_deals, o.prev
    FROM per_owner o JOIN "user" u ON u.id = o.owner_id
    ORDER BY o.open DESC NULLS LAST, o.won DESC NULLS LAST, u.name`
  return rows.map((r) => ({
    ownerId: r.owner_id,
    name: r.name,
    openDeals: Number(r.open_deals),
    open: Number(r.open ?? 0),
    weighted: Number(r.weighted ?? 0),
    wonDeals: Number(r.won_deals),
    won: Number(r.won ?? 0),
    previousWonDeals: Number(r.prev_deals),
    previousWon: Number(r.prev ?? 0),
  }))
}
