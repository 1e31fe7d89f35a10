import type { Ctx } from '@/lib/authz'
import type { DateAnchor, TaskPriority } from '@/lib/generated/prisma/enums'
import { testDb } from '../setup/db'

export type TaskSpec = {
  title: string
  milestone?: string
  anchor?: DateAnchor
  offsetDays: number
  durationDays?: number
  businessDays?: boolean
  role?: string
  dealOwner?: boolean
  estimateMinutes?: number
  priority?: TaskPriority
  checklist?: string[]
  /** titles of tasks that block this one */
  after?: string[]
}

/**
 * A project template with one version, inserted directly (tests of project creation do not
 * depend on the template editor). Roles are created by name, with optional default people.
 */
export async function createTestTemplate(
  ctx: Ctx,
  options: {
    name?: string
    milestones?: { name: string; offsetDays: number; anchor?: DateAnchor; businessDays?: boolean }[]
    tasks: TaskSpec[]
    roles?: { name: string; defaultUserId?: string }[]
    defaultDurationDays?: number
  },
) {
  const roles = new Map<string, string>()
  for (const [index, role] of (options.roles ?? []).entries()) {
    const row = await testDb.projectRole.create({ data: { orgId: ctx.orgId, name: role.name, defaultUserId: role.defaultUserId, position: index } })
    roles.set(role.name, row.id)
  }
  const template = await testDb.projectTemplate.create({ data: { orgId: ctx.orgId, name: options.name ?? 'Template' } })
  const version = await testDb.projectTemplateVersion.create({
    data: { orgId: ctx.orgId, templateId: template.id, version: 1, defaultDurationDays: options.defaultDurationDays ?? 0 },
  })
  await testDb.projectTemplate.update({ where: { id: template.id }, data: { currentVersionId: version.id } })
  const milestones = new Map<string, string>()
  for (const [index, m] of (options.milestones ?? []).entries()) {
    const row = await testDb.templateMilestone.create({
      data: { orgId: ctx.orgId, versionId: version.id, name: m.name, offsetDays: m.offsetDays, anchor: m.anchor ?? 'KICKOFF', businessDays: m.businessDays ?? true, position: index + 1 },
    })
    milestones.set(m.name, row.id)
  }
  const taskIds = new Map<string, string>()
  const rows = options.tasks.map((t, index) => {
    const id = crypto.randomUUID()
    taskIds.set(t.title, id)
    const roleId = t.role ? roles.get(t.role) : undefined
    if (t.role && !roleId) throw new Error(`No role ${t.role}`)
    return {
      id,
      orgId: ctx.orgId,
      versionId: version.id,
      milestoneId: t.milestone ? milestones.get(t.milestone)! : null,
      title: t.title,
      anchor: t.anchor ?? 'KICKOFF',
      offsetDays: t.offsetDays,
      durationDays: t.durationDays ?? 0,
      businessDays: t.businessDays ?? true,
      roleId: roleId ?? null,
      assignDealOwner: t.dealOwner ?? false,
      estimateMinutes: t.estimateMinutes ?? null,
      priority: t.priority ?? 'NONE',
      checklist: t.checklist ?? [],
      position: index + 1,
    }
  })
  await testDb.templateTask.createMany({ data: rows })
  await testDb.templateDependency.createMany({
    data: options.tasks.flatMap((t) => (t.after ?? []).map((blocker) => ({ orgId: ctx.orgId, versionId: version.id, blockerId: taskIds.get(blocker)!, blockedId: taskIds.get(t.title)! }))),
  })
  return { template, version, roles, milestones, taskIds }
}
