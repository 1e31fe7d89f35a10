import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError } from '@/lib/errors'
import { isCurrencyCode } from '@/lib/money'
import { can } from '@/lib/permissions'
import type { OrgSettingsInput } from '@/lib/crm/settings.schema'

export function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Name, default currency (for new deals and products) and time zone. Existing amounts keep theirs. */
export async function updateOrgSettings(db: Db, ctx: Ctx, input: OrgSettingsInput) {
  if (!can(ctx.role, 'org:manage')) throw new AppError('FORBIDDEN', 'Only admins can change the organization’s settings.')
  if (!isCurrencyCode(input.currency)) throw new AppError('INVALID', `${input.currency} is not a currency code we know.`, 'currency')
  if (!isTimeZone(input.timeZone)) throw new AppError('INVALID', `${input.timeZone} is not a time zone we know (use e.g. Europe/Berlin).`, 'timeZone')
  const before = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true, currency: true, timeZone: true } })
  await db.organization.update({ where: { id: ctx.orgId }, data: input })
  const changes = Object.fromEntries(
    (['name', 'currency', 'timeZone'] as const).filter((k) => before[k].trim() !== input[k]).map((k) => [k, { from: before[k].trim(), to: input[k] }]),
  )
  await logActivity(db, ctx, { entityType: 'organization', entityId: ctx.orgId, action: 'organization.updated', changes })
}
