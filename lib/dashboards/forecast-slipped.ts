import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn } from '@/lib/dashboards/org-time'
import { toDay } from '@/lib/dates'

// Deals that slipped in the range: at least one edit in the range moved the expected close date
// later. Read from the audit trail: updateDeal (lib/crm/deals.ts) writes action 'deal.updated'
// with changes.expectedCloseOn = { from: 'YYYY-MM-DD' | null, to: 'YYYY-MM-DD' | null }. Setting
// a first date (from null) or clearing it (to null) is not a slip.

export type SlippedDeal = {
  id: string
  title: string
  ownerName: string
  status: string
  amountMinor: number
  currency: string
  /** how many times its date moved later in the range */
  pushes: number
  /** the date before its first push in the range, and the date after its last push */
  firstFrom: string
  lastTo: string
  /** days between the two */
  slipDays: number
  expectedCloseOn: string | null
}
export type Slipped = { total: number; deals: SlippedDeal[] }

export const SLIPPED_SHOWN = 50

type Row = {
  id: string
  title: string
  owner_name: string
  status: string
  amount_minor: bigint
  currency: string
  pushes: number
  first_from: Date
  last_to: Date
  expected_close_on: Date | null
  total: number
}

export async function loadSlippedDeals(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<Slipped> {
  const rows = await db.$queryRaw<Row[]>`
    WITH pushes AS (
      SELECT l.entity_id AS deal_id, l.created_at,
        (l.changes -> 'expectedCloseOn' ->> 'from')::date AS from_day, (l.changes -> 'expectedCloseOn' ->> 'to')::date AS to_day
      FROM activity_log l
      WHERE l.org_id = ${ctx.orgId}::uuid AND l.entity_type = 'deal' AND l.action = 'deal.updated' AND l.changes ? 'expectedCloseOn'
        AND ${instantIn(ctx, Prisma.sql`l.created_at`, filters.from, filters.toExclusive)}
    ), per_deal AS (
      SELECT deal_id, count(*)::int AS pushes,
        (array_agg(from_day ORDER BY created_at))[1] AS first_from, (array_agg(to_day ORDER BY created_at DESC))[1] AS last_to,
        max(created_at) AS last_push
      FROM pushes WHERE to_day > from_day
      GROUP BY deal_id
    )
    SELECT d.id::text, d.title, u.name AS owner_name, d.status::text, d.amount_minor, d.currency, x.pushes, x.first_from, x.last_to, d.expected_close_on,
      count(*) OVER ()::int AS total
    FROM per_deal x JOIN deal d ON d.id = x.deal_id JOIN "user" u ON u.id = d.owner_id
    WHERE ${forecastDealScope(ctx, filters)}
    ORDER BY x.last_to - x.first_from DESC, x.last_push DESC, d.id
    LIMIT ${SLIPPED_SHOWN}`
  return {
    total: Number(rows[0]?.total ?? 0),
    deals: rows.map((r) => {
      const firstFrom = toDay(r.first_from)
      const lastTo = toDay(r.last_to)
      return {
        id: r.id,
        title: r.title,
        ownerName: r.owner_name,
        status: r.status,
        amountMinor: Number(r.amount_minor),
        currency: r.currency.trim(),
        pushes: Number(r.pushes),
        firstFrom,
        lastTo,
        slipDays: Math.round((Date.parse(lastTo) - Date.parse(firstFrom)) / 86_400_000),
        expectedCloseOn: r.expected_close_on ? toDay(r.expected_close_on) : null,
      }
    }),
  }
}
