// Calendar days are 'YYYY-MM-DD' strings in application code and `@db.Date` columns in the
// database (Prisma reads them as UTC midnight). "Today" depends on the organization's time zone.
import { dateTimeFormat } from '@/lib/intl-cache'

export type Day = string

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MS_PER_DAY = 86_400_000

export function isDay(value: string): value is Day {
  if (!DAY.test(value)) return false
  const date = fromDay(value)
  // Month 13 is an Invalid Date (toISOString would throw); 02-30 rolls over to March.
  return !Number.isNaN(date.getTime()) && toDay(date) === value
}

/** A @db.Date value (UTC midnight) -> 'YYYY-MM-DD'. */
export function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10)
}

/** 'YYYY-MM-DD' -> the Date Prisma stores in a @db.Date column. */
export function fromDay(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

/** Today's date in a time zone: at 23:30 UTC it is already tomorrow in Berlin. */
export function todayIn(timeZone: string, now: Date = new Date()): Day {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function addDays(day: Day, days: number): Day {
  return toDay(new Date(fromDay(day).getTime() + days * MS_PER_DAY))
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((fromDay(b).getTime() - fromDay(a).getTime()) / MS_PER_DAY)
}

export function isWeekend(day: Day): boolean {
  const weekday = fromDay(day).getUTCDay()
  return weekday === 0 || weekday === 6
}

// Business-day loops count in whole days since 1970-01-01 (a Thursday), not Date objects:
// planning a 40-task template or re-dating 200 tasks steps through thousands of days.
const epochDay = (day: Day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY
const dayOfEpoch = (n: number): Day => toDay(new Date(n * MS_PER_DAY))
const holidayEpochs = new WeakMap<ReadonlySet<Day>, Set<number>>()

/** Is this day (in epoch days) a working day: not a Saturday, Sunday or holiday? */
export function workingDayTest(holidays: ReadonlySet<Day> = new Set()): (epoch: number) => boolean {
  const closed = holidayEpochsOf(holidays)
  return (n) => !isWeekendEpoch(n) && !closed.has(n)
}

const isWeekendEpoch = (n: number) => {
  const weekday = (((n + 4) % 7) + 7) % 7 // 0 = Sunday
  return weekday === 0 || weekday === 6
}

function holidayEpochsOf(holidays: ReadonlySet<Day>): Set<number> {
  let off = holidayEpochs.get(holidays)
  if (!off) {
    off = new Set([...holidays].map(epochDay))
    holidayEpochs.set(holidays, off)
  }
  return off
}

/**
 * Moves by `days` business days, skipping weekends and holidays. 0 from a non-working day
 * rolls forward to the next working day, so a result always falls on a working day.
 */
export function addBusinessDays(day: Day, days: number, holidays: ReadonlySet<Day> = new Set()): Day {
  const working = workingDayTest(holidays)
  const step = days < 0 ? -1 : 1
  let current = epochDay(day)
  while (!working(current)) current += step
  for (let left = Math.abs(days); left > 0; ) {
    current += step
    if (working(current)) left--
  }
  return dayOfEpoch(current)
}

/** Weekdays (Monday to Friday) in epoch days [0, n): five a week, and the part week from a Thursday. */
const WEEKDAYS_INTO_WEEK = [0, 1, 2, 2, 2, 3, 4, 5] // Thu, Fri, Sat, Sun, Mon, Tue, Wed
const weekdaysBefore = (n: number) => 5 * Math.floor(n / 7) + WEEKDAYS_INTO_WEEK[((n % 7) + 7) % 7]!

/** Working days in the epoch days [x, y]: weekdays, less the holidays that fall on one. */
function workingDaysIn(x: number, y: number, holidays: ReadonlySet<Day>): number {
  if (y < x) return 0
  let count = weekdaysBefore(y + 1) - weekdaysBefore(x)
  for (const off of holidayEpochsOf(holidays)) if (off >= x && off <= y && !isWeekendEpoch(off)) count--
  return count
}

/**
 * Signed count of working days from a to b: the working days after a up to and including b.
 * Counted by whole weeks, not day by day: project health asks it for thousands of projects.
 */
export function countBusinessDays(a: Day, b: Day, holidays: ReadonlySet<Day> = new Set()): number {
  const from = epochDay(a)
  const to = epochDay(b)
  return from <= to ? workingDaysIn(from + 1, to, holidays) : 0 - workingDaysIn(to, from - 1, holidays)
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: Day): string {
  return day.slice(0, 7)
}

/** First and last day of the month 'YYYY-MM'. */
export function monthRange(month: string): { from: Day; to: Day } {
  const from = `${month}-01`
  const [year, m] = month.split('-').map(Number) as [number, number]
  const to = toDay(new Date(Date.UTC(year, m, 0)))
  return { from, to }
}

export function formatDay(day: Day, locale = 'en-US', options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }): string {
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(fromDay(day))
}
