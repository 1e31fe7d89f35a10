import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { formatDay, fromDay, toDay, type Day } from '@/lib/dates'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import type { AddHolidayInput } from '@/lib/pm/holiday-settings.schema'
import { assertCanEditTemplates } from '@/lib/pm/template-rights'

// The organization's holidays: days that business-day offsets skip, besides weekends. They
// apply when dates are computed (a new project, a re-date, the template preview); the dates
// of existing projects do not move when a holiday is added or removed.

export type HolidayDto = { id: string; day: Day; name: string }

export async function listHolidays(db: Db, ctx: Ctx): Promise<HolidayDto[]> {
  const rows = await db.holiday.findMany({ where: { orgId: ctx.orgId }, orderBy: { day: 'asc' }, select: { id: true, day: true, name: true } })
  return rows.map((h) => ({ id: h.id, day: toDay(h.day), name: h.name }))
}

export async function addHoliday(db: Db, ctx: Ctx, input: AddHolidayInput) {
  assertCanEditTemplates(ctx)
  const taken = await db.holiday.findFirst({ where: { orgId: ctx.orgId, day: fromDay(input.day) }, select: { name: true } })
  const message = (name: string) => `${formatDay(input.day, 'en-GB')} is already a holiday (${name}).`
  if (taken) throw new AppError('CONFLICT', message(taken.name), 'day')
  const holiday = await db.holiday
    .create({ data: { orgId: ctx.orgId, day: fromDay(input.day), name: input.name }, select: { id: true } })
    .catch((error: unknown) => mapPrismaError(error, { unique: message('added meanwhile') }))
  await logActivity(db, ctx, { entityType: 'holiday', entityId: holiday.id, action: 'holiday.added', changes: { day: input.day, name: input.name } })
  return holiday
}

export async function removeHoliday(db: Db, ctx: Ctx, input: { holidayId: string }) {
  assertCanEditTemplates(ctx)
  const holiday = await db.holiday.findFirst({ where: { id: input.holidayId, orgId: ctx.orgId }, select: { id: true, day: true, name: true } })
  if (!holiday) throw notFound('This holiday')
  await db.holiday.delete({ where: { id: holiday.id } })
  await logActivity(db, ctx, { entityType: 'holiday', entityId: holiday.id, action: 'holiday.removed', changes: { day: toDay(holiday.day), name: holiday.name } })
}
