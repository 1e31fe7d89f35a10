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

// ---- buckets: the month or day of many instants without a time-zone conversion per row ----
// `column AT TIME ZONE tz` costs about a microsecond a row (the zone is looked up by name each
// time). Figures over thousands of rows instead compare each instant with the instants the
// months (or days) start, computed once per query: width_bucket(column, starts) is a binary
// search. The starts are exact: where a fall-back repeats midnight (America/Havana, Asia/Amman)
// a day starts at the first of the two midnights, as `AT TIME ZONE` of its instants says, and
// where a spring-forward skips midnight, at the transition.

/** The first instant whose local time in the organization's time zone is at or after `local` (a midnight, timestamp). */
function firstInstantAt(ctx: Pick<DashboardCtx, 'timeZone'>, local: Prisma.Sql): Prisma.Sql {
  const at = Prisma.sql`(${local} AT TIME ZONE ${ctx.timeZone})`
  // the local time just before `at` is past `local` only where midnight was repeated
  return Prisma.sql`${at} - greatest(interval '0', ((${at} - interval '1 microsecond') AT TIME ZONE ${ctx.timeZone}) + interval '1 microsecond' - ${local})`
}

/** timestamptz[]: the instants each month (or day) from `from` to `to`, both included, starts. */
export function startsOf(ctx: Pick<DashboardCtx, 'timeZone'>, step: 'month' | 'day', from: string, to: string): Prisma.Sql {
  return Prisma.sql`(SELECT array_agg(${firstInstantAt(ctx, Prisma.sql`s`)} ORDER BY s) FROM generate_series(${from}::timestamp, ${to}::timestamp, ${`1 ${step}`}::interval) s)`
}

/**
 * The month (org time zone) of an instant in [from, toExclusive) as a number, 1 for the month of
 * `from` (first days of months): group by it, label the groups with monthOfBucket. The same
 * month as monthOfInstant for every instant instantIn(from, toExclusive).
 */
export function monthBucket(ctx: Pick<DashboardCtx, 'timeZone'>, column: Prisma.Sql, from: string, toExclusive: string): Prisma.Sql {
  return Prisma.sql`width_bucket(${column}, ${startsOf(ctx, 'month', from, toExclusive)})`
}

/** 'YYYY-MM' of a monthBucket counted from the month of `from`. */
export function monthOfBucket(from: string, bucket: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${from}::date + (${bucket} - 1) * interval '1 month', 'YYYY-MM')`
}

/**
 * dayOfInstant(column), read from `starts` = startsOf(ctx, 'day', from, to) when the instant is
 * in [from, to) and converted on its own otherwise. Put the starts in a CTE once per query and
 * pass `(SELECT starts FROM days)`; keep the window to a few years.
 */
export function dayOfInstantIn(ctx: Pick<DashboardCtx, 'timeZone'>, column: Prisma.Sql, starts: Prisma.Sql, window: { from: string; to: string }): Prisma.Sql {
  // width_bucket is 1 to (to - from) in the window, 0 before it and (to - from) + 1 after it
  const day = Prisma.sql`${window.from}::date - 1 + nullif(nullif(width_bucket(${column}, ${starts}), 0), ${window.to}::date - ${window.from}::date + 1)`
  return Prisma.sql`coalesce(${day}, ${dayOfInstant(ctx, column)})`
}
