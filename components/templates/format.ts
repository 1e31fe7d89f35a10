import { formatDay, type Day } from '@/lib/dates'
import { dateTimeFormat } from '@/lib/intl-cache'

// Dates on the template screens, written the same on the server and in the browser.

/** "Mon 7 Dec" (and the year when it is not `thisYear`). */
export function shortDay(day: Day, thisYear?: string): string {
  const withYear = thisYear !== undefined && !day.startsWith(thisYear)
  return withYear ? longDay(day) : `${weekday(day)} ${formatDay(day, 'en-GB', { day: 'numeric', month: 'short' })}`
}

/** "Thu 24 Dec 2026" (built from parts: ICU puts a comma after the weekday only when a year follows). */
export function longDay(day: Day): string {
  return `${weekday(day)} ${formatDay(day, 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`
}

function weekday(day: Day) {
  return formatDay(day, 'en-GB', { weekday: 'short' })
}

/** An instant as its calendar day in the organization's time zone: "2 Dec 2026". */
export function savedOn(at: Date, timeZone: string): string {
  return dateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(at)
}
