// Calendar helpers of the demo history (demo-history*.ts): months relative to today, instants
// during a working day, and a few draws on the seeded random source of demo-crm.ts.
import { addBusinessDays, monthRange, toDay, type Day } from '../../lib/dates'
import type { prng } from './demo-crm'

export type Random = ReturnType<typeof prng>

/** The first day of the month `months` after the month of `day` (negative: before). */
export function monthStart(day: Day, months: number): Day {
  return toDay(new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + months, 1)))
}

/** The last day of the month of `day`. */
export const monthEnd = (day: Day): Day => monthRange(day.slice(0, 7)).to

/**
 * An instant on `day` at `hour`:`minute` UTC. Working hours (6 to 17 UTC) fall on the same
 * calendar day in the demo organization's Europe/Berlin (UTC+1 or +2).
 */
export function at(day: Day, hour: number, minute = 0): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`)
}

/** The day itself when it is a working day, else the next working day. */
export const workingDay = (day: Day, holidays: ReadonlySet<Day>) => addBusinessDays(day, 0, holidays)

export const chance = (random: Random, p: number) => random.next() < p

/** One of the entries, by weight. */
export function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  let left = random.next() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, w] of entries) if ((left -= w) < 0) return value
  return entries.at(-1)![0]
}

/** An instant between two others, at `fraction` of the way (0..1). */
export const between = (from: Date, to: Date, fraction: number) => new Date(from.getTime() + (to.getTime() - from.getTime()) * fraction)

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
