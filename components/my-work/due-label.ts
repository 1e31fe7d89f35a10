// How My work writes a due date: relative near today, a date further away. Pure.
import { addDays, daysBetween, formatDay, type Day } from '@/lib/dates'

export function dueLabel(dueOn: Day | null, today: Day): { text: string; title: string } {
  if (!dueOn) return { text: 'No date', title: 'No due date' }
  const full = formatDay(dueOn, 'en-US', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const late = daysBetween(dueOn, today)
  if (late > 0) return { text: late === 1 ? 'Yesterday' : formatDay(dueOn, 'en-US', shortFor(dueOn, today)), title: `${full} · ${late} ${late === 1 ? 'day' : 'days'} overdue` }
  if (dueOn === today) return { text: 'Today', title: full }
  if (dueOn === addDays(today, 1)) return { text: 'Tomorrow', title: full }
  if (daysBetween(today, dueOn) < 7) return { text: formatDay(dueOn, 'en-US', { weekday: 'long' }), title: full }
  return { text: formatDay(dueOn, 'en-US', shortFor(dueOn, today)), title: full }
}

const shortFor = (day: Day, today: Day): Intl.DateTimeFormatOptions =>
  day.slice(0, 4) === today.slice(0, 4) ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }
