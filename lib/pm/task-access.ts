import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { AppError, notFound } from '@/lib/errors'
import { assertCanWriteProjects, readableProjects } from '@/lib/pm/project-access'

// A task is reachable through its project: another organization's task, one of a deleted
// project, or one of a project a sales rep does not follow is NOT_FOUND, like a missing id.
// Reading is checked first, so a rep following the project learns it exists and gets
// FORBIDDEN for a change, while anyone else gets the 404.

const taskSelect = {
  id: true,
  projectId: true,
  columnId: true,
  milestoneId: true,
  title: true,
  description: true,
  version: true,
  assigneeId: true,
  startOn: true,
  dueOn: true,
  baselineDueOn: true,
  startedAt: true,
  completedAt: true,
  completedOn: true,
  estimateMinutes: true,
  priority: true,
  column: { select: { id: true, name: true, kind: true } },
} as const

export async function requireReadableTask(db: Db, ctx: Ctx, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, orgId: ctx.orgId, project: readableProjects(ctx) }, select: taskSelect })
  if (!task) throw notFound('This task')
  return task
}

export type TaskRow = Awaited<ReturnType<typeof requireReadableTask>>

/** As requireReadableTask, and the caller may change tasks (DELIVERY, MANAGER, ADMIN). */
export async function requireWritableTask(db: Db, ctx: Ctx, taskId: string) {
  const task = await requireReadableTask(db, ctx, taskId)
  assertCanWriteProjects(ctx)
  return task
}

/**
 * Who can be given a task of this project: a member of the organization who can read the
 * project (delivery, managers, admins, and the sales rep who owns the project's deal).
 */
export async function assertAssignable(db: Db, ctx: Ctx, projectId: string, userId: string, field = 'assigneeId') {
  const member = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId }, select: { role: true, user: { select: { name: true } } } })
  if (!member) throw new AppError('NOT_FOUND', 'That person is not a member of this organization.', field)
  if (member.role === 'SALES') {
    const follows = await db.project.findFirst({ where: { id: projectId, orgId: ctx.orgId, sourceDeal: { ownerId: userId } }, select: { id: true } })
    if (!follows) throw new AppError('INVALID', `${member.user.name} cannot see this project (sales see only projects of their own deals).`, field)
  }
  return { name: member.user.name }
}

/** Context every task audit entry carries, so a project's history can list its tasks' changes. */
export const taskLogContext = (task: { projectId: string; title: string }) => ({ projectId: task.projectId, taskTitle: task.title })
