// How My work sorts a person's open items into sections: overdue, today, this week (until
// Sunday), later, no date. Pure (no database): "today" is the organization's calendar day.
import { addDays, fromDay, type Day } from '@/lib/dates'
import { dateTimeFormat } from '@/lib/intl-cache'

export const MY_WORK_GROUPS = ['overdue', 'today', 'week', 'later', 'none'] as const
export type MyWorkGroupKey = (typeof MY_WORK_GROUPS)[number]

export const myWorkGroupLabels: Record<MyWorkGroupKey, string> = {
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
  none: 'No due date',
}

/** The Sunday that ends the week of `day` (weeks run Monday to Sunday); a Sunday is its own. */
export function endOfWeek(day: Day): Day {
  const weekday = fromDay(day).getUTCDay() // 0 = Sunday
  return addDays(day, (7 - weekday) % 7)
}

export function groupOf(dueOn: Day | null, today: Day): MyWorkGroupKey {
  if (!dueOn) return 'none'
  if (dueOn < today) return 'overdue'
  if (dueOn === today) return 'today'
  if (dueOn <= endOfWeek(today)) return 'week'
  return 'later'
}

/**
 * Items in their sections, each section by due date (then title); sections without items
 * are kept (the page decides what to show) so their order never changes.
 */
export function groupMyWork<T extends { dueOn: Day | null; title: string }>(items: readonly T[], today: Day): { key: MyWorkGroupKey; label: string; items: T[] }[] {
  const buckets = new Map<MyWorkGroupKey, T[]>(MY_WORK_GROUPS.map((key) => [key, []]))
  for (const item of items) buckets.get(groupOf(item.dueOn, today))!.push(item)
  return MY_WORK_GROUPS.map((key) => ({
    key,
    label: myWorkGroupLabels[key],
    items: buckets.get(key)!.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.title.localeCompare(b.title)),
  }))
}

/** Midnight of `day` in `timeZone` as an instant: guess UTC midnight, then correct by the zone's offset (twice, for DST edges). */
export function zonedMidnight(day: Day, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00.000Z`).getTime()
  let instant = utcMidnight
  for (let i = 0; i < 2; i++) instant = utcMidnight - offsetMs(instant, timeZone)
  return new Date(instant)
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in winter: +3,600,000). */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return asUtc - Math.floor(instant / 1000) * 1000
}
