// The sales forecast's rows: the groups computed in Postgres (lib/dashboards/forecast-*.ts)
// shaped into the rows of its cards: zero-filled months, categories and stages as columns,
// win rates, and links to the deals behind each figure. Pure: no database, no sums of money
// beyond adding the few per-month cells Postgres already summed.
import type { FigureColumn, FigureRow } from '@/components/dashboards/figures'
import type { Series } from '@/components/dashboards/figure-chart'
import { dealTypeLabels, DEAL_TYPES } from '@/lib/crm/deals.schema'
import type { DashboardFilters } from '@/lib/dashboards/params'
import { shiftMonth } from '@/lib/dashboards/params'
import { monthOf } from '@/lib/dates'
import type { ForecastPipeline, PipelineCell } from '@/lib/dashboards/forecast-pipeline'
import type { OwnerFigures } from '@/lib/dashboards/forecast-owners'
import type { ClosedDimension, ClosedGroup } from '@/lib/dashboards/forecast-win-rate'
import type { MovementMonth } from '@/lib/dashboards/forecast-movement'
import type { SlippedDeal } from '@/lib/dashboards/forecast-slipped'

// ---- links ------------------------------------------------------------------------------

type DealLink = {
  status?: 'OPEN' | 'WON' | 'LOST'
  owner?: string
  pipeline?: string
  type?: string
  close?: string
  closeFrom?: string
  closeTo?: string
  closedFrom?: string
  closedTo?: string
  createdFrom?: string
  createdTo?: string
  lostReason?: string
}
type Scope = Pick<DashboardFilters, 'ownerId' | 'pipelineId'>

/** The deals list filtered like a figure (the dashboard's owner and pipeline, plus `link`). */
export function dealsHref(orgSlug: string, scope: Scope, link: DealLink): string {
  const all: Record<string, string | undefined> = { owner: scope.ownerId, pipeline: scope.pipelineId, ...link }
  const search = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => Boolean(e[1])))
  const query = search.toString()
  return `/${orgSlug}/deals${query ? `?${query}` : ''}`
}
export const dealHref = (orgSlug: string, dealId: string) => `/${orgSlug}/deals/${dealId}`

/** The months of the range up to the current one: closes, slips and moves cannot be later. */
export function pastMonths(filters: Pick<DashboardFilters, 'months' | 'today'>): string[] {
  const current = monthOf(filters.today)
  return filters.months.filter((m) => m <= current)
}

// ---- forecast by expected close month ---------------------------------------------------

/** Forecast categories in the order they stack (the most certain at the bottom). */
export const CATEGORIES = [
  { key: 'COMMIT', label: 'Commit' },
  { key: 'BEST_CASE', label: 'Best case' },
  { key: 'PIPELINE', label: 'Pipeline' },
  { key: 'CLOSED', label: 'Closed (open stage)' },
] as const

const sumBy = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0)

/** Weighted open pipeline by month stacked by category, the unweighted total and closed-won. */
export function categoryMonthRows(orgSlug: string, filters: DashboardFilters, data: ForecastPipeline): FigureRow[] {
  const won = new Map(data.won.map((w) => [w.month, w]))
  return filters.months.map((month) => {
    const cells = data.open.filter((c) => c.month === month)
    const row: FigureRow = { month }
    for (const c of CATEGORIES) row[c.key] = sumBy(cells.filter((x) => x.category === c.key), (x) => x.weighted)
    row.weighted = sumBy(cells, (x) => x.weighted)
    row.amount = sumBy(cells, (x) => x.amount)
    row.deals = sumBy(cells, (x) => x.deals)
    row.won = won.get(month)?.amount ?? 0
    row.wonDeals = won.get(month)?.deals ?? 0
    row.href = dealsHref(orgSlug, filters, { status: 'OPEN', close: month })
    return row
  })
}

/** The categories present (so an empty "Closed (open stage)" stays out of the legend). */
export function categoriesIn(data: ForecastPipeline) {
  return CATEGORIES.filter((c) => c.key !== 'CLOSED' || data.open.some((x) => x.category === c.key))
}

