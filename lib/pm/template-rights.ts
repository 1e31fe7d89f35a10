import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

/** Templates, template rules, project roles and holidays: changed by whoever may change projects. */
export function assertCanEditTemplates(ctx: Pick<Ctx, 'role'>) {
  if (!can(ctx.role, 'projects:write')) {
    throw new AppError('FORBIDDEN', 'Only delivery leads, managers and admins can change templates, project roles and holidays.')
  }
}

/** The person must be a member of the organization (else the same answer as a missing one). */
export async function assertOrgMember(db: Db, ctx: Pick<Ctx, 'orgId'>, userId: string, field: string) {
  const member = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId }, select: { id: true } })
  if (!member) throw new AppError('NOT_FOUND', 'This person is not a member of the organization.', field)
}
