import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { logActivity } from '@/lib/activity'
import { assertCanEditDeal } from '@/lib/crm/deal-access'
import { positionBetween } from '@/lib/crm/deals'
import { todayIn, type Day } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { briefMarkdown } from '@/lib/handoff/brief'
import { takeSnapshot } from '@/lib/handoff/snapshot'
import type { WinDealData } from '@/lib/handoff/win-deal.schema'
import { recordEvent } from '@/lib/integration/outbox'
import { createBlankProject, createProjectFromTemplate } from '@/lib/pm/create-project'
import { loadHolidays } from '@/lib/pm/holidays'
import { proposedKickoff } from '@/lib/pm/template-plan'
import { pickTemplate } from '@/lib/pm/template-rules'

// Closed-won becomes exactly one onboarding project, in the caller's ONE transaction:
// lock the deal row, move it to the WON stage, pick the template, build the project with its
// people, dates and the handoff brief, log both sides, and record the events for the outbox.
// A deal already won returns its project and changes nothing (two clicks, two tabs, twenty
// concurrent calls: the row lock queues them, and project.source_deal_id is unique besides).
// A deal won again after being lost gets its old project back, ACTIVE again.

export type WinResult = {
  deal: { id: string; stageId: string; status: 'WON'; version: number; position: number; probability: number; closedAt: string }
  /** the deal was already won: nothing changed */
  alreadyWon: boolean
  project: { id: string; name: string; created: boolean; reactivated: boolean; unfilledRoles: { id: string; name: string }[]; taskCount: number | null } | null
}

type LockedDeal = {
  id: string
  title: string
  status: 'OPEN' | 'WON' | 'LOST'
  version: number
  owner_id: string
  pipeline_id: string
  stage_id: string
  company_id: string | null
  /** the deal's company is live (not in the trash) */
  company_live: boolean | null
  closed_at: Date | null
  position: number
  probability: number
}

/** Locks the deal row until the transaction ends: concurrent wins of the same deal queue here. */
async function lockDeal(db: Db, ctx: Ctx, dealId: string): Promise<LockedDeal> {
  const [deal] = await db.$queryRaw<LockedDeal[]>`
    SELECT id, title, status::text AS status, version, owner_id, pipeline_id, stage_id, company_id, closed_at, position, probability,
           (SELECT c.deleted_at IS NULL FROM company c WHERE c.id = deal.company_id) AS company_live
    FROM deal WHERE id = ${dealId}::uuid AND org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL
    FOR UPDATE`
  if (!deal) throw notFound('This deal')
  return deal
}

/** The instant recorded for a close date: now when it is today, else midday UTC of that day (the same calendar day in every time zone from UTC-11 to UTC+11). */
function closedAtFor(closeOn: Day, today: Day): Date {
  return closeOn === today ? new Date() : new Date(`${closeOn}T12:00:00Z`)
}

async function existingProject(db: Db, ctx: Ctx, dealId: string) {
  return db.project.findFirst({ where: { orgId: ctx.orgId, sourceDealId: dealId }, select: { id: true, name: true, status: true, deletedAt: true, ownerId: true } })
}

function dealResult(deal: LockedDeal): WinResult['deal'] {
  return { id: deal.id, stageId: deal.stage_id, status: 'WON', version: deal.version, position: deal.position, probability: deal.probability, closedAt: (deal.closed_at ?? new Date()).toISOString() }
}

export async function winDeal(db: Db, ctx: Ctx, input: WinDealData): Promise<WinResult> {
  const deal = await lockDeal(db, ctx, input.dealId)
  assertCanEditDeal(ctx, { ownerId: deal.owner_id })
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
  const today = todayIn(org.timeZone)
  const project = await existingProject(db, ctx, deal.id)

  if (deal.status === 'WON') {
    // Already won: hand back its project. A deal won without one may ask for it now.
    if (project && !project.deletedAt) return { deal: dealResult(deal), alreadyWon: true, project: { id: project.id, name: project.name, created: false, reactivated: false, unfilledRoles: [], taskCount: null } }
    if (input.project === 'none' || project) return { deal: dealResult(deal), alreadyWon: true, project: null }
    const closeOn = input.closeOn ?? (deal.closed_at ? todayIn(org.timeZone, deal.closed_at) : today)
    const created = await buildProject(db, ctx, deal, input, closeOn)
    return { deal: dealResult(deal), alreadyWon: true, project: created }
  }

  if (input.version !== undefined && input.version !== deal.version) {
    throw new AppError('CONFLICT', 'Someone else changed this deal a moment ago. The board now shows its latest state; try again.')
  }
  const closeOn = input.closeOn ?? today
  if (closeOn > today) throw new AppError('INVALID', 'A deal cannot be won on a future date.', 'closeOn')
  const wonStage = await db.pipelineStage.findFirst({ where: { orgId: ctx.orgId, pipelineId: deal.pipeline_id, kind: 'WON' }, select: { id: true, name: true, probability: true } })
  if (!wonStage) throw new AppError('CONFLICT', 'This pipeline has no Won stage.')
  const fromStage = await db.pipelineStage.findUniqueOrThrow({ where: { id: deal.stage_id }, select: { name: true } })
  const position = await positionBetween(db, ctx, wonStage.id, deal.id, input.afterId, input.beforeId)
  const closedAt = closedAtFor(closeOn, today)
  await db.deal.update({
    where: { id: deal.id },
    data: {
      stageId: wonStage.id,
      status: 'WON',
      probability: wonStage.probability,
      stageEnteredAt: new Date(),
      closedAt,
      lostReasonId: null,
      lostNote: null,
      position,
      version: { increment: 1 },
    },
  })
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: 'deal.stage_changed',
    changes: { stage: { from: fromStage.name, to: wonStage.name }, stageId: { from: deal.stage_id, to: wonStage.id }, status: { from: deal.status, to: 'WON' }, closeOn },
  })
  await recordEvent(db, ctx, { type: 'deal.won', entityType: 'deal', entityId: deal.id, payload: { dealId: deal.id, title: deal.title, closeOn, previousStatus: deal.status } })
  const won: LockedDeal = { ...deal, status: 'WON', stage_id: wonStage.id, version: deal.version + 1, position, probability: wonStage.probability, closed_at: closedAt }

  let result: WinResult['project'] = null
  if (project) result = await reactivate(db, ctx, won, project)
  else if (input.project === 'auto') result = await buildProject(db, ctx, won, input, closeOn)
  return { deal: dealResult(won), alreadyWon: false, project: result }
}