export function categoryColumns(data: ForecastPipeline): FigureColumn[] {
  return [
    { key: 'month', label: 'Expected close', kind: 'month' },
    ...categoriesIn(data).map((c): FigureColumn => ({ key: c.key, label: `${c.label} (weighted)`, kind: 'money' })),
    { key: 'weighted', label: 'Weighted total', kind: 'money' },
    { key: 'amount', label: 'Unweighted total', kind: 'money' },
    { key: 'deals', label: 'Open deals', kind: 'count' },
    { key: 'won', label: 'Closed won', kind: 'money' },
    { key: 'wonDeals', label: 'Won deals', kind: 'count' },
  ]
}

export function categorySeries(data: ForecastPipeline): Series[] {
  return [
    ...categoriesIn(data).map((c, i): Series => ({ key: c.key, label: `${c.label} (weighted)`, stack: 'weighted', color: i + 1 })),
    { key: 'amount', label: 'Unweighted', type: 'line', color: 5 },
    { key: 'won', label: 'Closed won', type: 'line', color: 6 },
  ]
}

export type StageKey = { key: string; stageId: string; label: string }

/** The stages holding open pipeline in the range, in pipeline then board order. */
export function stagesIn(cells: readonly PipelineCell[]): StageKey[] {
  const stages = new Map<string, PipelineCell>()
  for (const c of cells) if (!stages.has(c.stageId)) stages.set(c.stageId, c)
  const pipelines = new Set([...stages.values()].map((c) => c.pipelineName))
  return [...stages.values()]
    .sort((a, b) => a.pipelineName.localeCompare(b.pipelineName) || a.stagePosition - b.stagePosition)
    .map((c, i) => ({ key: `stage${i}`, stageId: c.stageId, label: pipelines.size > 1 ? `${c.pipelineName} · ${c.stageName}` : c.stageName }))
}

/** Unweighted open pipeline by month stacked by stage, with the weighted total. */
export function stageMonthRows(orgSlug: string, filters: DashboardFilters, data: ForecastPipeline, stages: readonly StageKey[]): FigureRow[] {
  return filters.months.map((month) => {
    const cells = data.open.filter((c) => c.month === month)
    const row: FigureRow = { month }
    for (const s of stages) row[s.key] = sumBy(cells.filter((c) => c.stageId === s.stageId), (c) => c.amount)
    row.amount = sumBy(cells, (c) => c.amount)
    row.weighted = sumBy(cells, (c) => c.weighted)
    row.href = dealsHref(orgSlug, filters, { status: 'OPEN', close: month })
    return row
  })
}

export const pipelineTotals = (data: ForecastPipeline) => ({
  deals: sumBy(data.open, (c) => c.deals),
  amount: sumBy(data.open, (c) => c.amount),
  weighted: sumBy(data.open, (c) => c.weighted),
  won: sumBy(data.won, (w) => w.amount),
  wonDeals: sumBy(data.won, (w) => w.deals),
})

// ---- by owner ---------------------------------------------------------------------------

export function ownerRows(orgSlug: string, filters: DashboardFilters, owners: readonly OwnerFigures[]): FigureRow[] {
  return owners.map((o) => ({
    owner: o.name,
    openDeals: o.openDeals,
    open: o.open,
    weighted: o.weighted,
    won: o.won,
    previousWon: o.previousWon,
    change: o.previousWon === 0 ? null : (o.won - o.previousWon) / o.previousWon,
    href: dealsHref(orgSlug, { ...filters, ownerId: o.ownerId }, { status: 'OPEN', closeFrom: filters.fromMonth, closeTo: filters.toMonth }),
  }))
}

// ---- win rate, cycle, lost reasons ------------------------------------------------------

/** won / (won + lost), or null when nothing closed */
export const winRate = (g: { won: number; lost: number }) => (g.won + g.lost === 0 ? null : g.won / (g.won + g.lost))

const closedCounts = (g: ClosedGroup | undefined) => ({
  won: g?.won ?? 0,
  lost: g?.lost ?? 0,
  rate: g ? winRate(g) : null,
  wonAmount: g?.wonAmount ?? 0,
  cycle: g?.cycleDays ?? null,
})

