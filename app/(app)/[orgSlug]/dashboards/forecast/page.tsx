import type { Metadata } from 'next'
import Link from 'next/link'
import { ChartCard } from '@/components/dashboards/chart-card'
import { DashboardFilters } from '@/components/dashboards/dashboard-filters'
import { FigureChart } from '@/components/dashboards/figure-chart'
import { formatFigure, type FigureColumn } from '@/components/dashboards/figures'
import { Stat } from '@/components/dashboards/stat'
import { db } from '@/lib/db'
import { dashboardOptions } from '@/lib/dashboards/options'
import { shiftMonth } from '@/lib/dashboards/params'
import { dashboardCtx, dashboardFilters } from '@/lib/dashboards/scope'
import { loadForecastPipeline } from '@/lib/dashboards/forecast-pipeline'
import { loadForecastOwners, previousPeriod } from '@/lib/dashboards/forecast-owners'
import { loadClosedDeals } from '@/lib/dashboards/forecast-win-rate'
import { loadSlippedDeals, SLIPPED_SHOWN } from '@/lib/dashboards/forecast-slipped'
import { loadMovement } from '@/lib/dashboards/forecast-movement'
import {
  categoryColumns,
  categoryMonthRows,
  categorySeries,
  closedTotal,
  dealsHref,
  lostReasonRows,
  movementRows,
  overdueHref,
  ownerRows,
  pipelineTotals,
  slippedRows,
  stageMonthRows,
  stagesIn,
  winRateMonthRows,
  winRateRows,
} from '@/lib/dashboards/forecast-figures'
import { monthOf } from '@/lib/dates'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Sales forecast' }

const WEIGHTED_RULE = 'Weighted = amount × the deal’s probability / 100 (the stage default unless overridden on the deal). Open deals by expected close date; deals in Omitted stages and without an expected close date are left out.'
const WIN_RATE_RULE = 'Win rate = won / (won + lost) of deals closed in the month (closedAt in the organization’s time zone), each deal counted once by its current status: won, lost and won again is one win.'
const CYCLE_RULE = 'Sales cycle = days from created to closed, averaged over the won deals.'
const rateColumns: FigureColumn[] = [
  { key: 'won', label: 'Won', kind: 'count' },
  { key: 'lost', label: 'Lost', kind: 'count' },
  { key: 'rate', label: 'Win rate', kind: 'ratio' },
  { key: 'wonAmount', label: 'Won amount', kind: 'money' },
  { key: 'cycle', label: 'Avg cycle', kind: 'days' },
]

