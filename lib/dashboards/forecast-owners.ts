import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { shiftMonth } from '@/lib/dashboards/params'
import { forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn } from '@/lib/dashboards/org-time'

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
  const wonNow = instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)
  const wonBefore = instantIn(ctx, Prisma.sql`d.closed_at`, previous.from, filters.from)
  const rows = await db.$queryRaw<Row[]>`
    WITH scoped AS (
      SELECT d.owner_id, d.stage_id, d.status, d.amount_minor, d.probability, d.expected_close_on, d.closed_at
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.currency = ${ctx.currency} AND d.status = 'OPEN'
        AND d.expected_close_on >= ${filters.from}::date AND d.expected_close_on < ${filters.toExclusive}::date
      UNION ALL
      SELECT d.owner_id, d.stage_id, d.status, d.amount_minor, d.probability, d.expected_close_on, d.closed_at
      FROM deal d WHERE ${forecastDealScope(ctx, filters)} AND d.currency = ${ctx.currency} AND d.status = 'WON'
        AND ${instantIn(ctx, Prisma.sql`d.closed_at`, previous.from, filters.toExclusive)}
    ), f AS (
      SELECT d.owner_id, d.amount_minor, d.probability,
        d.status = 'OPEN' AND s.forecast_category <> 'OMITTED' AS is_open,
        d.status = 'WON' AND ${wonNow} AS is_won,
        d.status = 'WON' AND ${wonBefore} AS was_won
      FROM scoped d JOIN pipeline_stage s ON s.id = d.stage_id
    ), per_owner AS (
      SELECT owner_id,
        count(*) FILTER (WHERE is_open)::int AS open_deals, sum(amount_minor) FILTER (WHERE is_open) AS open,
        round(sum(amount_minor::numeric * probability) FILTER (WHERE is_open) / 100) AS weighted,
        count(*) FILTER (WHERE is_won)::int AS won_deals, sum(amount_minor) FILTER (WHERE is_won) AS won,
        count(*) FILTER (WHERE was_won)::int AS prev_deals, sum(amount_minor) FILTER (WHERE was_won) AS prev
      FROM f GROUP BY owner_id
    )
    SELECT o.owner_id::text, u.name, o.open_deals, o.open, o.weighted, o.won_deals, o.won, o.prev_deals, o.prev
    FROM per_owner o JOIN "user" u ON u.id = o.owner_id
    WHERE o.open_deals + o.won_deals + o.prev_deals > 0
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
