import type { Metadata } from 'next'
import { ChartCard } from '@/components/dashboards/chart-card'
import { DashboardFilters } from '@/components/dashboards/dashboard-filters'
import { FigureChart } from '@/components/dashboards/figure-chart'
import { formatFigure } from '@/components/dashboards/figures'
import { Stat } from '@/components/dashboards/stat'
import { db } from '@/lib/db'
import { dashboardOptions } from '@/lib/dashboards/options'
import { dashboardCtx, dashboardFilters } from '@/lib/dashboards/scope'
import { loadOnTime, MIN_PROJECT_TASKS, PROJECT_RANK } from '@/lib/dashboards/delivery-on-time'
import { loadOverdue } from '@/lib/dashboards/delivery-overdue'
import { loadGoLive, loadProjectHealth } from '@/lib/dashboards/delivery-projects'
import { loadWorkload } from '@/lib/dashboards/delivery-workload'
import {
  goLiveRows,
  myWorkHref,
  onTimeAssigneeRows,
  onTimeMonthRows,
  onTimeProjectRows,
  onTimeTemplateRows,
  onTimeTotal,
  OVERDUE_BUCKETS,
  overdueBoardHref,
  overdueBucketRows,
  overdueRows,
  overdueTotal,
  projectHref,
  projectsHref,
  workloadRows,
  workloadWeeks,
} from '@/lib/dashboards/delivery-figures'
import { memberForPage } from '@/lib/page-auth'
import { canViewOthersWork } from '@/lib/pm/my-work'
import { healthLabels, HEALTH_RULES, type ProjectHealth } from '@/lib/pm/project-health'
import type { FigureColumn } from '@/components/dashboards/figures'

export const metadata: Metadata = { title: 'Delivery dashboard' }

const rateColumns: FigureColumn[] = [
  { key: 'completed', label: 'Completed', kind: 'count' },
  { key: 'onTime', label: 'On time', kind: 'count' },
  { key: 'late', label: 'Late', kind: 'count' },
  { key: 'rate', label: 'On-time rate', kind: 'ratio' },
]
const ON_TIME_RULE = 'On-time rate = tasks completed on or before their baseline (first) due date / completed tasks that have one. Moving a due date later does not make a late task on time.'
const OVERDUE_RULE = 'Overdue = open (not done) tasks due before today, on projects that are not done or cancelled. Age = days since the due date.'
const bucketColumns: FigureColumn[] = OVERDUE_BUCKETS.map((b) => ({ key: b.key, label: b.label, kind: 'count' }))
const bucketSeries = OVERDUE_BUCKETS.map((b, i) => ({ key: b.key, label: b.label, stack: 'age', color: i + 3 }))
const PEOPLE_IN_CHART = 15
/** Said under a per-person figure cut to PEOPLE_IN_CHART. */
const topOf = (people: number) => (people > PEOPLE_IN_CHART ? `; the ${PEOPLE_IN_CHART} with the most of ${people} people (the table shows all on request, the CSV has all)` : '')

