// Where everything of the timeline goes: the date range, one row per milestone and task,
// bars, baseline ghosts, milestone diamonds, the grid, the today line and the dependency
// arrows. Pure (no React, no database), so it is unit-tested and rendered on the server.
import { addDays, daysBetween, fromDay, type Day } from '@/lib/dates'
import type { MilestoneRow, ProjectTaskRow } from '@/lib/pm/task-list'
import type { TimelineData } from '@/lib/pm/timeline'

export const ZOOMS = ['day', 'week'] as const
export type Zoom = (typeof ZOOMS)[number]

export const PX_PER_DAY: Record<Zoom, number> = { day: 32, week: 12 }
export const ROW_HEIGHT = 36
export const HEADER_HEIGHT = 48
const BAR_TOP = 9
const BAR_HEIGHT = 16
const GHOST_TOP = BAR_TOP + BAR_HEIGHT + 3
const GHOST_HEIGHT = 4

/** What a bar's colour says, in order of precedence. */
export type BarTone = 'doneLate' | 'done' | 'overdue' | 'blocked' | 'doing' | 'todo'

export const toneLabels: Record<BarTone, string> = {
  doneLate: 'Done late',
  done: 'Done',
  overdue: 'Overdue',
  blocked: 'Blocked',
  doing: 'In progress',
  todo: 'To do',
}

export type Bar = { x: number; y: number; width: number; height: number; tone: BarTone; start: Day; end: Day }
export type Ghost = { x: number; y: number; width: number; height: number; start: Day; end: Day }

export type TimelineRow =
  | { kind: 'milestone'; key: string; y: number; milestone: MilestoneRow | null; diamond: { x: number; baselineX: number | null } | null; taskCount: number }
  | { kind: 'task'; key: string; y: number; task: ProjectTaskRow; bar: Bar | null; ghost: Ghost | null }

export type Arrow = { key: string; d: string; blockerId: string; blockedId: string; conflict: boolean }

export type TimelineLayout = {
  zoom: Zoom
  from: Day
  to: Day
  pxPerDay: number
  width: number
  height: number
  rows: TimelineRow[]
  months: { key: string; label: string; x: number; width: number }[]
  ticks: { key: string; day: Day; x: number; label: string }[]
  weekends: { key: string; x: number; width: number }[]
  today: { day: Day; x: number } | null
  arrows: Arrow[]
}

export function toneOf(task: ProjectTaskRow, today: Day): BarTone {
  if (task.completedOn) return task.baselineDueOn && task.completedOn > task.baselineDueOn ? 'doneLate' : 'done'
  if (task.dueOn && task.dueOn < today) return 'overdue'
  if (task.blocked || task.status.kind === 'BLOCKED') return 'blocked'
  if (task.status.kind === 'DOING') return 'doing'
  return 'todo'
}

const weekday = (day: Day) => fromDay(day).getUTCDay()
const mondayOnOrBefore = (day: Day) => addDays(day, -((weekday(day) + 6) % 7))
const sundayOnOrAfter = (day: Day) => addDays(day, (7 - weekday(day)) % 7)

/** The first and last day shown: every date of the project and today, with a little room, whole weeks. */
export function dateRange(data: TimelineData, today: Day): { from: Day; to: Day } {
  const days: Day[] = [data.project.kickoffOn, today]
  if (data.project.targetGoLiveOn) days.push(data.project.targetGoLiveOn)
  for (const m of data.milestones) days.push(m.dueOn, m.baselineDueOn)
  for (const t of data.tasks) {
    for (const d of [t.startOn, t.dueOn, t.baselineDueOn, t.completedOn]) if (d) days.push(d)
    const ghost = ghostSpan(t)
    if (ghost) days.push(ghost.start)
  }
  days.sort()
  return { from: mondayOnOrBefore(addDays(days[0]!, -3)), to: sundayOnOrAfter(addDays(days.at(-1)!, 7)) }
}

/** A task's bar: start to due inclusive; a task with only one of the two is a one-day bar. */
function barSpan(task: ProjectTaskRow): { start: Day; end: Day } | null {
  const start = task.startOn ?? task.dueOn
  const end = task.dueOn ?? task.startOn
  if (!start || !end) return null
  return start <= end ? { start, end } : { start: end, end: start }
}

/** Where the bar was planned: the same length, ending on the baseline due date (only when the due date moved). */
function ghostSpan(task: ProjectTaskRow): { start: Day; end: Day } | null {
  const span = barSpan(task)
  if (!span || !task.dueOn || !task.baselineDueOn || task.baselineDueOn === task.dueOn) return null
  const shift = daysBetween(task.dueOn, task.baselineDueOn)
  return { start: addDays(span.start, shift), end: task.baselineDueOn }
}

