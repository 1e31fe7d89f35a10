import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import { draftProblems, orderedTasks, type DraftProblem, type TemplateDraft } from '@/lib/pm/template-draft'
import { assertCanEditTemplates } from '@/lib/pm/template-rights'
import { ruleConditions, ruleLookups } from '@/lib/pm/template-rules'
import { ruleSummary } from '@/lib/pm/template-rule-text'
import type { CreateTemplateInput, RenameTemplateInput, SaveTemplateInput } from '@/lib/pm/templates.schema'
import { TEMPLATE_MILESTONE_FIELDS, TEMPLATE_TASK_FIELDS } from '@/lib/pm/template-content'

// Project templates. A template's content (milestones, tasks, dependencies, durations) lives in
// immutable versions: saving the editor writes version n+1 and points the template at it, so a
// project keeps the exact version it was built from. Rules (template-rules.ts) say when a
// template applies to a won deal; one live template may be the organization's default.

/** A draft that breaks the template rules: the problems go back to the editor, next to each task. */
export class TemplateDraftError extends AppError {
  constructor(readonly problems: DraftProblem[]) {
    super('INVALID', problems.length === 1 ? 'The template has a problem: it is marked below.' : `The template has ${problems.length} problems: they are marked below.`)
  }
}

export type TemplateSummary = {
  id: string
  name: string
  isDefault: boolean
  archived: boolean
  version: { number: number; savedAt: Date; savedBy: string | null } | null
  taskCount: number
  milestoneCount: number
  rules: string[]
  projectCount: number
}

const nameTaken = (archived: boolean) =>
  new AppError('CONFLICT', archived ? 'An archived template has this name: restore it or choose another name.' : 'Another template already has this name.', 'name')

async function assertNameFree(db: Db, ctx: Ctx, name: string, exceptId?: string) {
  const clash = await db.projectTemplate.findFirst({
    where: { orgId: ctx.orgId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { archivedAt: true },
  })
  if (clash) throw nameTaken(clash.archivedAt !== null)
}

async function templateInOrg(db: Db, ctx: Ctx, templateId: string) {
  const template = await db.projectTemplate.findFirst({
    where: { id: templateId, orgId: ctx.orgId },
    select: { id: true, name: true, isDefault: true, archivedAt: true, currentVersionId: true },
  })
  if (!template) throw notFound('This template')
  return template
}

/** Every template of the organization (live first, default on top) with the figures of its list. */
export async function listTemplates(db: Db, ctx: Ctx): Promise<TemplateSummary[]> {
  const rows = await db.projectTemplate.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      isDefault: true,
      archivedAt: true,
      currentVersion: {
        select: { version: true, createdAt: true, createdBy: { select: { name: true } }, _count: { select: { tasks: true, milestones: true } } },
      },
      rules: {
        orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }],
        select: { pipelineId: true, dealType: true, productIds: true, minAmountMinor: true, maxAmountMinor: true, priority: true },
      },
      _count: { select: { projects: { where: { deletedAt: null } } } },
    },
  })
  const lookups = rows.some((r) => r.rules.length) ? await ruleLookups(db, ctx) : null
  return rows
    .map((t) => ({
      id: t.id,
      name: t.name,
      isDefault: t.isDefault,
      archived: t.archivedAt !== null,
      version: t.currentVersion ? { number: t.currentVersion.version, savedAt: t.currentVersion.createdAt, savedBy: t.currentVersion.createdBy?.name ?? null } : null,
      taskCount: t.currentVersion?._count.tasks ?? 0,
      milestoneCount: t.currentVersion?._count.milestones ?? 0,
      rules: t.rules.map((r) => ruleSummary(ruleConditions(r), lookups!)),
      projectCount: t._count.projects,
    }))
    .sort((a, b) => Number(a.archived) - Number(b.archived))
}

export type TemplateChoice = { templateId: string; name: string; isDefault: boolean; versionId: string; version: number; roleIds: string[]; usesDealOwner: boolean; taskCount: number }

/**
 * Live templates with a saved version, for "new project" pickers: which version a project
 * would get, which roles its tasks need and whether it has deal-owner tasks.
 */
export async function listTemplateChoices(db: Db, ctx: Ctx): Promise<TemplateChoice[]> {
  const rows = await db.projectTemplate.findMany({
    where: { orgId: ctx.orgId, archivedAt: null, currentVersionId: { not: null } },
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      isDefault: true,
      currentVersion: { select: { id: true, version: true, tasks: { select: { roleId: true, assignDealOwner: true } } } },
    },
  })
  return rows.flatMap((t) =>
    t.currentVersion
      ? [
          {
            templateId: t.id,
            name: t.name,
            isDefault: t.isDefault,
            versionId: t.currentVersion.id,
            version: t.currentVersion.version,
            roleIds: [...new Set(t.currentVersion.tasks.flatMap((task) => (task.roleId ? [task.roleId] : [])))],
            usesDealOwner: t.currentVersion.tasks.some((task) => task.assignDealOwner),
            taskCount: t.currentVersion.tasks.length,
          },
        ]
      : [],
  )
}

export type TemplateVersionInfo = { id: string; number: number; savedAt: Date; savedBy: string | null; taskCount: number; projectCount: number }

export type TemplateEditorData = {
  template: { id: string; name: string; isDefault: boolean; archived: boolean; projectCount: number }
  /** the version shown: the current one unless an older one was asked for */
  version: TemplateVersionInfo & { isCurrent: boolean }
  currentVersion: number
  draft: TemplateDraft
  versions: TemplateVersionInfo[]
}

/** A template and one of its versions (the current one by default) as the editor's draft. */
export async function getTemplateEditor(db: Db, ctx: Ctx, templateId: string, versionNumber?: number): Promise<TemplateEditorData> {
  const template = await db.projectTemplate.findFirst({
    where: { id: templateId, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      isDefault: true,
      archivedAt: true,
      currentVersionId: true,
      _count: { select: { projects: { where: { deletedAt: null } } } },
      versions: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          _count: { select: { tasks: true, projects: { where: { deletedAt: null } } } },
        },
      },
    },
  })
  if (!template) throw notFound('This template')
  const versions = template.versions.map((v) => ({ id: v.id, number: v.version, savedAt: v.createdAt, savedBy: v.createdBy?.name ?? null, taskCount: v._count.tasks, projectCount: v._count.projects }))
  const current = versions.find((v) => v.id === template.currentVersionId) ?? versions[0]
  const shown = versionNumber === undefined ? current : versions.find((v) => v.number === versionNumber)
  if (!shown || !current) throw notFound('This template version')
  return {
    template: { id: template.id, name: template.name, isDefault: template.isDefault, archived: template.archivedAt !== null, projectCount: template._count.projects },
    version: { ...shown, isCurrent: shown.id === current.id },
    currentVersion: current.number,
    draft: await versionDraft(db, ctx, shown.id),
    versions,
  }
}

/** A stored version as an editor draft: keys are the rows' ids. */
export async function versionDraft(db: Db, ctx: Pick<Ctx, 'orgId'>, versionId: string): Promise<TemplateDraft> {
  const version = await db.projectTemplateVersion.findFirst({
    where: { id: versionId, orgId: ctx.orgId },
    select: {
      description: true,
      defaultDurationDays: true,
      leadTimeDays: true,
      leadTimeBusinessDays: true,
      milestones: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: TEMPLATE_MILESTONE_FIELDS },
      tasks: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: TEMPLATE_TASK_FIELDS },
      dependencies: { select: { blockerId: true, blockedId: true } },
    },
  })
  if (!version) throw notFound('This template version')
  const order = new Map(version.tasks.map((t, i) => [t.id, i]))
  const blockers = new Map<string, string[]>()
  for (const d of version.dependencies) blockers.set(d.blockedId, [...(blockers.get(d.blockedId) ?? []), d.blockerId])
  const milestones = version.milestones.map((m) => ({ key: m.id, name: m.name, anchor: m.anchor, offsetDays: m.offsetDays, businessDays: m.businessDays }))
  const tasks = version.tasks.map((t) => ({
    key: t.id,
    milestoneKey: t.milestoneId,
    title: t.title,
    description: t.description ?? '',
    anchor: t.anchor,
    offsetDays: t.offsetDays,
    durationDays: t.durationDays,
    businessDays: t.businessDays,
    roleId: t.roleId,
    assignDealOwner: t.assignDealOwner,
    estimateHours: t.estimateMinutes === null ? null : t.estimateMinutes / 60,
    priority: t.priority,
    checklist: t.checklist,
    dependsOn: (blockers.get(t.id) ?? []).sort((a, b) => order.get(a)! - order.get(b)!),
  }))
  return {
    description: version.description ?? '',
    defaultDurationDays: version.defaultDurationDays,
    leadTimeDays: version.leadTimeDays,
    leadTimeBusinessDays: version.leadTimeBusinessDays,
    milestones,
    tasks: orderedTasks({ milestones, tasks }),
  }
}

const EMPTY_DRAFT: TemplateDraft = { description: '', defaultDurationDays: 30, leadTimeDays: 5, leadTimeBusinessDays: true, milestones: [], tasks: [] }

