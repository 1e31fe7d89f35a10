import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

/** SALES change the deals they own; MANAGER and ADMIN change all; DELIVERY none. */
export function canEditDeal(ctx: Ctx, deal: { ownerId: string }): boolean {
  if (!can(ctx.role, 'crm:write')) return false
  return ctx.role !== 'SALES' || deal.ownerId === ctx.userId
}

export function assertCanEditDeal(ctx: Ctx, deal: { ownerId: string }) {
  if (!canEditDeal(ctx, deal)) {
    throw new AppError('FORBIDDEN', ctx.role === 'SALES' ? 'You can only change deals you own.' : 'Your role cannot change deals.')
  }
}

export function assertCanWriteCrm(ctx: Ctx) {
  if (!can(ctx.role, 'crm:write')) throw new AppError('FORBIDDEN', 'Your role can read the CRM but not change it.')
}
