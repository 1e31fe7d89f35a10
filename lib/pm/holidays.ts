import 'server-only'
import type { Db } from '@/lib/db'
import { toDay, type Day } from '@/lib/dates'

/** The organization's holidays, as the set business-day maths skips. */
export async function loadHolidays(db: Db, orgId: string): Promise<Set<Day>> {
  return holidaySet(await db.holiday.findMany({ where: { orgId }, select: { day: true } }))
}

/** Holiday rows (read with something else, e.g. under a project's organization) as that set. */
export const holidaySet = (rows: { day: Date }[]): Set<Day> => new Set(rows.map((row) => toDay(row.day)))
