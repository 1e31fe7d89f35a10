import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { monthOf } from '@/lib/dates'

// The deals every sales-forecast figure starts from (alias `d`): this organization's live deals,
// in the chosen pipeline, of the chosen owner (SALES: always their own, see resolveFilters).

export function forecastDealScope(ctx: DashboardCtx, filters: DashboardFilters): Prisma.Sql {
  const parts = [Prisma.sql`d.org_id = ${ctx.orgId}::uuid`, Prisma.sql`d.deleted_at IS NULL`]
  if (filters.pipelineId) parts.push(Prisma.sql`d.pipeline_id = ${filters.pipelineId}::uuid`)
  if (filters.ownerId) parts.push(Prisma.sql`d.owner_id = ${filters.ownerId}::uuid`)
  return Prisma.join(parts, ' AND ')
}

/** First day of the current month: open deals expected to close before it are overdue. */
export const currentMonthStart = (filters: Pick<DashboardFilters, 'today'>) => `${monthOf(filters.today)}-01`
