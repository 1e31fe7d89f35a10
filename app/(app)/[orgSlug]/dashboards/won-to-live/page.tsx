import type { Metadata } from 'next'
import Link from 'next/link'
import { ChartCard } from '@/components/dashboards/chart-card'
import { DashboardFilters } from '@/components/dashboards/dashboard-filters'
import { FigureChart, type Series } from '@/components/dashboards/figure-chart'
import { formatFigure } from '@/components/dashboards/figures'
import { Stat } from '@/components/dashboards/stat'
import { db } from '@/lib/db'
import { dashboardOptions } from '@/lib/dashboards/options'
import { dashboardCtx, dashboardFilters } from '@/lib/dashboards/scope'
import { wonToLiveFilters } from '@/lib/dashboards/won-to-live-params'
import { loadWonToLiveDistribution } from '@/lib/dashboards/won-to-live-distribution'
import { DEAL_ROWS, loadWonToLiveDeals } from '@/lib/dashboards/won-to-live-deals'
import {
  dealColumns,
  dealRows,
  DEFINITIONS,
  dimensionRows,
  distributionColumns,
  DURATIONS,
  monthRows,
  wonToLiveHref,
  wonToLiveTotals,
  type WonToLiveUrlState,
} from '@/lib/dashboards/won-to-live-figures'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Won to live dashboard' }

const DURATION_RULES = DURATIONS.map((d) => `${d.label}: ${d.rule}.`).join(' ')
const FOOTER = `Median, p75 and p90 in days (interpolated percentiles of the deals that reached both ends). ${DURATION_RULES}`
const SHORT_FOOTER = 'Median, p75 and p90 in days of the deals that reached both ends of each duration; the durations are defined under the chart by close month.'
const monthSeries: Series[] = [
  { key: 'closeToLive_p50', label: 'Close → go-live, median', type: 'line', color: 1 },
  { key: 'closeToLive_p90', label: 'Close → go-live, p90', type: 'line', color: 5 },
  { key: 'handoff_p50', label: 'Handoff lag, median', type: 'line', color: 2 },
  { key: 'closeToKickoff_p50', label: 'Close → kickoff, median', type: 'line', color: 3 },
]
const groupSeries: Series[] = [
  { key: 'handoff_p50', label: 'Handoff lag, median', color: 2 },
  { key: 'closeToLive_p50', label: 'Close → go-live, median', color: 1 },
  { key: 'closeToLive_p90', label: 'Close → go-live, p90', color: 5 },
]
const IN_CHART = 15

