import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { fromDay, toDay } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { assertCanWriteProjects, readableProjects, requireWritableProject } from '@/lib/pm/project-access'
import type { ProjectIdInput, UpdateProjectInput } from '@/lib/pm/project-update.schema'

export type UpdatedProject = { id: string; version: number; changed: string[] }

type Value = string | number | null
type FieldChange = { from: Value; to: Value; fromName?: string | null; toName?: string | null }

const conflict = () => new AppError('CONFLICT', 'Someone else changed this project a moment ago. Reload the page to see their change, then try again.')

/**
 * Edits a project's fields with optimistic concurrency (the version the user saw must still be
 * current) and writes `project.updated` with `{field: {from, to}}`. Marking it done stamps
 * `completedAt`; leaving done clears it. The first target go-live becomes the baseline, which
 * never moves after. Run in a transaction.
 */
export async function updateProject(db: Db, ctx: Ctx, input: UpdateProjectInput): Promise<UpdatedProject> {
  const project = await db.project.findFirst({
    where: { id: input.projectId, ...readableProjects(ctx) },
    select: {
      id: true,
      version: true,
      name: true,
      status: true,
      ownerId: true,
      companyId: true,
      kickoffOn: true,
      targetGoLiveOn: true,
      baselineGoLiveOn: true,
      brief: true,
      owner: { select: { name: true } },
      company: { select: { name: true } },
    },
  })
  if (!project) throw notFound('This project')
  assertCanWriteProjects(ctx)
  if (project.version !== input.version) throw conflict()

  const data: Prisma.ProjectUncheckedUpdateManyInput = {}
  const changes: Record<string, FieldChange> = {}
  const note = (field: string, from: Value, to: Value, names?: { fromName?: string | null; toName?: string | null }) => {
    changes[field] = { from, to, ...names }
  }

  if (input.name !== undefined && input.name !== project.name) {
    data.name = input.name
    note('name', project.name, input.name)
  }
  if (input.status !== undefined && input.status !== project.status) {
    data.status = input.status
    if (input.status === 'DONE') data.completedAt = new Date()
    else if (project.status === 'DONE') data.completedAt = null
    note('status', project.status, input.status)
  }
  if (input.ownerId !== undefined && input.ownerId !== project.ownerId) {
    const owner = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId: input.ownerId }, select: { user: { select: { name: true } } } })
    if (!owner) throw new AppError('NOT_FOUND', 'That person is not a member of this organization.', 'ownerId')
    data.ownerId = input.ownerId
    note('ownerId', project.ownerId, input.ownerId, { fromName: project.owner?.name ?? null, toName: owner.user.name })
  }
  if (input.companyId !== undefined && input.companyId !== project.companyId) {
    let toName: string | null = null
    if (input.companyId) {
      const company = await db.company.findFirst({ where: { id: input.companyId, orgId: ctx.orgId, deletedAt: null }, select: { name: true } })
      if (!company) throw new AppError('NOT_FOUND', 'That company was not found.', 'companyId')
      toName = company.name
    }
    data.companyId = input.companyId
    note('companyId', project.companyId, input.companyId, { fromName: project.company?.name ?? null, toName })
  }
  const target = project.targetGoLiveOn ? toDay(project.targetGoLiveOn) : null
  if (input.targetGoLiveOn !== undefined && input.targetGoLiveOn !== target) {
    if (input.targetGoLiveOn < toDay(project.kickoffOn)) throw new AppError('INVALID', 'The target go-live cannot be before the kickoff.', 'targetGoLiveOn')
    data.targetGoLiveOn = fromDay(input.targetGoLiveOn)
    note('targetGoLiveOn', target, input.targetGoLiveOn)
    if (!project.baselineGoLiveOn) {
      data.baselineGoLiveOn = fromDay(input.targetGoLiveOn)
      note('baselineGoLiveOn', null, input.targetGoLiveOn)
    }
  }
  if (input.brief !== undefined && (input.brief ?? null) !== project.brief) {
    data.brief = input.brief
    // the brief can be long: the history says it changed, with its new length
    note('brief', project.brief?.length ?? 0, input.brief?.length ?? 0)
  }

  const changed = Object.keys(changes)
  if (changed.length === 0) return { id: project.id, version: project.version, changed }
  const updated = await db.project.updateMany({ where: { id: project.id, orgId: ctx.orgId, version: input.version }, data: { ...data, version: { increment: 1 } } })
  if (updated.count === 0) throw conflict()
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.updated', changes })
  return { id: project.id, version: input.version + 1, changed }
}

/** Moves a project to the trash (restorable). Run in a transaction. */
export async function deleteProject(db: Db, ctx: Ctx, input: ProjectIdInput) {
  const project = await requireWritableProject(db, ctx, input.projectId)
  await db.project.updateMany({ where: { id: project.id, orgId: ctx.orgId }, data: { deletedAt: new Date(), version: { increment: 1 } } })
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.deleted', changes: { name: project.name } })
  return { id: project.id, name: project.name }
}

/** Brings a project back from the trash. Run in a transaction. */
export async function restoreProject(db: Db, ctx: Ctx, input: ProjectIdInput) {
  assertCanWriteProjects(ctx)
  const project = await db.project.findFirst({ where: { id: input.projectId, orgId: ctx.orgId, deletedAt: { not: null } }, select: { id: true, name: true } })
  if (!project) throw notFound('This project')
  await db.project.updateMany({ where: { id: project.id, orgId: ctx.orgId }, data: { deletedAt: null, version: { increment: 1 } } })
  await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.restored', changes: { name: project.name } })
  return project
}
