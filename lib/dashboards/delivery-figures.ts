// The delivery dashboard's rows: aggregated groups from the SQL queries shaped into the rows of
// its cards (zero-filled months, pivoted buckets and weeks, click-through links). Pure: no
// database; every count here was computed in Postgres.
import { addDays, formatDay, fromDay, type Day } from '@/lib/dates'
import type { FigureRow } from '@/components/dashboards/figures'

// ---- links ------------------------------------------------------------------------------

export const projectHref = (orgSlug: string, projectId: string) => `/${orgSlug}/projects/${projectId}`
/** The project's board filtered to its overdue tasks. */
export const overdueBoardHref = (orgSlug: string, projectId: string) => `/${orgSlug}/projects/${projectId}?overdue=1`
export const myWorkHref = (orgSlug: string, personId: string) => `/${orgSlug}/my-work?person=${personId}`

/** The projects list with its URL filters (status defaults to open there). */
export function projectsHref(orgSlug: string, filters: { status?: string; health?: string; template?: string; owner?: string }): string {
  const search = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])))
  const query = search.toString()
  return `/${orgSlug}/projects${query ? `?${query}` : ''}`
}

// ---- on-time rate -----------------------------------------------------------------------

type Counted = { completed: number; onTime: number }
type Group = Counted & { dim: string; key: string | null; label: string | null }

/** on time / completed, or null when nothing was completed */
export const rateOf = ({ completed, onTime }: Counted) => (completed === 0 ? null : onTime / completed)

const counts = (g: Counted) => ({ completed: g.completed, onTime: g.onTime, late: g.completed - g.onTime, rate: rateOf(g) })

/** Every month of the range, in order, months without completions at zero. */
export function onTimeMonthRows(groups: readonly Group[], months: readonly string[]): FigureRow[] {
  const byMonth = new Map(groups.filter((g) => g.dim === 'month').map((g) => [g.key, g]))
  return months.map((month) => ({ month, ...counts(byMonth.get(month) ?? { completed: 0, onTime: 0 }) }))
}

export const onTimeTotal = (groups: readonly Group[]) => counts(groups.find((g) => g.dim === 'total') ?? { completed: 0, onTime: 0 })

/** The projects with the lowest (or highest) on-time rate; ties: more completed tasks first. */
export function onTimeProjectRows(groups: readonly Group[], orgSlug: string, order: 'worst' | 'best', limit: number): FigureRow[] {
  const sign = order === 'worst' ? 1 : -1
  return groups
    .filter((g) => g.dim === 'project' && g.key)
    .sort((a, b) => sign * (rateOf(a)! - rateOf(b)!) || b.completed - a.completed || String(a.key).localeCompare(String(b.key)))
    .slice(0, limit)
    .map((g) => ({ project: g.label ?? 'Project', ...counts(g), href: projectHref(orgSlug, g.key!) }))
}

/** By template (projects made without one in their own row), most completed tasks first. */
export function onTimeTemplateRows(groups: readonly Group[], orgSlug: string): FigureRow[] {
  return groups
    .filter((g) => g.dim === 'template')
    .sort((a, b) => b.completed - a.completed || String(a.label).localeCompare(String(b.label)))
    .map((g) => ({ template: g.key ? (g.label ?? 'Template') : 'No template', ...counts(g), href: g.key ? projectsHref(orgSlug, { status: 'all', template: g.key }) : null }))
}

/** By assignee (unassigned work in its own row), most completed tasks first. */
export function onTimeAssigneeRows(groups: readonly Group[]): FigureRow[] {
  return groups
    .filter((g) => g.dim === 'assignee')
    .sort((a, b) => b.completed - a.completed || String(a.label).localeCompare(String(b.label)))
    .map((g) => ({ person: g.key ? (g.label ?? 'Someone') : 'Unassigned', ...counts(g) }))
}

// ---- overdue now ------------------------------------------------------------------------

/** Days past the due date; the last bucket has no upper limit. */
export const OVERDUE_BUCKETS = [
  { key: 'd1_7', label: '1–7 days', maxDays: 7 },
  { key: 'd8_14', label: '8–14 days', maxDays: 14 },
  { key: 'd15_30', label: '15–30 days', maxDays: 30 },
  { key: 'd31', label: 'Over 30 days', maxDays: null },
] as const
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number]['key']

/** The bucket of a task `age` days past its due date (age >= 1), as the SQL decides it. */
export function overdueBucketOf(age: number): OverdueBucket {
  return OVERDUE_BUCKETS.find((b) => b.maxDays === null || age <= b.maxDays)!.key
}

type OverdueGroup = { dim: string; key: string | null; label: string | null; bucket: OverdueBucket; tasks: number }

