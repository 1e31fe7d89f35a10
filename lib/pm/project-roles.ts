import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import type { ProjectRoleInput, UpdateProjectRoleInput } from '@/lib/pm/project-roles.schema'
import { assertCanEditTemplates, assertOrgMember } from '@/lib/pm/template-rights'

// Project roles ("Implementation lead") are the organization's names for the people a project
// needs. Template tasks are assigned to a role; a new project fills each role with a person
// (the role's default person unless someone else is chosen). Archived roles keep their place
// on old templates and projects but are no longer offered.

export type ProjectRoleDto = {
  id: string
  name: string
  archived: boolean
  defaultUser: { id: string; name: string } | null
  /** live templates whose current version assigns tasks to this role */
  templateCount: number
}

export async function listProjectRoles(db: Db, ctx: Ctx, options: { includeArchived?: boolean } = {}): Promise<ProjectRoleDto[]> {
  // One after the other: `db` may be a transaction (one connection).
  const roles = await db.projectRole.findMany({
    where: { orgId: ctx.orgId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, archivedAt: true, defaultUser: { select: { id: true, name: true } } },
  })
  const usage = await db.$queryRaw<{ roleId: string; templates: bigint }[]>`
    SELECT tt.role_id AS "roleId", count(DISTINCT pt.id) AS templates
    FROM template_task tt JOIN project_template pt ON pt.current_version_id = tt.version_id
    WHERE tt.org_id = ${ctx.orgId}::uuid AND tt.role_id IS NOT NULL AND pt.archived_at IS NULL
    GROUP BY tt.role_id`
  const counts = new Map(usage.map((u) => [u.roleId, Number(u.templates)]))
  return roles.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, defaultUser: r.defaultUser, templateCount: counts.get(r.id) ?? 0 }))
}

async function roleInOrg(db: Db, ctx: Ctx, roleId: string) {
  const role = await db.projectRole.findFirst({
    where: { id: roleId, orgId: ctx.orgId },
    select: { id: true, name: true, position: true, archivedAt: true, defaultUserId: true },
  })
  if (!role) throw notFound('This role')
  return role
}

async function assertNameFree(db: Db, ctx: Ctx, name: string, exceptId?: string) {
  const clash = await db.projectRole.findFirst({
    where: { orgId: ctx.orgId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { archivedAt: true },
  })
  if (clash) {
    throw new AppError('CONFLICT', clash.archivedAt ? 'An archived role has this name: restore it instead.' : 'Another role already has this name.', 'name')
  }
}

export async function createProjectRole(db: Db, ctx: Ctx, input: ProjectRoleInput) {
  assertCanEditTemplates(ctx)
  await assertNameFree(db, ctx, input.name)
  if (input.defaultUserId) await assertOrgMember(db, ctx, input.defaultUserId, 'defaultUserId')
  const last = await db.projectRole.aggregate({ where: { orgId: ctx.orgId }, _max: { position: true } })
  const role = await db.projectRole
    .create({
      data: { orgId: ctx.orgId, name: input.name, defaultUserId: input.defaultUserId ?? null, position: (last._max.position ?? 0) + 1024 },
      select: { id: true, name: true },
    })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another role already has this name.' }))
  await logActivity(db, ctx, { entityType: 'project_role', entityId: role.id, action: 'project_role.created', changes: { name: input.name, defaultUserId: input.defaultUserId ?? null } })
  return role
}

/** Renames a role and sets (or clears) its default person. */
export async function updateProjectRole(db: Db, ctx: Ctx, input: UpdateProjectRoleInput) {
  assertCanEditTemplates(ctx)
  const role = await roleInOrg(db, ctx, input.roleId)
  if (role.name !== input.name) await assertNameFree(db, ctx, input.name, role.id)
  if (input.defaultUserId && input.defaultUserId !== role.defaultUserId) await assertOrgMember(db, ctx, input.defaultUserId, 'defaultUserId')
  const defaultUserId = input.defaultUserId ?? null
  await db.projectRole
    .update({ where: { id: role.id }, data: { name: input.name, defaultUserId } })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another role already has this name.' }))
  await logActivity(db, ctx, {
    entityType: 'project_role',
    entityId: role.id,
    action: 'project_role.updated',
    changes: {
      ...(role.name !== input.name ? { name: { from: role.name, to: input.name } } : {}),
      ...(role.defaultUserId !== defaultUserId ? { defaultUserId: { from: role.defaultUserId, to: defaultUserId } } : {}),
    },
  })
}

/** Swaps a live role with its neighbour above or below. */
export async function moveProjectRole(db: Db, ctx: Ctx, input: { roleId: string; direction: 'up' | 'down' }) {
  assertCanEditTemplates(ctx)
  const role = await roleInOrg(db, ctx, input.roleId)
  const up = input.direction === 'up'
  const neighbour = await db.projectRole.findFirst({
    where: { orgId: ctx.orgId, archivedAt: null, id: { not: role.id }, position: up ? { lte: role.position } : { gte: role.position } },
    orderBy: [{ position: up ? 'desc' : 'asc' }, { name: up ? 'desc' : 'asc' }],
    select: { id: true, position: true },
  })
  if (!neighbour) return
  // Equal positions (rows made before ordering mattered) get distinct ones on the way.
  const [a, b] = neighbour.position === role.position ? (up ? [role.position - 1, role.position] : [role.position + 1, role.position]) : [neighbour.position, role.position]
  await db.projectRole.update({ where: { id: role.id }, data: { position: a } })
  await db.projectRole.update({ where: { id: neighbour.id }, data: { position: b } })
  await logActivity(db, ctx, { entityType: 'project_role', entityId: role.id, action: 'project_role.moved', changes: { direction: input.direction } })
}

/** Archived roles stay on the templates and projects that use them but are no longer offered. */
export async function archiveProjectRole(db: Db, ctx: Ctx, input: { roleId: string }) {
  assertCanEditTemplates(ctx)
  const role = await roleInOrg(db, ctx, input.roleId)
  if (role.archivedAt) return
  await db.projectRole.update({ where: { id: role.id }, data: { archivedAt: new Date() } })
  await logActivity(db, ctx, { entityType: 'project_role', entityId: role.id, action: 'project_role.archived', changes: { name: role.name } })
}

export async function restoreProjectRole(db: Db, ctx: Ctx, input: { roleId: string }) {
  assertCanEditTemplates(ctx)
  const role = await roleInOrg(db, ctx, input.roleId)
  if (!role.archivedAt) return
  const last = await db.projectRole.aggregate({ where: { orgId: ctx.orgId, archivedAt: null }, _max: { position: true } })
  await db.projectRole.update({ where: { id: role.id }, data: { archivedAt: null, position: (last._max.position ?? 0) + 1024 } })
  await logActivity(db, ctx, { entityType: 'project_role', entityId: role.id, action: 'project_role.restored', changes: { name: role.name } })
}