const monthLabel = (day: Day) => new Date(`${day}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export function layoutTimeline(data: TimelineData, today: Day, zoom: Zoom): TimelineLayout {
  const { from, to } = dateRange(data, today)
  const px = PX_PER_DAY[zoom]
  const totalDays = daysBetween(from, to) + 1
  const x = (day: Day) => daysBetween(from, day) * px
  const spanBox = (span: { start: Day; end: Day }) => ({ x: x(span.start), width: (daysBetween(span.start, span.end) + 1) * px })

  // Rows: each milestone (in order) with its tasks, then the tasks without one.
  const rows: TimelineRow[] = []
  const bars = new Map<string, { bar: Bar; y: number }>()
  let y = HEADER_HEIGHT
  const groups: (MilestoneRow | null)[] = [...data.milestones]
  const known = new Set(data.milestones.map((m) => m.id))
  const loose = data.tasks.filter((t) => !t.milestoneId || !known.has(t.milestoneId))
  if (loose.length) groups.push(null)
  for (const milestone of groups) {
    const tasks = milestone ? data.tasks.filter((t) => t.milestoneId === milestone.id) : loose
    const diamond = milestone
      ? { x: x(milestone.dueOn) + px / 2, baselineX: milestone.baselineDueOn !== milestone.dueOn ? x(milestone.baselineDueOn) + px / 2 : null }
      : null
    rows.push({ kind: 'milestone', key: `m:${milestone?.id ?? 'none'}`, y, milestone, diamond, taskCount: tasks.length })
    y += ROW_HEIGHT
    for (const task of tasks) {
      const span = barSpan(task)
      const bar: Bar | null = span ? { ...spanBox(span), y: y + BAR_TOP, height: BAR_HEIGHT, tone: toneOf(task, today), start: span.start, end: span.end } : null
      const ghostDays = ghostSpan(task)
      const ghost: Ghost | null = ghostDays ? { ...spanBox(ghostDays), y: y + GHOST_TOP, height: GHOST_HEIGHT, start: ghostDays.start, end: ghostDays.end } : null
      rows.push({ kind: 'task', key: `t:${task.id}`, y, task, bar, ghost })
      if (bar) bars.set(task.id, { bar, y })
      y += ROW_HEIGHT
    }
  }

  // Grid: month bands, a tick per day (day zoom) or per Monday (week zoom), weekend shading.
  const months: TimelineLayout['months'] = []
  const ticks: TimelineLayout['ticks'] = []
  const weekends: TimelineLayout['weekends'] = []
  for (let i = 0; i < totalDays; i++) {
    const day = addDays(from, i)
    const dom = Number(day.slice(8, 10))
    if (i === 0 || dom === 1) months.push({ key: day, label: monthLabel(day), x: x(day), width: 0 })
    const wd = weekday(day)
    if (zoom === 'day') ticks.push({ key: day, day, x: x(day), label: String(dom) })
    else if (wd === 1) ticks.push({ key: day, day, x: x(day), label: String(dom) })
    if (zoom === 'day' && (wd === 0 || wd === 6)) weekends.push({ key: day, x: x(day), width: px })
  }
  const width = totalDays * px
  months.forEach((m, i) => (m.width = (months[i + 1]?.x ?? width) - m.x))

  return {
    zoom,
    from,
    to,
    pxPerDay: px,
    width,
    height: y,
    rows,
    months,
    ticks,
    weekends,
    today: today >= from && today <= to ? { day: today, x: x(today) + px / 2 } : null,
    arrows: arrows(data, bars),
  }
}

/**
 * An arrow from the blocker's end to the blocked task's start. When the blocked task starts
 * after the blocker ends, the path steps right, down and right; otherwise it goes round the
 * gap between the rows. `conflict`: the blocked task starts before its blocker is due.
 */
function arrows(data: TimelineData, bars: Map<string, { bar: Bar; y: number }>): Arrow[] {
  const out: Arrow[] = []
  for (const dep of data.dependencies) {
    const from = bars.get(dep.blockerId)
    const to = bars.get(dep.blockedId)
    if (!from || !to) continue
    const x1 = from.bar.x + from.bar.width
    const y1 = from.bar.y + from.bar.height / 2
    const x2 = to.bar.x
    const y2 = to.bar.y + to.bar.height / 2
    const stub = 6
    let d: string
    if (x2 - x1 >= 2 * stub) {
      d = `M ${x1} ${y1} H ${x1 + stub} V ${y2} H ${x2 - 2}`
    } else {
      const gapY = to.y > from.y ? from.y + ROW_HEIGHT : from.y
      d = `M ${x1} ${y1} H ${x1 + stub} V ${gapY} H ${x2 - stub} V ${y2} H ${x2 - 2}`
    }
    out.push({ key: `${dep.blockerId}>${dep.blockedId}`, d, blockerId: dep.blockerId, blockedId: dep.blockedId, conflict: to.bar.start < from.bar.end })
  }
  return out
}

/** Days for a project that fits about a quarter, weeks for a longer one. */
export function defaultZoom(data: TimelineData, today: Day): Zoom {
  const { from, to } = dateRange(data, today)
  return daysBetween(from, to) > 100 ? 'week' : 'day'
}
