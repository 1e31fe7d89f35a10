import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

// Who may change a company or a contact. Pure: unit-tested, used by services and pages.
//
// Decision: companies and contacts are shared accounts more than personal property. A SALES
// rep edits (and deletes, and restores) the ones they own and the unowned ones, so a rep can
// fix or claim an account nobody looks after; someone else's account is read-only for them.
// A rep can make themselves the owner (of an unowned record) or release their own, but not
// hand a record to a colleague: reassigning is for MANAGER and ADMIN, who edit everything.
// DELIVERY reads the CRM and changes nothing.

export type OwnedRecord = { ownerId: string | null }

export function canEditRecord(ctx: Pick<Ctx, 'role' | 'userId'>, record: OwnedRecord): boolean {
  if (!can(ctx.role, 'crm:write')) return false
  return ctx.role !== 'SALES' || record.ownerId === null || record.ownerId === ctx.userId
}

export function assertCanEditRecord(ctx: Ctx, record: OwnedRecord, noun: 'company' | 'contact') {
  if (canEditRecord(ctx, record)) return
  throw new AppError(
    'FORBIDDEN',
    ctx.role === 'SALES' ? `You can only change ${noun === 'company' ? 'companies' : 'contacts'} you own or that have no owner.` : 'Your role can read the CRM but not change it.',
  )
}

/** Whether this person may set a record's owner to `ownerId` (null: nobody). */
export function canAssignOwner(ctx: Pick<Ctx, 'role' | 'userId'>, ownerId: string | null): boolean {
  if (!can(ctx.role, 'crm:write')) return false
  return ctx.role !== 'SALES' || ownerId === null || ownerId === ctx.userId
}

export function assertCanAssignOwner(ctx: Ctx, ownerId: string | null) {
  if (!canAssignOwner(ctx, ownerId)) throw new AppError('FORBIDDEN', 'Only a manager or an admin can give a record to someone else.', 'ownerId')
}

type Person = { userId: string; name: string; role: Ctx['role'] }

/**
 * Whom the viewer may make the owner of a record: a rep only themselves (or nobody); a
 * manager or an admin anyone who works in sales. `none` adds "No owner" (not for deals).
 */
export function ownerChoices(members: Person[], viewer: Pick<Ctx, 'role' | 'userId'>, { none }: { none: boolean }) {
  const people = members
    .filter((m) => can(m.role, 'crm:write') && canAssignOwner(viewer, m.userId))
    .map((m) => ({ value: m.userId, label: m.userId === viewer.userId ? `${m.name} (me)` : m.name }))
  return none ? [...people, { value: '', label: 'No owner' }] : people
}
