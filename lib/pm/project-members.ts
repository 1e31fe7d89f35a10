import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { requireWritableProject } from '@/lib/pm/project-access'
import type { AddProjectMemberInput, RemoveProjectMemberInput } from '@/lib/pm/project-members.schema'

/** The roles a member can be given (live ones), in their order. */
export async function projectRoleOptions(db: Db, ctx: Pick<Ctx, 'orgId'>) {
  const roles = await db.projectRole.findMany({
    where: { orgId: ctx.orgId, archivedAt: null },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, defaultUserId: true },
  })
  return roles
}

/**
 * Adds a person to a project, with a role or without. With `assignOpenTasks`, the role's open
 * tasks that nobody has go to them (filling an unfilled role). Run in a transaction.
 */
export async function addProjectMember(db: Db, ctx: Ctx, input: AddProjectMemberInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const person = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId: input.userId }, select: { user: { select: { id: true, name: true } } } })
  if (!person) throw new AppError('NOT_FOUND', 'That person is not a member of this organization.', 'userId')
  const role = input.roleId ? await db.projectRole.findFirst({ where: { id: input.roleId, orgId: ctx.orgId }, select: { id: true, name: true } }) : null
  if (input.roleId && !role) throw new AppError('NOT_FOUND', 'That role was not found.', 'roleId')
  const existing = await db.projectMember.findFirst({ where: { projectId: project.id, userId: input.userId, roleId: input.roleId }, select: { id: true } })
  if (existing) {
    throw new AppError('CONFLICT', role ? `${person.user.name} is already the project's ${role.name}.` : `${person.user.name} is already a member.`, 'userId')
  }
  const member = await db.projectMember.create({ data: { orgId: ctx.orgId, projectId: project.id, userId: input.userId, roleId: input.roleId }, select: { id: true } })
  const assigned =
    input.assignOpenTasks && role
      ? await db.task.updateMany({
          where: { orgId: ctx.orgId, projectId: project.id, roleId: role.id, assigneeId: null, completedAt: null },
          data: { assigneeId: input.userId, version: { increment: 1 } },
        })
      : { count: 0 }
  await logActivity(db, ctx, {
    entityType: 'project',
    entityId: project.id,
    action: 'project.member_added',
    changes: { userId: input.userId, name: person.user.name, roleId: role?.id ?? null, role: role?.name ?? null, assignedTasks: assigned.count },
  })
  return { id: member.id, assignedTasks: assigned.count, name: person.user.name, role: role?.name ?? null }
}

/** Removes a person (in one role) from a project; their tasks stay assigned to them. Run in a transaction. */
export async function removeProjectMember(db: Db, ctx: Ctx, input: RemoveProjectMemberInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  const member = await db.projectMember.findFirst({
    where: { id: input.memberId, projectId: project.id, orgId: ctx.orgId },
    select: { id: true, userId: true, user: { select: { name: true } }, role: { select: { id: true, name: true } } },
  })
  if (!member) throw notFound('This member')
  await db.projectMember.delete({ where: { id: member.id } })
  await logActivity(db, ctx, {
    entityType: 'project',
    entityId: project.id,
    action: 'project.member_removed',
    changes: { userId: member.userId, name: member.user.name, roleId: member.role?.id ?? null, role: member.role?.name ?? null },
  })
  return { id: member.id, name: member.user.name }
}
