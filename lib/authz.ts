import 'server-only'
import type { Db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { AppError } from '@/lib/errors'
import { can, type Permission } from '@/lib/permissions'
import type { Session } from '@/lib/session'

export type Member = {
  membershipId: string
  role: Role
  user: { id: string; name: string; email: string }
  org: { id: string; name: string; slug: string; currency: string; timeZone: string }
}

/** What every service takes: the organization every query is scoped to, who acts, and their role. */
export type Ctx = { orgId: string; userId: string; role: Role }
export const ctxOf = (member: Member): Ctx => ({ orgId: member.org.id, userId: member.user.id, role: member.role })

/**
 * The one authorization check: session -> membership -> role.
 * No session: UNAUTHENTICATED. Not a member of the organization (or no such organization):
 * NOT_FOUND, the same answer as a missing one. A role without the permission: FORBIDDEN.
 */
export async function requireMember(db: Db, session: Session | null, orgSlug: string, permission: Permission = 'org:read'): Promise<Member> {
  return (await findMember(db, session, orgSlug, permission, false)).member
}

/** requireMember, and every organization the person belongs to (the app shell's switcher) in the same query. */
export async function requireMemberWithOrganizations(db: Db, session: Session | null, orgSlug: string, permission: Permission = 'org:read') {
  return findMember(db, session, orgSlug, permission, true)
}

async function findMember(db: Db, session: Session | null, orgSlug: string, permission: Permission, withOrganizations: boolean) {
  if (!session) throw new AppError('UNAUTHENTICATED', 'You are signed out. Sign in again to continue.')
  const membership = await db.membership.findFirst({
    where: { userId: session.userId, org: { slug: orgSlug } },
    select: {
      id: true,
      role: true,
      user: { select: { id: true, name: true, email: true, memberships: { ...organizationsSelect, take: withOrganizations ? undefined : 0 } } },
      org: { select: { id: true, name: true, slug: true, currency: true, timeZone: true } },
    },
  })
  if (!membership) throw new AppError('NOT_FOUND', 'This organization was not found.')
  if (!can(membership.role, permission)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an admin of this organization.')
  }
  const { memberships, ...user } = membership.user
  const member: Member = { membershipId: membership.id, role: membership.role, user, org: membership.org }
  return { member, organizations: toOrganizations(memberships) }
}

const organizationsSelect = { select: { role: true, org: { select: { name: true, slug: true } } }, orderBy: { org: { name: 'asc' } } } as const
const toOrganizations = (rows: { role: Role; org: { name: string; slug: string } }[]) => rows.map((row) => ({ name: row.org.name, slug: row.org.slug, role: row.role }))

/** The organizations a user belongs to, for the switcher and the landing redirect. */
export async function listMyOrganizations(db: Db, userId: string) {
  return toOrganizations(await db.membership.findMany({ where: { userId }, ...organizationsSelect }))
}
