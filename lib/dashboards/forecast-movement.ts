import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { forecastDealScope } from '@/lib/dashboards/forecast-scope'
import { instantIn, monthBucket, monthOfBucket } from '@/lib/dashboards/org-time'

// Pipeline movement by month (org time zone), each deal counted at most once per month and kind:
// - entered: deals created in the month (deal.created_at, the time of the 'deal.created' entry);
// - advanced: deals with a 'deal.stage_changed' entry in the month whose changes.stageId moved
//   them to a later position of the same pipeline, into an open stage (closing is won or lost);
// - won / lost: deals whose CURRENT status is won / lost and whose closedAt is in the month (as
//   in the win rate: won, lost and won again is one win, in the month of the last close).
// Filters (owner, pipeline) apply to the deal as it is now.

export type MovementMonth = { month: string; entered: number; advanced: number; won: number; lost: number }

type Row = { kind: 'entered' | 'advanced' | 'won' | 'lost'; month: string; deals: number }

export async function loadMovement(db: Db, ctx: DashboardCtx, filters: DashboardFilters): Promise<MovementMonth[]> {
  const scope = forecastDealScope(ctx, filters)
  const month = (column: Prisma.Sql) => monthBucket(ctx, column, filters.from, filters.toExclusive)
  const rows = await db.$queryRaw<Row[]>`
    SELECT kind, ${monthOfBucket(filters.from, Prisma.sql`month`)} AS month, deals FROM (
    SELECT 'entered' AS kind, ${month(Prisma.sql`d.created_at`)} AS month, count(*)::int AS deals
    FROM deal d
    WHERE ${scope} AND ${instantIn(ctx, Prisma.sql`d.created_at`, filters.from, filters.toExclusive)}
    GROUP BY 2
    UNION ALL
    SELECT lower(status::text), month, deals FROM (
      SELECT d.status, ${month(Prisma.sql`d.closed_at`)} AS month, count(*)::int AS deals
      FROM deal d
      WHERE ${scope} AND d.status IN ('WON', 'LOST') AND ${instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)}
      GROUP BY 1, 2
    ) closed
    UNION ALL
    SELECT 'advanced', ${month(Prisma.sql`l.created_at`)}, count(DISTINCT l.entity_id)::int
    FROM activity_log l
    JOIN pipeline_stage sf ON sf.id = (l.changes -> 'stageId' ->> 'from')::uuid
    JOIN pipeline_stage st ON st.id = (l.changes -> 'stageId' ->> 'to')::uuid
    JOIN deal d ON d.id = l.entity_id
    WHERE l.org_id = ${ctx.orgId}::uuid AND l.entity_type = 'deal' AND l.action = 'deal.stage_changed'
      AND ${instantIn(ctx, Prisma.sql`l.created_at`, filters.from, filters.toExclusive)}
      AND st.pipeline_id = sf.pipeline_id AND st.kind = 'OPEN' AND st.position > sf.position
      AND ${scope}
    GROUP BY 2
    ) moves`
  const byMonth = new Map<string, MovementMonth>()
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? { month: r.month, entered: 0, advanced: 0, won: 0, lost: 0 }
    m[r.kind] = Number(r.deals)
    byMonth.set(r.month, m)
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month))
}