/**
 * Writes a version's rows with batched inserts (ids made here so dependencies can refer to
 * tasks in the same batch) and makes it the template's current version.
 */
async function insertVersion(db: Db, ctx: Ctx, templateId: string, number: number, draft: TemplateDraft) {
  const versionId = crypto.randomUUID()
  await db.projectTemplateVersion.create({
    data: {
      id: versionId,
      orgId: ctx.orgId,
      templateId,
      version: number,
      description: draft.description.trim() || null,
      defaultDurationDays: draft.defaultDurationDays,
      leadTimeDays: draft.leadTimeDays,
      leadTimeBusinessDays: draft.leadTimeBusinessDays,
      createdById: ctx.userId,
    },
  })
  const milestoneIds = new Map(draft.milestones.map((m) => [m.key, crypto.randomUUID()]))
  const tasks = orderedTasks(draft)
  const taskIds = new Map(tasks.map((t) => [t.key, crypto.randomUUID()]))
  if (draft.milestones.length) {
    await db.templateMilestone.createMany({
      data: draft.milestones.map((m, i) => ({
        id: milestoneIds.get(m.key)!,
        orgId: ctx.orgId,
        versionId,
        name: m.name.trim(),
        anchor: m.anchor,
        offsetDays: m.offsetDays,
        businessDays: m.businessDays,
        position: (i + 1) * 1000,
      })),
    })
  }
  if (tasks.length) {
    await db.templateTask.createMany({
      data: tasks.map((t, i) => ({
        id: taskIds.get(t.key)!,
        orgId: ctx.orgId,
        versionId,
        milestoneId: t.milestoneKey ? milestoneIds.get(t.milestoneKey)! : null,
        title: t.title.trim(),
        description: t.description.trim() || null,
        anchor: t.anchor,
        offsetDays: t.offsetDays,
        durationDays: t.durationDays,
        businessDays: t.businessDays,
        roleId: t.assignDealOwner ? null : t.roleId,
        assignDealOwner: t.assignDealOwner,
        estimateMinutes: t.estimateHours === null ? null : Math.round(t.estimateHours * 60),
        priority: t.priority,
        checklist: t.checklist.map((item) => item.trim()).filter(Boolean),
        position: (i + 1) * 1000,
      })),
    })
  }
  const dependencies = tasks.flatMap((t) => t.dependsOn.map((blocker) => ({ orgId: ctx.orgId, versionId, blockerId: taskIds.get(blocker)!, blockedId: taskIds.get(t.key)! })))
  if (dependencies.length) await db.templateDependency.createMany({ data: dependencies })
  await db.projectTemplate.update({ where: { id: templateId }, data: { currentVersionId: versionId } })
  return { versionId, version: number, taskCount: tasks.length, milestoneCount: draft.milestones.length }
}

/**
 * A new template with version 1: empty, a copy of another template's current version, or the
 * given content (seeds and scripts; checked like a save).
 */
export async function createTemplate(db: Db, ctx: Ctx, input: CreateTemplateInput & { content?: TemplateDraft }) {
  assertCanEditTemplates(ctx)
  await assertNameFree(db, ctx, input.name)
  let draft = EMPTY_DRAFT
  if (input.content) {
    const roles = await db.projectRole.findMany({ where: { orgId: ctx.orgId }, select: { id: true } })
    const problems = draftProblems(input.content, new Set(roles.map((r) => r.id)))
    if (problems.length) throw new TemplateDraftError(problems)
    draft = input.content
  } else if (input.copyFromTemplateId) {
    const source = await templateInOrg(db, ctx, input.copyFromTemplateId).catch(() => {
      throw new AppError('NOT_FOUND', 'The template to copy was not found.', 'copyFromTemplateId')
    })
    if (source.currentVersionId) draft = await versionDraft(db, ctx, source.currentVersionId)
  }
  const template = await db.projectTemplate
    .create({ data: { orgId: ctx.orgId, name: input.name }, select: { id: true, name: true } })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another template already has this name.' }))
  const saved = await insertVersion(db, ctx, template.id, 1, draft)
  await logActivity(db, ctx, {
    entityType: 'project_template',
    entityId: template.id,
    action: 'template.created',
    changes: { name: input.name, version: 1, copiedFrom: input.copyFromTemplateId ?? null, tasks: saved.taskCount },
  })
  return { id: template.id, name: template.name, versionId: saved.versionId }
}

/**
 * Saves the editor: version n+1 with the whole content, made current. Refused when the draft
 * has problems (returned for the editor to show) or when someone saved since the editor opened.
 */
