import { formatDay, type Day } from '@/lib/dates'

/** "Mar 14" in the current year, "Mar 14, 2027" otherwise. */
export function shortDay(day: Day, today?: Day): string {
  const sameYear = today !== undefined && today.slice(0, 4) === day.slice(0, 4)
  return formatDay(day, 'en-US', sameYear ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' })
}