export default async function ForecastDashboardPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'dashboards:sales', `/${orgSlug}/dashboards/forecast`)
  const ctx = dashboardCtx(member)
  const filters = dashboardFilters(member, await searchParams, { back: 0, ahead: 5 })
  const [pipeline, owners, closed, slipped, movement, options] = await Promise.all([
    loadForecastPipeline(db, ctx, filters),
    loadForecastOwners(db, ctx, filters),
    loadClosedDeals(db, ctx, filters),
    loadSlippedDeals(db, ctx, filters),
    loadMovement(db, ctx, filters),
    dashboardOptions(db, ctx, { pipelines: true, owners: !filters.ownerLocked }),
  ])

  const { currency } = ctx
  const money = (minor: number) => formatFigure(minor, 'money', currency)
  const deals = (n: number) => `${n} ${n === 1 ? 'deal' : 'deals'}`
  const totals = pipelineTotals(pipeline)
  const closedAll = closedTotal(closed)
  const stages = stagesIn(pipeline.open)
  const previous = previousPeriod(filters)
  const categoryRows = categoryMonthRows(orgSlug, filters, pipeline)
  const stageRows = stageMonthRows(orgSlug, filters, pipeline, stages)
  const byOwner = ownerRows(orgSlug, filters, owners)
  const rateMonths = winRateMonthRows(orgSlug, filters, closed)
  const reasons = lostReasonRows(orgSlug, filters, closed)
  const moves = movementRows(orgSlug, filters, movement)
  const current = monthOf(filters.today)
  const range = (from: string, to: string) => `${formatFigure(from, 'month', currency)} – ${formatFigure(to, 'month', currency)}`
  const preset = (label: string, from: string, to: string) => {
    const search = new URLSearchParams({ from, to, ...(filters.pipelineId ? { pipeline: filters.pipelineId } : {}), ...(filters.ownerId && !filters.ownerLocked ? { owner: filters.ownerId } : {}) })
    return (
      <Link key={label} href={`/${orgSlug}/dashboards/forecast?${search}`} className="text-accent hover:underline">
        {label}
      </Link>
    )
  }
  const leftOut = [
    pipeline.omitted.deals ? `${deals(pipeline.omitted.deals)} open in Omitted stages (${money(pipeline.omitted.amount)})` : null,
    pipeline.undated.deals ? `${deals(pipeline.undated.deals)} open without an expected close date (${money(pipeline.undated.amount)})` : null,
    pipeline.otherCurrency ? `${deals(pipeline.otherCurrency)} in other currencies than ${currency}` : null,
  ].filter(Boolean)

  return (
    <div className="space-y-4">
      <DashboardFilters
        value={{ from: filters.fromMonth, to: filters.toMonth, pipeline: filters.pipelineId ?? '', owner: filters.ownerId ?? '', template: '' }}
        options={options}
        ownerLocked={filters.ownerLocked}
      />
      <p className="flex flex-wrap gap-x-3 text-xs text-ink-soft">
        <span>Ranges:</span>
        {preset('Next 6 months', current, shiftMonth(current, 5))}
        {preset('Last 6 and next 6 months', shiftMonth(current, -6), shiftMonth(current, 5))}
        {preset('Last 12 months', shiftMonth(current, -11), current)}
      </p>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Open pipeline" value={money(totals.amount)} hint={`${deals(totals.deals)} closing ${range(filters.fromMonth, filters.toMonth)}`} href={dealsHref(orgSlug, filters, { status: 'OPEN', closeFrom: filters.fromMonth, closeTo: filters.toMonth })} />
        <Stat label="Weighted pipeline" value={money(totals.weighted)} hint="amount × probability" />
        <Stat label="Won in range" value={money(totals.won)} hint={deals(totals.wonDeals)} href={dealsHref(orgSlug, filters, { status: 'WON', closedFrom: filters.fromMonth, closedTo: filters.toMonth })} />
        <Stat label="Win rate" value={formatFigure(closedAll.rate, 'ratio', currency)} hint={`${closedAll.won} won, ${closedAll.lost} lost`} href={dealsHref(orgSlug, filters, { closedFrom: filters.fromMonth, closedTo: filters.toMonth })} />
        <Stat label="Avg sales cycle" value={formatFigure(closedAll.cycle, 'days', currency)} hint="created → won" />
        <Stat label="Overdue open deals" value={money(pipeline.overdue.amount)} hint={`${deals(pipeline.overdue.deals)} expected before ${formatFigure(current, 'month', currency)}`} href={overdueHref(orgSlug, filters)} />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title="Forecast by expected close month"
          description="Weighted open pipeline by forecast category, with the unweighted total and closed-won in the same months"
          columns={categoryColumns(pipeline)}
          rows={categoryRows}
          currency={currency}
          csvName="forecast-by-category"
          footer={
            <>
              {WEIGHTED_RULE} Closed won = won deals by the month of their close in the organization’s time zone.
              {leftOut.length ? <> Left out: {leftOut.join('; ')}.</> : null}
            </>
          }
        >
          <FigureChart rows={categoryRows} x="month" xKind="month" series={categorySeries(pipeline)} kind="money" currency={currency} />
        </ChartCard>
        <ChartCard
          title="Open pipeline by stage"
          description="Unweighted open pipeline by expected close month and stage, with the weighted total"
          columns={[{ key: 'month', label: 'Expected close', kind: 'month' }, ...stages.map((s): FigureColumn => ({ key: s.key, label: s.label, kind: 'money' })), { key: 'amount', label: 'Total', kind: 'money' }, { key: 'weighted', label: 'Weighted', kind: 'money' }]}
          rows={stageRows}
          currency={currency}
          csvName="forecast-by-stage"
          footer={WEIGHTED_RULE}
        >
          <FigureChart
            rows={stageRows}
            x="month"
            xKind="month"
            series={[...stages.map((s, i) => ({ key: s.key, label: s.label, stack: 'stage', color: i + 1 })), { key: 'weighted', label: 'Weighted', type: 'line' as const, color: 8 }]}
            kind="money"
            currency={currency}
          />
        </ChartCard>

        <ChartCard
          title="By owner"
          description={`Open and weighted pipeline closing in the range; won ${range(filters.fromMonth, filters.toMonth)} against ${range(previous.fromMonth, shiftMonth(filters.fromMonth, -1))}`}
          columns={[
            { key: 'owner', label: 'Owner', kind: 'text' },
            { key: 'openDeals', label: 'Open deals', kind: 'count' },
            { key: 'open', label: 'Open pipeline', kind: 'money' },
            { key: 'weighted', label: 'Weighted', kind: 'money' },
            { key: 'won', label: 'Won (range)', kind: 'money' },
            { key: 'previousWon', label: 'Won (previous period)', kind: 'money' },
            { key: 'change', label: 'Change', kind: 'ratio' },
          ]}
          rows={byOwner}
          currency={currency}
          csvName="forecast-by-owner"
          footer={`The previous period is the ${filters.months.length} months before the range. Amounts in ${currency} only.`}
        >
          <FigureChart
            rows={byOwner}
            x="owner"
            series={[
              { key: 'open', label: 'Open pipeline', color: 3 },
              { key: 'weighted', label: 'Weighted', color: 1 },
              { key: 'won', label: 'Won (range)', color: 6 },
              { key: 'previousWon', label: 'Won (previous)', color: 7 },
            ]}
            kind="money"
            currency={currency}
            horizontal
          />
        </ChartCard>
        <ChartCard
          title="Win rate and sales cycle by month"
          description="Deals closed in each month of the range up to this month"
          columns={[{ key: 'month', label: 'Closed in', kind: 'month' }, ...rateColumns]}
          rows={rateMonths}
          currency={currency}
          csvName="win-rate-by-month"
          footer={`${WIN_RATE_RULE} ${CYCLE_RULE}`}
        >
          <FigureChart rows={rateMonths} x="month" xKind="month" series={[{ key: 'rate', label: 'Win rate', type: 'line', color: 1 }]} kind="ratio" currency={currency} height={200} />
          <FigureChart rows={rateMonths} x="month" xKind="month" series={[{ key: 'cycle', label: 'Avg cycle (days)', color: 4 }]} kind="days" currency={currency} height={180} />
        </ChartCard>

        {(['owner', 'pipeline', 'type'] as const).map((dim) => {
          const rows = winRateRows(orgSlug, filters, closed, dim)
          return (
          <ChartCard
            key={dim}
            title={`Win rate by ${dim === 'type' ? 'deal type' : dim}`}
            description="Deals closed in the range"
            columns={[{ key: 'name', label: dim === 'owner' ? 'Owner' : dim === 'pipeline' ? 'Pipeline' : 'Deal type', kind: 'text' }, ...rateColumns]}
            rows={rows}
            currency={currency}
            csvName={`win-rate-by-${dim}`}
            footer={WIN_RATE_RULE}
          >
            <FigureChart rows={rows} x="name" series={[{ key: 'rate', label: 'Win rate', color: dim === 'owner' ? 1 : dim === 'pipeline' ? 2 : 3 }]} kind="ratio" currency={currency} horizontal />
          </ChartCard>
          )
        })}
        <ChartCard
          title="Lost reasons"
          description="Deals lost in the range, by the reason given"
          columns={[
            { key: 'reason', label: 'Reason', kind: 'text' },
            { key: 'lost', label: 'Lost deals', kind: 'count' },
            { key: 'lostAmount', label: 'Lost amount', kind: 'money' },
          ]}
          rows={reasons}
          currency={currency}
          csvName="lost-reasons"
          footer={`Counted by the deal’s current status and close date; amounts in ${currency} only.`}
        >
          <FigureChart rows={reasons} x="reason" series={[{ key: 'lost', label: 'Lost deals', color: 7 }]} kind="count" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="Pipeline movement"
          description="Deals that entered, advanced, were won or lost, by month"
          columns={[
            { key: 'month', label: 'Month', kind: 'month' },
            { key: 'entered', label: 'Entered', kind: 'count' },
            { key: 'advanced', label: 'Advanced', kind: 'count' },
            { key: 'won', label: 'Won', kind: 'count' },
            { key: 'lost', label: 'Lost', kind: 'count' },
          ]}
          rows={moves}
          currency={currency}
          csvName="pipeline-movement"
          footer="Entered = created in the month. Advanced = moved to a later open stage of its pipeline (from the activity log), each deal once a month. Won / lost = the deal’s current status, by the month of its close (won, lost and won again counts once, as won). Each month links to the deals created in it."
        >
          <FigureChart
            rows={moves}
            x="month"
            xKind="month"
            series={[
              { key: 'entered', label: 'Entered', color: 3 },
              { key: 'advanced', label: 'Advanced', color: 2 },
              { key: 'won', label: 'Won', color: 6 },
              { key: 'lost', label: 'Lost', color: 7 },
            ]}
            kind="count"
            currency={currency}
          />
        </ChartCard>
        <ChartCard
          title="Deals that slipped"
          description={`${slipped.total} deals whose expected close date was moved later in the range${slipped.total > SLIPPED_SHOWN ? ` (the ${SLIPPED_SHOWN} that slipped furthest)` : ''}`}
          columns={[
            { key: 'deal', label: 'Deal', kind: 'text' },
            { key: 'owner', label: 'Owner', kind: 'text' },
            { key: 'amount', label: 'Amount', kind: 'money' },
            { key: 'from', label: 'Was', kind: 'text' },
            { key: 'to', label: 'Now', kind: 'text' },
            { key: 'slipDays', label: 'Slipped', kind: 'days' },
            { key: 'pushes', label: 'Pushes', kind: 'count' },
          ]}
          rows={slippedRows(orgSlug, currency, slipped.deals)}
          currency={currency}
          csvName="slipped-deals"
          footer="From the deal history: each edit that moved the expected close date later (setting a first date or clearing it is not a slip). Was = the date before the first push in the range, Now = the date after the last one."
        />
      </div>
    </div>
  )
}
