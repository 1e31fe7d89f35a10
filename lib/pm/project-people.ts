import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Role } from '@/lib/generated/prisma/enums'

export type ProjectPerson = { id: string; name: string; role: Role }

/**
 * The people who can read a project: every member but sales, and the sales rep who owns the
 * project's deal. They are who a task can be assigned to and who a comment can mention. As a
 * nested select, so a page can read them in the same statement as the project (the board).
 */
export function projectReadersSelect(orgId: string, projectId: string) {
  return {
    where: { orgId, OR: [{ role: { not: 'SALES' } }, { user: { ownedDeals: { some: { orgId, project: { id: projectId } } } } }] },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: 'asc' } }, { userId: 'asc' }],
  } satisfies Prisma.Organization$membershipsArgs
}

export const toProjectPerson = (m: { role: Role; user: { id: string; name: string } }): ProjectPerson => ({ id: m.user.id, name: m.user.name, role: m.role })

/** Everyone in the organization, by name: who can own a project or join it as a member. */
export async function organizationPeople(db: Db, ctx: Pick<Ctx, 'orgId'>): Promise<{ id: string; name: string }[]> {
  const rows = await db.membership.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ user: { name: 'asc' } }, { userId: 'asc' }], select: { user: { select: { id: true, name: true } } } })
  return rows.map((m) => m.user)
}

export async function projectPeople(db: Db, ctx: Ctx, of: { projectId: string }): Promise<ProjectPerson[]> {
  const rows = await db.membership.findMany(projectReadersSelect(ctx.orgId, of.projectId))
  return rows.map(toProjectPerson)
}
