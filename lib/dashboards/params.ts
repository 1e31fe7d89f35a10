// The filters every dashboard shares, read from the URL so a view can be bookmarked: a month
// range, pipeline, owner and template. Pure (no database): the pages resolve them against
// "today" in the organization's time zone, and SALES are pinned to their own figures.
import { z } from 'zod'
import { addDays, monthOf, type Day } from '@/lib/dates'
import type { Role } from '@/lib/permissions'

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** Bad values are dropped, not errors: a stale bookmark still opens the dashboard. */
export const DashboardParams = z.object({
  from: Month.optional().catch(undefined),
  to: Month.optional().catch(undefined),
  pipeline: z.uuid().optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  template: z.uuid().optional().catch(undefined),
})
export type DashboardParams = z.infer<typeof DashboardParams>

export type DashboardFilters = {
  /** first and last month of the range, 'YYYY-MM', inclusive */
  fromMonth: string
  toMonth: string
  /** first day of the range and the day after its last day: `x >= from AND x < toExclusive` */
  from: Day
  toExclusive: Day
  /** every month of the range in order, to zero-fill months without data */
  months: string[]
  pipelineId?: string
  ownerId?: string
  templateId?: string
  /** the caller may only see their own figures (SALES): ownerId is theirs and cannot change */
  ownerLocked: boolean
  today: Day
}

export const MAX_MONTHS = 36

/** 'YYYY-MM' plus n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const months: string[] = []
  for (let m = fromMonth; m <= toMonth && months.length < MAX_MONTHS; m = shiftMonth(m, 1)) months.push(m)
  return months
}

/**
 * The filters of one request. `range` is the default when the URL names none: months back from
 * the current month (negative) and ahead of it, e.g. { back: -11, ahead: 0 } for the last 12
 * months, { back: 0, ahead: 5 } for the next six.
 */
export function resolveFilters(
  params: DashboardParams,
  caller: { role: Role; userId: string },
  today: Day,
  range: { back: number; ahead: number },
): DashboardFilters {
  const current = monthOf(today)
  let fromMonth = params.from ?? shiftMonth(current, range.back)
  let toMonth = params.to ?? shiftMonth(current, range.ahead)
  if (fromMonth > toMonth) [fromMonth, toMonth] = [toMonth, fromMonth]
  const months = monthsBetween(fromMonth, toMonth)
  toMonth = months[months.length - 1]!
  const ownerLocked = caller.role === 'SALES'
  return {
    fromMonth,
    toMonth,
    from: `${fromMonth}-01`,
    toExclusive: `${shiftMonth(toMonth, 1)}-01`,
    months,
    pipelineId: params.pipeline,
    ownerId: ownerLocked ? caller.userId : params.owner,
    templateId: params.template,
    ownerLocked,
    today,
  }
}

/** The last day of the range (for labels): the day before toExclusive. */
export function lastDay(filters: Pick<DashboardFilters, 'toExclusive'>): Day {
  return addDays(filters.toExclusive, -1)
}
