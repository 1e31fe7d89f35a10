import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

/** The owner's name, after checking they are a member of this organization who works in sales. */
export async function ownerNameFor(db: Db, ctx: Ctx, ownerId: string): Promise<string> {
  const member = await db.membership.findFirst({
    where: { orgId: ctx.orgId, userId: ownerId },
    select: { role: true, user: { select: { name: true } } },
  })
  if (!member) throw new AppError('NOT_FOUND', 'That owner is not a member of this organization.', 'ownerId')
  if (!can(member.role, 'crm:write')) throw new AppError('INVALID', 'That person cannot own CRM records; choose someone in sales.', 'ownerId')
  return member.user.name
}