export const closedTotal = (groups: readonly ClosedGroup[]) => closedCounts(groups.find((g) => g.dim === 'total'))

/** Win rate and average cycle by close month, every past month of the range. */
export function winRateMonthRows(orgSlug: string, filters: DashboardFilters, groups: readonly ClosedGroup[]): FigureRow[] {
  const byMonth = new Map(groups.filter((g) => g.dim === 'month').map((g) => [g.key, g]))
  return pastMonths(filters).map((month) => ({
    month,
    ...closedCounts(byMonth.get(month)),
    href: dealsHref(orgSlug, filters, { closedFrom: month, closedTo: month }),
  }))
}

const dimLabel = (dim: ClosedDimension, g: ClosedGroup) => (dim === 'type' ? (dealTypeLabels[g.key as (typeof DEAL_TYPES)[number]] ?? g.key) : (g.label ?? '—'))

/** Win rate by owner, pipeline or deal type: most closed deals first. */
export function winRateRows(orgSlug: string, filters: DashboardFilters, groups: readonly ClosedGroup[], dim: 'owner' | 'pipeline' | 'type'): FigureRow[] {
  const closed = { closedFrom: filters.fromMonth, closedTo: filters.toMonth }
  return groups
    .filter((g) => g.dim === dim)
    .sort((a, b) => b.won + b.lost - (a.won + a.lost) || dimLabel(dim, a).localeCompare(dimLabel(dim, b)))
    .map((g) => ({
      name: dimLabel(dim, g),
      ...closedCounts(g),
      href:
        dim === 'owner'
          ? dealsHref(orgSlug, { ...filters, ownerId: g.key ?? undefined }, closed)
          : dim === 'pipeline'
            ? dealsHref(orgSlug, { ...filters, pipelineId: g.key ?? undefined }, closed)
            : dealsHref(orgSlug, filters, { ...closed, type: g.key ?? undefined }),
    }))
}

/** Lost deals of the range by lost reason: most lost first. */
export function lostReasonRows(orgSlug: string, filters: DashboardFilters, groups: readonly ClosedGroup[]): FigureRow[] {
  return groups
    .filter((g) => g.dim === 'reason' && g.lost > 0)
    .sort((a, b) => b.lost - a.lost || b.lostAmount - a.lostAmount || String(a.label).localeCompare(String(b.label)))
    .map((g) => ({
      reason: g.key ? (g.label ?? 'Reason') : 'No reason',
      lost: g.lost,
      lostAmount: g.lostAmount,
      href: g.key ? dealsHref(orgSlug, filters, { status: 'LOST', closedFrom: filters.fromMonth, closedTo: filters.toMonth, lostReason: g.key }) : null,
    }))
}

// ---- movement and slips -----------------------------------------------------------------

export function movementRows(orgSlug: string, filters: DashboardFilters, months: readonly MovementMonth[]): FigureRow[] {
  const byMonth = new Map(months.map((m) => [m.month, m]))
  return pastMonths(filters).map((month) => {
    const m = byMonth.get(month)
    return { month, entered: m?.entered ?? 0, advanced: m?.advanced ?? 0, won: m?.won ?? 0, lost: m?.lost ?? 0, href: dealsHref(orgSlug, filters, { createdFrom: month, createdTo: month }) }
  })
}

/** Slipped deals, each linking to the deal (amounts in another currency are not shown). */
export function slippedRows(orgSlug: string, currency: string, deals: readonly SlippedDeal[]): FigureRow[] {
  return deals.map((d) => ({
    deal: d.title,
    owner: d.ownerName,
    amount: d.currency === currency ? d.amountMinor : null,
    from: d.firstFrom,
    to: d.lastTo,
    slipDays: d.slipDays,
    pushes: d.pushes,
    href: dealHref(orgSlug, d.id),
  }))
}

/** The open deals expected to close before the current month (overdue). */
export const overdueHref = (orgSlug: string, filters: DashboardFilters) => dealsHref(orgSlug, filters, { status: 'OPEN', closeTo: shiftMonth(monthOf(filters.today), -1) })
