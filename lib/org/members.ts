import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { hashPassword } from '@/lib/auth/password'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import type { ChangeRoleInput, InviteMemberInput } from '@/lib/org/members.schema'

export type MemberRow = { membershipId: string; userId: string; name: string; email: string; role: ChangeRoleInput['role']; joinedAt: Date }

export async function listMembers(db: Db, ctx: Ctx): Promise<MemberRow[]> {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { user: { name: 'asc' } },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  })
  return rows.map((r) => ({ membershipId: r.id, userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt }))
}

/**
 * Adds a person to the organization. A new email creates the user with the given first
 * password; an email that already has an account (in another organization) joins as is.
 * Run inside a transaction: it writes the user, the membership and the audit entry.
 */
export async function inviteMember(db: Db, ctx: Ctx, input: InviteMemberInput) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } })
  const user = existing ?? (await db.user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  }))
  const membership = await db.membership
    .create({ data: { orgId: ctx.orgId, userId: user.id, role: input.role }, select: { id: true } })
    .catch((error: unknown) => mapPrismaError(error, { unique: `${input.email} is already a member of this organization.` }))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', error.message, 'email')
      throw error
    })
  await logActivity(db, ctx, {
    entityType: 'membership',
    entityId: membership.id,
    action: 'member.invited',
    changes: { email: input.email, role: input.role, newAccount: !existing },
  })
  return { membershipId: membership.id, newAccount: !existing }
}

/** Changes a member's role. The organization always keeps at least one admin. Run in a transaction. */
export async function changeMemberRole(db: Db, ctx: Ctx, input: ChangeRoleInput) {
  const membership = await db.membership.findFirst({
    where: { id: input.membershipId, orgId: ctx.orgId },
    select: { id: true, role: true },
  })
  if (!membership) throw notFound('This member')
  if (membership.role === input.role) return { changed: false }
  if (membership.role === 'ADMIN') {
    // Lock the admins' rows so two demotions at once cannot leave the organization without one.
    const admins = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM membership WHERE org_id = ${ctx.orgId}::uuid AND role = 'ADMIN' FOR UPDATE`
    if (admins.length <= 1) throw new AppError('CONFLICT', 'The organization needs at least one admin. Make someone else an admin first.')
  }
  await db.membership.update({ where: { id: membership.id }, data: { role: input.role } })
  await logActivity(db, ctx, {
    entityType: 'membership',
    entityId: membership.id,
    action: 'member.role_changed',
    changes: { role: { from: membership.role, to: input.role } },
  })
  return { changed: true }
}