export default async function DeliveryDashboardPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'dashboards:delivery', `/${orgSlug}/dashboards/delivery`)
  const ctx = dashboardCtx(member)
  const filters = dashboardFilters(member, await searchParams, { back: -11, ahead: 0 })
  const [onTime, overdue, workload, health, goLive, options] = await Promise.all([
    loadOnTime(db, ctx, filters),
    loadOverdue(db, ctx, filters),
    loadWorkload(db, ctx, filters),
    loadProjectHealth(db, ctx, filters),
    loadGoLive(db, ctx, filters),
    dashboardOptions(db, ctx, { owners: true, templates: true }),
  ])

  const { currency } = ctx
  const total = onTimeTotal(onTime)
  const overdueNow = overdueTotal(overdue)
  const listFilters = { template: filters.templateId, owner: filters.ownerId }
  const personLink = (id: string | null) => (id && (canViewOthersWork(ctx) || id === ctx.userId) ? myWorkHref(orgSlug, id) : null)
  const weeks = workloadWeeks(filters.today)
  const weekColumns = (kind: 'hours' | 'count'): FigureColumn[] => weeks.map((w) => ({ key: w.key, label: w.label, kind }))
  const weekSeries = weeks.map((w, i) => ({ key: w.key, label: w.label, stack: 'week', color: i === 0 ? 6 : i }))

  const months = onTimeMonthRows(onTime, filters.months)
  const worst = onTimeProjectRows(onTime, orgSlug, 'worst', PROJECT_RANK)
  const best = onTimeProjectRows(onTime, orgSlug, 'best', PROJECT_RANK)
  const templates = onTimeTemplateRows(onTime, orgSlug)
  const people = onTimeAssigneeRows(onTime)
  const healthRows = (['ON_TRACK', 'AT_RISK', 'LATE'] as ProjectHealth[]).map((h) => ({ health: healthLabels[h], projects: health.counts[h], href: projectsHref(orgSlug, { health: h, ...listFilters }) }))
  const goLives = goLiveRows(filters.months, goLive)
  const overdueByPerson = overdueRows(overdue, 'assignee', (key, label) => ({ label: key ? (label ?? 'Someone') : 'Unassigned', href: personLink(key) }))
  const overdueByProject = overdueRows(overdue, 'project', (key, label) => ({ label: label ?? 'Project', href: key ? overdueBoardHref(orgSlug, key) : null }))
  const hours = workloadRows(workload, filters.today, 'hours', personLink)
  const tasks = workloadRows(workload, filters.today, 'tasks', personLink)
  const rangeLabel = `${formatFigure(filters.fromMonth, 'month', currency)} – ${formatFigure(filters.toMonth, 'month', currency)}`

  return (
    <div className="space-y-4">
      <DashboardFilters
        value={{ from: filters.fromMonth, to: filters.toMonth, pipeline: '', owner: filters.ownerId ?? '', template: filters.templateId ?? '' }}
        options={{ owners: options.owners, templates: options.templates }}
      />
      <p className="text-xs text-ink-soft">
        The owner filter keeps the tasks assigned to that person and the projects they own. Overdue, workload and project health are as of today ({filters.today}); the other
        figures cover {rangeLabel}.
      </p>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="On-time rate" value={formatFigure(total.rate, 'ratio', currency)} hint={`of tasks completed, ${rangeLabel}`} />
        <Stat label="Completed tasks" value={formatFigure(total.completed, 'count', currency)} hint={`${formatFigure(total.late, 'count', currency)} late against their baseline`} />
        <Stat label="Overdue now" value={formatFigure(overdueNow, 'count', currency)} hint="open tasks past their due date" />
        <Stat label="Projects late" value={formatFigure(health.counts.LATE, 'count', currency)} hint={`of ${health.open} open projects`} href={projectsHref(orgSlug, { health: 'LATE', ...listFilters })} />
        <Stat label="Projects at risk" value={formatFigure(health.counts.AT_RISK, 'count', currency)} hint={`of ${health.open} open projects`} href={projectsHref(orgSlug, { health: 'AT_RISK', ...listFilters })} />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title="On-time rate by month"
          description="Tasks completed in each month (organization time) against their baseline due date"
          columns={[{ key: 'month', label: 'Month', kind: 'month' }, ...rateColumns]}
          rows={months}
          currency={currency}
          csvName="delivery-on-time-by-month"
          footer={ON_TIME_RULE}
        >
          <FigureChart rows={months} x="month" xKind="month" series={[{ key: 'rate', label: 'On-time rate', type: 'line', color: 1 }]} kind="ratio" currency={currency} />
        </ChartCard>

        <ChartCard
          title="Go-live against baseline"
          description="Projects completed in each month: on or before their baseline go-live, or after it"
          columns={[
            { key: 'month', label: 'Month', kind: 'month' },
            { key: 'onTime', label: 'On time', kind: 'count' },
            { key: 'late', label: 'Late', kind: 'count' },
            { key: 'noBaseline', label: 'No go-live date', kind: 'count' },
            { key: 'rate', label: 'On-time rate', kind: 'ratio' },
          ]}
          rows={goLives}
          currency={currency}
          csvName="delivery-go-live"
          footer="On time = the project was marked done on or before its baseline go-live (its first target date; the target when it never had one), in the organization's time zone. Late projects appear in the projects list as Late."
        >
          <FigureChart
            rows={goLives}
            x="month"
            xKind="month"
            series={[
              { key: 'onTime', label: 'On time', stack: 'golive', color: 2 },
              { key: 'late', label: 'Late', stack: 'golive', color: 5 },
              { key: 'noBaseline', label: 'No go-live date', stack: 'golive', color: 8 },
            ]}
            kind="count"
            currency={currency}
          />
        </ChartCard>

        <ChartCard
          title="Project health now"
          description={`${health.open} open projects (planned, active, on hold); click a bar for the projects`}
          columns={[
            { key: 'health', label: 'Health', kind: 'text' },
            { key: 'projects', label: 'Projects', kind: 'count' },
          ]}
          rows={healthRows}
          currency={currency}
          csvName="delivery-project-health"
          footer={
            <>
              The projects list’s rules, checked in this order:
              <ol className="mt-1 list-decimal space-y-0.5 pl-4">
                {HEALTH_RULES.map((r) => (
                  <li key={r.rule}>
                    <span className="font-medium">{healthLabels[r.health]}:</span> {r.rule}
                  </li>
                ))}
              </ol>
            </>
          }
        >
          <FigureChart rows={healthRows} x="health" series={[{ key: 'projects', label: 'Projects', color: 1 }]} kind="count" currency={currency} height={220} />
        </ChartCard>

        <ChartCard
          title="Late and at-risk projects"
          description={`The first ${health.attention.length} of ${health.counts.LATE + health.counts.AT_RISK}, late first`}
          columns={[
            { key: 'project', label: 'Project', kind: 'text' },
            { key: 'health', label: 'Health', kind: 'text' },
            { key: 'target', label: 'Target go-live', kind: 'text' },
            { key: 'reasons', label: 'Why', kind: 'text' },
          ]}
          rows={health.attention.map((p) => ({ project: p.name, health: healthLabels[p.health], target: p.targetGoLiveOn ?? '', reasons: p.reasons.join(' '), href: projectHref(orgSlug, p.id) }))}
          currency={currency}
          csvName="delivery-projects-needing-attention"
        />

        <ChartCard
          title="On-time rate by template"
          description="Tasks completed in the range, by the template their project was made from"
          columns={[{ key: 'template', label: 'Template', kind: 'text' }, ...rateColumns]}
          rows={templates}
          currency={currency}
          csvName="delivery-on-time-by-template"
          footer={ON_TIME_RULE}
        >
          <FigureChart rows={templates} x="template" series={[{ key: 'rate', label: 'On-time rate', color: 2 }]} kind="ratio" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="On-time rate by person"
          description={`Tasks completed in the range, by assignee${topOf(people.length)}`}
          columns={[{ key: 'person', label: 'Person', kind: 'text' }, ...rateColumns]}
          rows={people}
          currency={currency}
          csvName="delivery-on-time-by-person"
          tableLimit={PEOPLE_IN_CHART}
          footer={ON_TIME_RULE}
        >
          <FigureChart rows={people.slice(0, PEOPLE_IN_CHART)} x="person" series={[{ key: 'rate', label: 'On-time rate', color: 3 }]} kind="ratio" currency={currency} horizontal />
        </ChartCard>

        {(
          [
            { side: 'lowest', rows: worst, color: 5 },
            { side: 'highest', rows: best, color: 2 },
          ] as const
        ).map(({ side, rows, color }) => (
          <ChartCard
            key={side}
            title={`Projects with the ${side} on-time rate`}
            description={`Projects with at least ${MIN_PROJECT_TASKS} tasks completed in the range`}
            columns={[{ key: 'project', label: 'Project', kind: 'text' }, ...rateColumns]}
            rows={rows}
            currency={currency}
            csvName={`delivery-on-time-${side === 'lowest' ? 'worst' : 'best'}-projects`}
            footer={ON_TIME_RULE}
          >
            <FigureChart rows={rows} x="project" series={[{ key: 'rate', label: 'On-time rate', color }]} kind="ratio" currency={currency} horizontal />
          </ChartCard>
        ))}

        <ChartCard
          title="Overdue tasks by age"
          description={`${overdueNow} open tasks past their due date today`}
          columns={[
            { key: 'age', label: 'Days overdue', kind: 'text' },
            { key: 'tasks', label: 'Tasks', kind: 'count' },
          ]}
          rows={overdueBucketRows(overdue)}
          currency={currency}
          csvName="delivery-overdue-by-age"
          footer={OVERDUE_RULE}
        >
          <FigureChart rows={overdueBucketRows(overdue)} x="age" series={[{ key: 'tasks', label: 'Overdue tasks', color: 5 }]} kind="count" currency={currency} height={220} />
        </ChartCard>

        <ChartCard
          title="Overdue tasks by person"
          description={`By age${topOf(overdueByPerson.length)}`}
          columns={[{ key: 'name', label: 'Person', kind: 'text' }, ...bucketColumns, { key: 'total', label: 'Total', kind: 'count' }]}
          rows={overdueByPerson}
          currency={currency}
          csvName="delivery-overdue-by-person"
          tableLimit={PEOPLE_IN_CHART}
          footer={OVERDUE_RULE}
        >
          <FigureChart rows={overdueByPerson.slice(0, PEOPLE_IN_CHART)} x="name" series={bucketSeries} kind="count" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="Projects with the most overdue tasks"
          description="Click a project for its board filtered to overdue tasks"
          columns={[{ key: 'name', label: 'Project', kind: 'text' }, ...bucketColumns, { key: 'total', label: 'Total', kind: 'count' }]}
          rows={overdueByProject}
          currency={currency}
          csvName="delivery-overdue-by-project"
          footer={OVERDUE_RULE}
        >
          <FigureChart rows={overdueByProject} x="name" series={bucketSeries} kind="count" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="Workload: estimated hours"
          description={`Open tasks' estimates per person, overdue and due in the next ${weeks.length - 1} weeks (Monday to Sunday)${topOf(hours.length)}`}
          columns={[{ key: 'person', label: 'Person', kind: 'text' }, ...weekColumns('hours'), { key: 'hours', label: 'Total hours', kind: 'hours' }, { key: 'tasks', label: 'Tasks', kind: 'count' }]}
          rows={hours}
          currency={currency}
          csvName="delivery-workload-hours"
          tableLimit={PEOPLE_IN_CHART}
          footer="Hours = the sum of the open tasks' estimates (a task without an estimate adds none). This week counts tasks due from today to Sunday; earlier ones are overdue."
        >
          <FigureChart rows={hours.slice(0, PEOPLE_IN_CHART)} x="person" series={weekSeries} kind="hours" currency={currency} horizontal />
        </ChartCard>

        <ChartCard
          title="Workload: open tasks"
          description={`Open tasks per person, overdue and due in the next ${weeks.length - 1} weeks${topOf(tasks.length)}`}
          columns={[{ key: 'person', label: 'Person', kind: 'text' }, ...weekColumns('count'), { key: 'tasks', label: 'Total tasks', kind: 'count' }, { key: 'hours', label: 'Hours', kind: 'hours' }]}
          rows={tasks}
          currency={currency}
          csvName="delivery-workload-tasks"
          tableLimit={PEOPLE_IN_CHART}
          footer={OVERDUE_RULE}
        >
          <FigureChart rows={tasks.slice(0, PEOPLE_IN_CHART)} x="person" series={weekSeries} kind="count" currency={currency} horizontal />
        </ChartCard>
      </div>
    </div>
  )
}
