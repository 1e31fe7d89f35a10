import 'server-only'
import type { Member } from '@/lib/authz'
import { ctxOf, type Ctx } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { DashboardParams, resolveFilters, type DashboardFilters } from '@/lib/dashboards/params'

/** What every dashboard query takes: the caller, and the organization's time zone and currency. */
export type DashboardCtx = Ctx & { timeZone: string; currency: string }

export function dashboardCtx(member: Member): DashboardCtx {
  return { ...ctxOf(member), timeZone: member.org.timeZone, currency: member.org.currency }
}

/** The URL's filters for this caller, with a default month range (see resolveFilters). */
export function dashboardFilters(member: Member, searchParams: Record<string, string | string[] | undefined>, range: { back: number; ahead: number }): DashboardFilters {
  const params = DashboardParams.parse(Object.fromEntries(Object.entries(searchParams).filter(([, v]) => typeof v === 'string')))
  return resolveFilters(params, { role: member.role, userId: member.user.id }, todayIn(member.org.timeZone), range)
}