export default async function WonToLiveDashboardPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'dashboards:won-to-live', `/${orgSlug}/dashboards/won-to-live`)
  const ctx = dashboardCtx(member)
  const search = await searchParams
  const filters = { ...dashboardFilters(member, search, { back: -11, ahead: 0 }), ...wonToLiveFilters(search) }
  const [groups, deals, options] = await Promise.all([
    loadWonToLiveDistribution(db, ctx, filters),
    loadWonToLiveDeals(db, ctx, filters),
    dashboardOptions(db, ctx, { pipelines: true, owners: true, templates: true }),
  ])

  const { currency } = ctx
  const state: WonToLiveUrlState = { from: filters.fromMonth, to: filters.toMonth, pipeline: filters.pipelineId, owner: filters.ownerId, template: filters.templateId, product: filters.productId }
  const href = (change: Partial<WonToLiveUrlState>) => wonToLiveHref(orgSlug, state, change)
  const totals = wonToLiveTotals(groups)
  const months = monthRows(groups, filters.months, (month) => href({ from: month, to: month }))
  const templates = dimensionRows(groups, 'template', 'No template', (template) => href({ template }))
  const products = dimensionRows(groups, 'product', 'No product', (product) => href({ product }))
  const owners = dimensionRows(groups, 'owner', 'No owner', (owner) => href({ owner }))
  const productName = filters.productId ? (groups.find((g) => g.dim === 'product' && g.key === filters.productId)?.label ?? 'the chosen product') : null
  const rangeLabel = `${formatFigure(filters.fromMonth, 'month', currency)} – ${formatFigure(filters.toMonth, 'month', currency)}`
  const days = (value: number | null) => formatFigure(value, 'days', currency)

  return (
    <div className="space-y-4">
      <DashboardFilters
        value={{ from: filters.fromMonth, to: filters.toMonth, pipeline: filters.pipelineId ?? '', owner: filters.ownerId ?? '', template: filters.templateId ?? '' }}
        options={{ pipelines: options.pipelines, owners: options.owners, templates: options.templates }}
      />
      {productName ? (
        <p className="text-sm">
          Only deals with the product <span className="font-medium">{productName}</span>.{' '}
          <Link href={href({ product: undefined })} className="text-accent hover:underline">
            Show all products
          </Link>
        </p>
      ) : null}
      <p className="text-xs text-ink-soft">
        Won deals closed {rangeLabel}. {DEFINITIONS} Owner = the deal’s owner. Click a month, template, product or owner for the deals behind it.
      </p>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Won deals with a project" value={formatFigure(totals.deals, 'count', currency)} hint={`closed ${rangeLabel}`} href="#deals" />
        <Stat label="Median close → go-live" value={days(totals.medianCloseToLive)} hint={`of ${formatFigure(totals.live, 'count', currency)} projects live`} />
        <Stat label="Median handoff lag" value={days(totals.medianHandoff)} hint={`close → first task started, ${formatFigure(totals.started, 'count', currency)} started`} />
        <Stat label="Live" value={formatFigure(totals.liveShare, 'ratio', currency)} hint={`${formatFigure(totals.deals - totals.live, 'count', currency)} still in progress`} />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          className="lg:col-span-2"
          title="Won to live by close month"
          description="Deals by the month they were won (organization time); click a month for its deals"
          columns={distributionColumns({ key: 'month', label: 'Close month', kind: 'month' })}
          rows={months}
          currency={currency}
          csvName="won-to-live-by-month"
          footer={FOOTER}
        >
          <FigureChart rows={months} x="month" xKind="month" series={monthSeries} kind="days" currency={currency} />
        </ChartCard>

        <ChartCard
          title="By template"
          description={`The template the project was made from${templates.length > IN_CHART ? ` (chart: the ${IN_CHART} with the most deals)` : ''}`}
          columns={distributionColumns({ key: 'name', label: 'Template', kind: 'text' })}
          rows={templates}
          currency={currency}
          csvName="won-to-live-by-template"
          footer={SHORT_FOOTER}
        >
          <FigureChart rows={templates.slice(0, IN_CHART)} x="name" series={groupSeries} kind="days" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="By product"
          description="The products on the deal’s line items: a deal with several products counts under each"
          columns={distributionColumns({ key: 'name', label: 'Product', kind: 'text' })}
          rows={products}
          currency={currency}
          csvName="won-to-live-by-product"
          footer={SHORT_FOOTER}
        >
          <FigureChart rows={products.slice(0, IN_CHART)} x="name" series={groupSeries} kind="days" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="By sales owner"
          description="The owner of the won deal"
          columns={distributionColumns({ key: 'name', label: 'Owner', kind: 'text' })}
          rows={owners}
          currency={currency}
          csvName="won-to-live-by-owner"
          footer={SHORT_FOOTER}
        >
          <FigureChart rows={owners.slice(0, IN_CHART)} x="name" series={groupSeries} kind="days" currency={currency} horizontal />
        </ChartCard>

        <div id="deals" className="scroll-mt-4 lg:col-span-2">
          <ChartCard
            title="Won deals and their projects"
            description={
              totals.deals > DEAL_ROWS
                ? `The ${DEAL_ROWS} most recently closed of ${formatFigure(totals.deals, 'count', currency)} (narrow the filters to see the others; the figures above count them all)`
                : `All ${formatFigure(totals.deals, 'count', currency)}, most recently closed first`
            }
            columns={dealColumns}
            rows={dealRows(deals, orgSlug)}
            currency={currency}
            csvName="won-to-live-deals"
            tableLimit={25}
            footer={`In progress = the project is not done yet; age = days from the close day to today (${filters.today}). A duration is empty until both its ends are reached.`}
          />
        </div>
      </div>
    </div>
  )
}
