import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'

// The SQL conditions the delivery figures share: the organization's live projects, narrowed by
// the template filter, and the person filter (tasks assigned to them / projects they own).

/** `p` is a live project of the organization (and of the chosen template). */
export function projectScope(ctx: DashboardCtx, filters: Pick<DashboardFilters, 'templateId'>): Prisma.Sql {
  const template = filters.templateId ? Prisma.sql` AND p.template_id = ${filters.templateId}::uuid` : Prisma.empty
  return Prisma.sql`p.org_id = ${ctx.orgId}::uuid AND p.deleted_at IS NULL${template}`
}

/** `t` is a task of the organization (assigned to the chosen person). */
export function taskScope(ctx: DashboardCtx, filters: Pick<DashboardFilters, 'ownerId'>): Prisma.Sql {
  const person = filters.ownerId ? Prisma.sql` AND t.assignee_id = ${filters.ownerId}::uuid` : Prisma.empty
  return Prisma.sql`t.org_id = ${ctx.orgId}::uuid${person}`
}

/**
 * Open work that is still expected (the rule of My work): not done (`completed_at IS NULL`,
 * which the task services keep in step with the Done columns) on a project that is neither
 * done nor cancelled.
 */
export const openWork = Prisma.sql`t.completed_at IS NULL AND p.status NOT IN ('DONE', 'CANCELLED')`