const zeroBuckets = () => Object.fromEntries(OVERDUE_BUCKETS.map((b) => [b.key, 0])) as Record<OverdueBucket, number>

/** One row per person or project with a count per age bucket and the total, most first. */
export function overdueRows(groups: readonly OverdueGroup[], dim: 'assignee' | 'project', name: (key: string | null, label: string | null) => { label: string; href: string | null }): FigureRow[] {
  const rows = new Map<string | null, Record<OverdueBucket, number> & { total: number }>()
  for (const g of groups.filter((x) => x.dim === dim)) {
    const row = rows.get(g.key) ?? { ...zeroBuckets(), total: 0 }
    row[g.bucket] += g.tasks
    row.total += g.tasks
    rows.set(g.key, row)
  }
  const labels = new Map(groups.filter((x) => x.dim === dim).map((g) => [g.key, g.label]))
  return [...rows.entries()]
    .map(([key, row]) => ({ key, row, ...name(key, labels.get(key) ?? null) }))
    .sort((a, b) => b.row.total - a.row.total || a.label.localeCompare(b.label))
    .map(({ row, label, href }) => ({ name: label, ...row, href }))
}

/** Overdue tasks by age bucket (every bucket, in order). */
export function overdueBucketRows(groups: readonly OverdueGroup[]): FigureRow[] {
  const totals = zeroBuckets()
  for (const g of groups.filter((x) => x.dim === 'total')) totals[g.bucket] += g.tasks
  return OVERDUE_BUCKETS.map((b) => ({ age: b.label, tasks: totals[b.key] }))
}

export const overdueTotal = (groups: readonly OverdueGroup[]) => groups.filter((g) => g.dim === 'total').reduce((sum, g) => sum + g.tasks, 0)

// ---- workload -----------------------------------------------------------------------------

/** This week and the three after it. */
export const WORKLOAD_WEEKS = 4

/** The Monday of the week of `day` (weeks run Monday to Sunday, as in My work). */
export function weekStartOf(day: Day): Day {
  const weekday = fromDay(day).getUTCDay() // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7))
}

/** The workload columns: overdue, this week, then the weeks after by their Monday. */
export function workloadWeeks(today: Day): { week: number; key: string; label: string }[] {
  const start = weekStartOf(today)
  return [
    { week: -1, key: 'overdue', label: 'Overdue' },
    ...Array.from({ length: WORKLOAD_WEEKS }, (_, i) => ({
      week: i,
      key: `w${i}`,
      label: i === 0 ? 'This week' : `Week of ${formatDay(addDays(start, 7 * i), 'en-US', { month: 'short', day: 'numeric' })}`,
    })),
  ]
}

type WorkloadGroup = { key: string | null; label: string | null; week: number; tasks: number; minutes: number }

/**
 * One row per person: open tasks and estimated hours per week column, and totals; the people
 * with the most hours (then tasks) first. `measure` picks what the week columns hold.
 */
export function workloadRows(groups: readonly WorkloadGroup[], today: Day, measure: 'hours' | 'tasks', link: (key: string | null) => string | null): FigureRow[] {
  const weeks = workloadWeeks(today)
  const rows = new Map<string | null, FigureRow & { hours: number; tasks: number }>()
  for (const g of groups) {
    const column = weeks.find((w) => w.week === g.week)
    if (!column) continue
    const row = rows.get(g.key) ?? { person: g.key ? (g.label ?? 'Someone') : 'Unassigned', ...Object.fromEntries(weeks.map((w) => [w.key, 0])), hours: 0, tasks: 0, href: link(g.key) }
    const value = measure === 'hours' ? g.minutes / 60 : g.tasks
    row[column.key] = Number(row[column.key]) + value
    row.hours += g.minutes / 60
    row.tasks += g.tasks
    rows.set(g.key, row)
  }
  return [...rows.values()].sort((a, b) => (measure === 'hours' ? b.hours - a.hours : 0) || b.tasks - a.tasks || String(a.person).localeCompare(String(b.person)))
}

// ---- go-live ------------------------------------------------------------------------------

type GoLiveMonth = { month: string; onTime: number; late: number; noBaseline: number }

export function goLiveRows(months: readonly string[], data: readonly GoLiveMonth[]): FigureRow[] {
  const byMonth = new Map(data.map((m) => [m.month, m]))
  return months.map((month) => {
    const m = byMonth.get(month) ?? { onTime: 0, late: 0, noBaseline: 0 }
    return { month, onTime: m.onTime, late: m.late, noBaseline: m.noBaseline, rate: m.onTime + m.late === 0 ? null : m.onTime / (m.onTime + m.late) }
  })
}