export async function saveTemplateContent(db: Db, ctx: Ctx, input: SaveTemplateInput) {
  assertCanEditTemplates(ctx)
  // Lock the template row: two saves at once take turns and the second sees the first's version.
  const locked = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM project_template WHERE id = ${input.templateId}::uuid AND org_id = ${ctx.orgId}::uuid FOR UPDATE`
  if (!locked.length) throw notFound('This template')
  const template = await templateInOrg(db, ctx, input.templateId)
  if (template.archivedAt) throw new AppError('INVALID', 'This template is archived: restore it before changing it.')
  const latest = await db.projectTemplateVersion.findFirst({
    where: { templateId: template.id, orgId: ctx.orgId },
    orderBy: { version: 'desc' },
    select: { version: true, createdBy: { select: { name: true } } },
  })
  const latestNumber = latest?.version ?? 0
  if (latestNumber !== input.baseVersion) {
    throw new AppError('CONFLICT', `${latest?.createdBy?.name ?? 'Someone'} saved version ${latestNumber} while you were editing. Reload to see it; your changes were not saved.`)
  }
  const { templateId: _t, baseVersion: _b, ...draft } = input
  const roles = await db.projectRole.findMany({ where: { orgId: ctx.orgId }, select: { id: true } })
  const problems = draftProblems(draft, new Set(roles.map((r) => r.id)))
  if (problems.length) throw new TemplateDraftError(problems)
  const saved = await insertVersion(db, ctx, template.id, latestNumber + 1, draft).catch((error: unknown) =>
    mapPrismaError(error, { unique: 'Someone saved this template at the same moment. Reload to see their version.' }),
  )
  await logActivity(db, ctx, {
    entityType: 'project_template',
    entityId: template.id,
    action: 'template.saved',
    changes: { version: saved.version, tasks: saved.taskCount, milestones: saved.milestoneCount },
  })
  return { versionId: saved.versionId, version: saved.version }
}

export async function renameTemplate(db: Db, ctx: Ctx, input: RenameTemplateInput) {
  assertCanEditTemplates(ctx)
  const template = await templateInOrg(db, ctx, input.templateId)
  if (template.name === input.name) return
  await assertNameFree(db, ctx, input.name, template.id)
  await db.projectTemplate
    .update({ where: { id: template.id }, data: { name: input.name } })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another template already has this name.' }))
  await logActivity(db, ctx, { entityType: 'project_template', entityId: template.id, action: 'template.renamed', changes: { name: { from: template.name, to: input.name } } })
}

/** Makes a live template the organization's default (at most one), or stops it being the default. */
export async function setDefaultTemplate(db: Db, ctx: Ctx, input: { templateId: string; isDefault: boolean }) {
  assertCanEditTemplates(ctx)
  const template = await templateInOrg(db, ctx, input.templateId)
  if (template.isDefault === input.isDefault) return
  if (input.isDefault) {
    if (template.archivedAt) throw new AppError('INVALID', 'An archived template cannot be the default: restore it first.')
    await db.projectTemplate.updateMany({ where: { orgId: ctx.orgId, isDefault: true }, data: { isDefault: false } })
  }
  await db.projectTemplate
    .update({ where: { id: template.id }, data: { isDefault: input.isDefault } })
    .catch((error: unknown) => mapPrismaError(error, { unique: 'Another template was made the default at the same moment. Reload and try again.' }))
  await logActivity(db, ctx, { entityType: 'project_template', entityId: template.id, action: input.isDefault ? 'template.made_default' : 'template.default_removed' })
}

/** Archived templates are no longer offered or picked by rules; projects built from them keep them. */
export async function archiveTemplate(db: Db, ctx: Ctx, input: { templateId: string }) {
  assertCanEditTemplates(ctx)
  const template = await templateInOrg(db, ctx, input.templateId)
  if (template.archivedAt) return
  await db.projectTemplate.update({ where: { id: template.id }, data: { archivedAt: new Date(), isDefault: false } })
  await logActivity(db, ctx, { entityType: 'project_template', entityId: template.id, action: 'template.archived', changes: { wasDefault: template.isDefault } })
}

export async function restoreTemplate(db: Db, ctx: Ctx, input: { templateId: string }) {
  assertCanEditTemplates(ctx)
  const template = await templateInOrg(db, ctx, input.templateId)
  if (!template.archivedAt) return
  await db.projectTemplate.update({ where: { id: template.id }, data: { archivedAt: null } })
  await logActivity(db, ctx, { entityType: 'project_template', entityId: template.id, action: 'template.restored' })
}
