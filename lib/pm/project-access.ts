import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'

// Who sees and changes a project. DELIVERY, MANAGER and ADMIN read and change every project
// of their organization. SALES read (and comment on) only the projects whose source deal they
// own, and change nothing else. Another organization's project, a deleted one, or one a rep
// may not read: the same 404 as a missing id.

/** The `where` that limits projects to the ones this person may read (live ones only). */
export function readableProjects(ctx: Ctx): Prisma.ProjectWhereInput {
  const base: Prisma.ProjectWhereInput = { orgId: ctx.orgId, deletedAt: null }
  if (ctx.role === 'SALES') return { ...base, sourceDeal: { ownerId: ctx.userId } }
  return base
}

export function canWriteProjects(ctx: Pick<Ctx, 'role'>): boolean {
  return can(ctx.role, 'projects:write')
}

export function assertCanWriteProjects(ctx: Ctx) {
  if (!canWriteProjects(ctx)) throw new AppError('FORBIDDEN', 'Your role can follow projects but not change them.')
}

/** The project's id and org if this person may read it, else NOT_FOUND. */
export async function requireReadableProject(db: Db, ctx: Ctx, projectId: string) {
  const project = await db.project.findFirst({ where: { id: projectId, ...readableProjects(ctx) }, select: { id: true, orgId: true, name: true } })
  if (!project) throw new AppError('NOT_FOUND', 'This project was not found.')
  return project
}

/** As requireReadableProject, and the caller may change it (DELIVERY, MANAGER, ADMIN). */
export async function requireWritableProject(db: Db, ctx: Ctx, projectId: string) {
  const project = await requireReadableProject(db, ctx, projectId)
  assertCanWriteProjects(ctx)
  return project
}

/** Comments are open to everyone who can read the project (a rep following their deal's project). */
export const requireCommentableProject = requireReadableProject
