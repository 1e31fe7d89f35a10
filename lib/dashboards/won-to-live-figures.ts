// Row shaping of the won-to-live dashboard (pure, no database): the figure columns, the rows of
// each card with their click-through links, and the headline totals.
import type { FigureColumn, FigureRow } from '@/components/dashboards/figures'
import type { DurationKey, WonToLiveDimension, WonToLiveGroup } from '@/lib/dashboards/won-to-live-distribution'
import type { WonToLiveDeal } from '@/lib/dashboards/won-to-live-deals'

export const DURATIONS: { key: DurationKey; label: string; rule: string }[] = [
  { key: 'closeToKickoff', label: 'Close → kickoff', rule: 'from the close day to the project’s kickoff day (once that day has come)' },
  { key: 'kickoffToStart', label: 'Kickoff → first start', rule: 'from the kickoff day to the day the first task was started (negative when work began before kickoff)' },
  { key: 'handoff', label: 'Handoff lag', rule: 'from the close day to the day the first task was started' },
  { key: 'closeToLive', label: 'Close → go-live', rule: 'from the close day to the day the project was marked done' },
]

export const DEFINITIONS =
  'Close day = the won deal’s close date; first task started = the earliest day a task of the project was started (a task moved straight to done counts from its completion); go-live = the day the project was marked done. Days in the organization’s time zone. Only won deals with a project (not deleted, not cancelled), by close date; a project not live yet counts for the stages it has reached.'

const PERCENTILES = [
  { suffix: 'p50', label: 'median' },
  { suffix: 'p75', label: 'p75' },
  { suffix: 'p90', label: 'p90' },
] as const

/** The URL state of the dashboard, to build click-through links that keep the other filters. */
export type WonToLiveUrlState = { from: string; to: string; pipeline?: string; owner?: string; template?: string; product?: string }

/** This dashboard narrowed by `change`, opened at the table of the deals behind it. */
export function wonToLiveHref(orgSlug: string, state: WonToLiveUrlState, change: Partial<WonToLiveUrlState> = {}): string {
  const next = { ...state, ...change }
  const search = new URLSearchParams()
  for (const name of ['from', 'to', 'pipeline', 'owner', 'template', 'product'] as const) {
    const value = next[name]
    if (value) search.set(name, value)
  }
  return `/${orgSlug}/dashboards/won-to-live?${search.toString()}#deals`
}

/** Deals, started, live, then median / p75 / p90 of each duration. */
export function distributionColumns(first: FigureColumn): FigureColumn[] {
  return [
    first,
    { key: 'deals', label: 'Won deals', kind: 'count' },
    { key: 'started', label: 'Started', kind: 'count' },
    { key: 'live', label: 'Live', kind: 'count' },
    ...DURATIONS.flatMap((d) => PERCENTILES.map((p) => ({ key: `${d.key}_${p.suffix}`, label: `${d.label} ${p.label}`, kind: 'days' as const }))),
  ]
}

function flatten(group: WonToLiveGroup | undefined): FigureRow {
  const row: FigureRow = { deals: group?.deals ?? 0, started: group?.started ?? 0, live: group?.live ?? 0 }
  for (const d of DURATIONS) for (const p of PERCENTILES) row[`${d.key}_${p.suffix}`] = group?.[d.key][p.suffix] ?? null
  return row
}

/** Every month of the range (months without won deals show zero deals and no durations). */
export function monthRows(groups: WonToLiveGroup[], months: string[], hrefFor: (month: string) => string): FigureRow[] {
  const byMonth = new Map(groups.filter((g) => g.dim === 'month').map((g) => [g.key, g]))
  return months.map((month) => {
    const group = byMonth.get(month)
    return { month, ...flatten(group), href: group ? hrefFor(month) : null }
  })
}

/** The groups of one dimension, most deals first; `none` names the group without a key. */
export function dimensionRows(groups: WonToLiveGroup[], dim: Exclude<WonToLiveDimension, 'total' | 'month'>, none: string, hrefFor: (key: string) => string): FigureRow[] {
  return groups
    .filter((g) => g.dim === dim)
    .sort((a, b) => b.deals - a.deals || (a.label ?? '').localeCompare(b.label ?? ''))
    .map((g) => ({ name: g.key ? (g.label ?? '—') : none, ...flatten(g), href: g.key ? hrefFor(g.key) : null }))
}

export type WonToLiveTotals = { deals: number; live: number; started: number; liveShare: number | null; medianCloseToLive: number | null; medianHandoff: number | null }

export function wonToLiveTotals(groups: WonToLiveGroup[]): WonToLiveTotals {
  const total = groups.find((g) => g.dim === 'total')
  if (!total) return { deals: 0, live: 0, started: 0, liveShare: null, medianCloseToLive: null, medianHandoff: null }
  return {
    deals: total.deals,
    live: total.live,
    started: total.started,
    liveShare: total.deals ? total.live / total.deals : null,
    medianCloseToLive: total.closeToLive.p50,
    medianHandoff: total.handoff.p50,
  }
}

export const dealColumns: FigureColumn[] = [
  { key: 'deal', label: 'Deal', kind: 'text' },
  { key: 'project', label: 'Project', kind: 'text', hrefKey: 'projectHref' },
  { key: 'owner', label: 'Owner', kind: 'text' },
  { key: 'template', label: 'Template', kind: 'text' },
  { key: 'closeOn', label: 'Closed', kind: 'text' },
  { key: 'kickoffOn', label: 'Kickoff', kind: 'text' },
  { key: 'firstStartOn', label: 'First task started', kind: 'text' },
  { key: 'liveOn', label: 'Go-live', kind: 'text' },
  ...DURATIONS.map((d) => ({ key: d.key, label: d.label, kind: 'days' as const })),
  { key: 'state', label: 'State', kind: 'text' },
  { key: 'age', label: 'Age since close', kind: 'days' },
]

export function dealRows(deals: WonToLiveDeal[], orgSlug: string): FigureRow[] {
  return deals.map((d) => ({
    deal: d.dealTitle,
    href: `/${orgSlug}/deals/${d.dealId}`,
    project: d.projectName,
    projectHref: `/${orgSlug}/projects/${d.projectId}`,
    owner: d.owner ?? '',
    template: d.template ?? '',
    closeOn: d.closeOn,
    kickoffOn: d.kickoffOn,
    firstStartOn: d.firstStartOn,
    liveOn: d.liveOn,
    closeToKickoff: d.closeToKickoff,
    kickoffToStart: d.kickoffToStart,
    handoff: d.handoff,
    closeToLive: d.closeToLive,
    state: d.liveOn ? 'Live' : 'In progress',
    age: d.age,
  }))
}
