import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

export function assertCanReadCrm(ctx: Ctx) {
  if (!can(ctx.role, 'crm:read')) throw new AppError('FORBIDDEN', 'Your role cannot read the CRM.')
}
