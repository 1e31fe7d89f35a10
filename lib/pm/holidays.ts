import 'server-only'
import type { Db } from '@/lib/db'
import { toDay, type Day } from '@/lib/dates'

/** The organization's holidays, as the set business-day maths skips. */
export async function loadHolidays(db: Db, orgId: string): Promise<Set<Day>> {
  const rows = await db.holiday.findMany({ where: { orgId }, select: { day: true } })
  return new Set(rows.map((row) => toDay(row.day)))
}