/** Lost (or reopened) and won again: the same project, active again; nothing is duplicated. */
async function reactivate(db: Db, ctx: Ctx, deal: LockedDeal, project: { id: string; name: string; status: string; deletedAt: Date | null }): Promise<WinResult['project']> {
  if (project.status === 'ON_HOLD') {
    await db.project.update({ where: { id: project.id }, data: { status: 'ACTIVE', version: { increment: 1 } } })
    await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.reactivated', changes: { status: { from: 'ON_HOLD', to: 'ACTIVE' }, dealId: deal.id, reason: 'The deal was won again.' } })
    await recordEvent(db, ctx, { type: 'project.reactivated', entityType: 'project', entityId: project.id, payload: { projectId: project.id, dealId: deal.id } })
  }
  return { id: project.id, name: project.name, created: false, reactivated: project.status === 'ON_HOLD', unfilledRoles: [], taskCount: null }
}

/** Who owns the new project: the person of the template's first role that has one, else the winner. */
async function projectOwner(db: Db, ctx: Ctx, versionId: string, assignments: Record<string, string>): Promise<string> {
  const roles = await db.projectRole.findMany({
    where: { orgId: ctx.orgId, templateTasks: { some: { versionId } } },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, defaultUserId: true },
  })
  for (const role of roles) {
    const person = assignments[role.id] ?? role.defaultUserId
    if (person) return person
  }
  return ctx.userId
}

async function buildProject(db: Db, ctx: Ctx, deal: LockedDeal, input: WinDealData, closeOn: Day): Promise<NonNullable<WinResult['project']>> {
  const snapshot = await takeSnapshot(db, ctx, deal.id, closeOn)
  const name = snapshot.company ? `${snapshot.company.name} — ${deal.title}` : deal.title
  const brief = briefMarkdown(snapshot)
  const versionId = input.templateId ? await currentVersion(db, ctx, input.templateId) : (await pickTemplate(db, ctx, deal.id))?.versionId
  let created
  if (versionId) {
    // only the lead time is needed here: createProjectFromTemplate loads the content itself
    const kickoffOn = input.kickoffOn ?? (await proposedKickoffFor(db, ctx, versionId, closeOn))
    created = await createProjectFromTemplate(db, ctx, {
      name,
      templateVersionId: versionId,
      kickoffOn,
      closeOn,
      ownerId: await projectOwner(db, ctx, versionId, input.roleAssignments),
      companyId: (deal.company_live && deal.company_id) || undefined,
      sourceDealId: deal.id,
      dealOwnerId: deal.owner_id,
      roleAssignments: input.roleAssignments,
      brief,
    })
  } else {
    created = await createBlankProject(db, ctx, { name, kickoffOn: input.kickoffOn ?? closeOn, companyId: (deal.company_live && deal.company_id) || undefined, brief })
    await db.project.update({ where: { id: created.id }, data: { sourceDealId: deal.id } })
  }
  await db.project.update({ where: { id: created.id }, data: { handoff: snapshot as unknown as Prisma.InputJsonValue } })
  // both sides' audit entries in one statement
  await db.activityLog.createMany({
    data: [
      { orgId: ctx.orgId, actorId: ctx.userId, entityType: 'deal', entityId: deal.id, action: 'deal.project_created', changes: { projectId: created.id, projectName: created.name, templateVersionId: versionId ?? null } },
      { orgId: ctx.orgId, actorId: ctx.userId, entityType: 'project', entityId: created.id, action: 'project.created_from_deal', changes: { dealId: deal.id, dealTitle: deal.title, closeOn } },
    ],
  })
  await recordEvent(db, ctx, {
    type: 'project.created',
    entityType: 'project',
    entityId: created.id,
    payload: { projectId: created.id, name: created.name, dealId: deal.id, taskCount: created.taskCount, targetGoLiveOn: created.targetGoLiveOn },
  })
  return { id: created.id, name: created.name, created: true, reactivated: false, unfilledRoles: created.unfilledRoles, taskCount: created.taskCount }
}

async function proposedKickoffFor(db: Db, ctx: Ctx, versionId: string, closeOn: Day): Promise<Day> {
  const version = await db.projectTemplateVersion.findFirst({ where: { id: versionId, orgId: ctx.orgId }, select: { leadTimeDays: true, leadTimeBusinessDays: true } })
  if (!version) throw new AppError('NOT_FOUND', 'That template was not found.', 'templateId')
  return proposedKickoff(version, closeOn, version.leadTimeBusinessDays ? await loadHolidays(db, ctx.orgId) : new Set())
}

async function currentVersion(db: Db, ctx: Ctx, templateId: string): Promise<string> {
  const template = await db.projectTemplate.findFirst({ where: { id: templateId, orgId: ctx.orgId, archivedAt: null }, select: { currentVersionId: true } })
  if (!template?.currentVersionId) throw new AppError('NOT_FOUND', 'That template was not found.', 'templateId')
  return template.currentVersionId
}
