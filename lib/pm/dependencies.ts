import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import type { DependencyInput } from '@/lib/pm/dependencies.schema'
import { assertCanWriteProjects, readableProjects } from '@/lib/pm/project-access'
import { findCycle } from '@/lib/pm/schedule'
import { taskLogContext } from '@/lib/pm/task-access'

async function pair(db: Db, ctx: Ctx, input: DependencyInput) {
  const tasks = await db.task.findMany({
    where: { id: { in: [input.blockerId, input.blockedId] }, orgId: ctx.orgId, project: readableProjects(ctx) },
    select: { id: true, title: true, projectId: true },
  })
  const blocker = tasks.find((t) => t.id === input.blockerId)
  const blocked = tasks.find((t) => t.id === input.blockedId)
  if (!blocker || !blocked) throw notFound('That task')
  assertCanWriteProjects(ctx)
  return { blocker, blocked }
}

/**
 * "blocker blocks blocked": both in the same project, not the same task, not twice, and
 * never a circle (the message names every task of the circle). The project row is locked
 * so two people linking at once cannot close a circle between them. Run in a transaction.
 */
export async function addDependency(db: Db, ctx: Ctx, input: DependencyInput) {
  if (input.blockerId === input.blockedId) throw new AppError('INVALID', 'A task cannot wait for itself.', 'blockerId')
  const { blocker, blocked } = await pair(db, ctx, input)
  if (blocker.projectId !== blocked.projectId) throw new AppError('INVALID', 'Both tasks must be in the same project.', 'blockerId')
  await db.$queryRaw`SELECT id FROM project WHERE id = ${blocked.projectId}::uuid AND org_id = ${ctx.orgId}::uuid FOR UPDATE`

  const edges = await db.taskDependency.findMany({ where: { orgId: ctx.orgId, projectId: blocked.projectId }, select: { blockerId: true, blockedId: true } })
  if (edges.some((e) => e.blockerId === blocker.id && e.blockedId === blocked.id)) {
    throw new AppError('CONFLICT', `“${blocked.title}” already waits for “${blocker.title}”.`, 'blockerId')
  }
  const cycle = findCycle([...edges.map((e) => ({ blocker: e.blockerId, blocked: e.blockedId })), { blocker: blocker.id, blocked: blocked.id }])
  if (cycle) {
    const titles = new Map((await db.task.findMany({ where: { id: { in: cycle }, orgId: ctx.orgId }, select: { id: true, title: true } })).map((t) => [t.id, t.title]))
    const path = cycle.map((id) => `“${titles.get(id) ?? 'a task'}”`).join(' → ')
    throw new AppError('INVALID', `That would make a circle of tasks waiting for each other: ${path}. Remove one of those links first.`, 'blockerId')
  }

  await db.taskDependency.create({ data: { orgId: ctx.orgId, projectId: blocked.projectId, blockerId: blocker.id, blockedId: blocked.id } })
  await logActivity(db, ctx, {
    entityType: 'task',
    entityId: blocked.id,
    action: 'task.dependency_added',
    changes: { ...taskLogContext(blocked), blocker: blocker.title, blockerId: blocker.id },
  })
  return { blockerId: blocker.id, blockedId: blocked.id, projectId: blocked.projectId }
}

export async function removeDependency(db: Db, ctx: Ctx, input: DependencyInput) {
  const { blocker, blocked } = await pair(db, ctx, input)
  const removed = await db.taskDependency.deleteMany({ where: { orgId: ctx.orgId, blockerId: blocker.id, blockedId: blocked.id } })
  if (removed.count === 0) throw notFound('That dependency')
  await logActivity(db, ctx, {
    entityType: 'task',
    entityId: blocked.id,
    action: 'task.dependency_removed',
    changes: { ...taskLogContext(blocked), blocker: blocker.title, blockerId: blocker.id },
  })
  return { blockerId: blocker.id, blockedId: blocked.id, projectId: blocked.projectId }
}
