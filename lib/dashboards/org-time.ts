import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { DashboardCtx } from '@/lib/dashboards/scope'

// Instants (timestamptz) measured against the organization's calendar, for every dashboard:
// a range of days or a month is the organization's, not UTC's.

/** The instant a day starts in the organization's time zone. */
export function startOf(ctx: Pick<DashboardCtx, 'timeZone'>, day: string): Prisma.Sql {
  return Prisma.sql`(${day}::date::timestamp AT TIME ZONE ${ctx.timeZone})`
}

/** `column` (an instant) falls in [from, toExclusive) of the organization's calendar. */
export function instantIn(ctx: Pick<DashboardCtx, 'timeZone'>, column: Prisma.Sql, from: string, toExclusive: string): Prisma.Sql {
  return Prisma.sql`${column} >= ${startOf(ctx, from)} AND ${column} < ${startOf(ctx, toExclusive)}`
}

/** The month of an instant in the organization's time zone (a timestamp: group by it, to_char the groups). */
export function monthOfInstant(ctx: Pick<DashboardCtx, 'timeZone'>, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date_trunc('month', ${column} AT TIME ZONE ${ctx.timeZone})`
}

/** The calendar day of an instant in the organization's time zone. */
export function dayOfInstant(ctx: Pick<DashboardCtx, 'timeZone'>, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${column} AT TIME ZONE ${ctx.timeZone})::date`
}
