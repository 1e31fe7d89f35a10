import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import { dayOfInstant, dayOfInstantIn, instantIn, startsOf } from '@/lib/dashboards/org-time'
import { addDays } from '@/lib/dates'
import type { DashboardFilters } from '@/lib/dashboards/params'
import type { WonToLiveFilters } from '@/lib/dashboards/won-to-live-params'

// The rows every won-to-live figure starts from: one row per won deal that has a project, with
// its milestones as calendar days in the organization's time zone. See
// docs/decisions/0012-dashboards.md ("Won to live") for the definitions.

type ScopeFilters = Pick<DashboardFilters, 'from' | 'toExclusive' | 'pipelineId' | 'ownerId' | 'templateId'> & WonToLiveFilters

/** How an instant becomes a calendar day of the organization (dayOfInstant, or read from the starts of days). */
export type DayOf = (instant: Prisma.Sql) => Prisma.Sql

/**
 * Days of the organization for the figures over every won deal of the range: `days` is a CTE
 * (`WITH days AS (...)`) holding the instants the days of the range start, up to tomorrow (the
 * closes, starts and go-lives are mostly in it; three years at most), and `dayOf` reads a day
 * from them without a time-zone conversion per row (see org-time.ts).
 */
export function rangeDays(ctx: DashboardCtx, filters: Pick<DashboardFilters, 'from' | 'toExclusive' | 'today'>): { days: Prisma.Sql; dayOf: DayOf } {
  const tomorrow = addDays(filters.today, 1)
  const end = filters.toExclusive > tomorrow ? filters.toExclusive : tomorrow
  const cap = addDays(filters.from, 3 * 366)
  const window = { from: filters.from, to: end < cap ? end : cap }
  return {
    days: Prisma.sql`SELECT ${startsOf(ctx, 'day', window.from, window.to)} AS starts`,
    dayOf: (instant) => dayOfInstantIn(ctx, instant, Prisma.sql`(SELECT starts FROM days)`, window),
  }
}

/**
 * A SELECT of the won deals with a project (not deleted, not cancelled) closed in the range:
 * org_id, deal_id, deal_title, owner_id, project_id, project_name, template_id, closed_at,
 * close_on (closed_at as a day in the org's time zone), kickoff_on (the project's kickoff day),
 * live_on (the day the project was marked done; null until it is DONE).
 * Used as a CTE: `WITH won AS (${wonDealsSql(...)})`; add the first start with firstStartSql.
 */
export function wonDealsSql(ctx: DashboardCtx, filters: ScopeFilters, dayOf: DayOf = (instant) => dayOfInstant(ctx, instant)): Prisma.Sql {
  const pipeline = filters.pipelineId ? Prisma.sql` AND d.pipeline_id = ${filters.pipelineId}::uuid` : Prisma.empty
  const owner = filters.ownerId ? Prisma.sql` AND d.owner_id = ${filters.ownerId}::uuid` : Prisma.empty
  const template = filters.templateId ? Prisma.sql` AND p.template_id = ${filters.templateId}::uuid` : Prisma.empty
  const product = filters.productId
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM deal_line_item li WHERE li.org_id = d.org_id AND li.deal_id = d.id AND li.product_id = ${filters.productId}::uuid)`
    : Prisma.empty
  return Prisma.sql`
    SELECT d.org_id, d.id AS deal_id, d.title AS deal_title, d.owner_id, p.id AS project_id, p.name AS project_name, p.template_id, d.closed_at,
      ${dayOf(Prisma.sql`d.closed_at`)} AS close_on,
      p.kickoff_on,
      CASE WHEN p.status = 'DONE' THEN ${dayOf(Prisma.sql`p.completed_at`)} END AS live_on
    FROM deal d
    JOIN project p ON p.source_deal_id = d.id AND p.org_id = d.org_id AND p.deleted_at IS NULL AND p.status <> 'CANCELLED'
    WHERE d.org_id = ${ctx.orgId}::uuid AND d.deleted_at IS NULL AND d.status = 'WON'
      AND ${instantIn(ctx, Prisma.sql`d.closed_at`, filters.from, filters.toExclusive)}${pipeline}${owner}${template}${product}`
}

/**
 * `LEFT JOIN LATERAL ... fs`: first_start_on of the won row `w`, the day (org time zone) work
 * began on its project: the earliest started_at of its tasks, where a task moved straight to
 * done (never started) counts from its completed_at. min(least(started_at, completed_at)) is
 * one probe of the index task_first_work_idx (org_id, project_id, least(started_at, completed_at)).
 */
export function firstStartSql(ctx: DashboardCtx, dayOf: DayOf = (instant) => dayOfInstant(ctx, instant)): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT ${dayOf(Prisma.sql`min(least(t.started_at, t.completed_at))`)} AS first_start_on
      FROM task t WHERE t.org_id = w.org_id AND t.project_id = w.project_id
    ) fs ON true`
}

/**
 * The four durations in days of a won row with its first start, each null until both ends are
 * reached (a kickoff day in the future is not reached yet): close_kickoff, kickoff_start,
 * handoff (close -> first task started), close_live.
 */
export function durationsSql(today: string): Prisma.Sql {
  return Prisma.sql`
    CASE WHEN kickoff_on <= ${today}::date THEN kickoff_on - close_on END AS close_kickoff,
    CASE WHEN kickoff_on <= ${today}::date THEN first_start_on - kickoff_on END AS kickoff_start,
    first_start_on - close_on AS handoff,
    live_on - close_on AS close_live`
}
