import 'server-only'
import type { Db } from '@/lib/db'
import type { DashboardCtx } from '@/lib/dashboards/scope'
import type { DashboardFilters } from '@/lib/dashboards/params'
import type { WonToLiveFilters } from '@/lib/dashboards/won-to-live-params'
import { durationsSql, firstStartSql, wonDealsSql } from '@/lib/dashboards/won-to-live-scope'
import { plannedEachRun } from '@/lib/statement-names'

// The won deals behind the figures, one row each with its project and milestones, most recently
// closed first, at most DEAL_ROWS of them (the distribution counts them all).

export const DEAL_ROWS = 100

export type WonToLiveDeal = {
  dealId: string
  dealTitle: string
  projectId: string
  projectName: string
  owner: string | null
  template: string | null
  /** days ('YYYY-MM-DD') in the organization's time zone */
  closeOn: string
  kickoffOn: string
  firstStartOn: string | null
  liveOn: string | null
  closeToKickoff: number | null
  kickoffToStart: number | null
  handoff: number | null
  closeToLive: number | null
  /** days since the close, for projects not live yet */
  age: number | null
}

type Row = {
  deal_id: string
  deal_title: string
  project_id: string
  project_name: string
  owner: string | null
  template: string | null
  close_on: string
  kickoff_on: string
  first_start_on: string | null
  live_on: string | null
  close_kickoff: number | null
  kickoff_start: number | null
  handoff: number | null
  close_live: number | null
  age: number | null
}

const num = (v: number | null) => (v === null ? null : Number(v))

export async function loadWonToLiveDeals(db: Db, ctx: DashboardCtx, filters: DashboardFilters & WonToLiveFilters, limit = DEAL_ROWS): Promise<WonToLiveDeal[]> {
  const rows = await db.$queryRaw<Row[]>`${plannedEachRun}
    WITH won AS (${wonDealsSql(ctx, filters)}),
    recent AS (SELECT * FROM won ORDER BY closed_at DESC, deal_id LIMIT ${limit})
    SELECT w.deal_id, w.deal_title, w.project_id, w.project_name, u.name AS owner, tp.name AS template,
      to_char(w.close_on, 'YYYY-MM-DD') AS close_on, to_char(w.kickoff_on, 'YYYY-MM-DD') AS kickoff_on,
      to_char(fs.first_start_on, 'YYYY-MM-DD') AS first_start_on, to_char(w.live_on, 'YYYY-MM-DD') AS live_on,
      ${durationsSql(filters.today)},
      CASE WHEN w.live_on IS NULL THEN ${filters.today}::date - w.close_on END AS age
    FROM recent w ${firstStartSql(ctx)}
    LEFT JOIN "user" u ON u.id = w.owner_id
    LEFT JOIN project_template tp ON tp.id = w.template_id
    ORDER BY w.closed_at DESC, w.deal_id`
  return rows.map((r) => ({
    dealId: r.deal_id,
    dealTitle: r.deal_title,
    projectId: r.project_id,
    projectName: r.project_name,
    owner: r.owner,
    template: r.template,
    closeOn: r.close_on,
    kickoffOn: r.kickoff_on,
    firstStartOn: r.first_start_on,
    liveOn: r.live_on,
    closeToKickoff: num(r.close_kickoff),
    kickoffToStart: num(r.kickoff_start),
    handoff: num(r.handoff),
    closeToLive: num(r.close_live),
    age: num(r.age),
  }))
}
