import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { activityRows, logActivity, type ActivityEntry } from '@/lib/activity'
import { assertCanEditDeal } from '@/lib/crm/deal-access'
import { positionBetween } from '@/lib/crm/deals'
import { todayIn, type Day } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { takeSnapshot } from '@/lib/handoff/snapshot'
import type { WinDealData } from '@/lib/handoff/win-deal.schema'
import { eventRows, recordEvent, type OutboxEntry } from '@/lib/integration/outbox'
import { createBlankProject, createProjectFromTemplate, type CreatedProject } from '@/lib/pm/create-project'
import { insertTogether } from '@/lib/pm/sql-batch'
import { loadTemplateContent } from '@/lib/pm/template-content'
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
  /** read with the lock, so a win costs fewer round trips */
  time_zone: string
  stage_name: string
  won_stage: { id: string; name: string; probability: number } | null
  project: { id: string; name: string; status: string; deletedAt: string | null } | null
  holidays: Day[]
}

/**
 * Locks the deal row until the transaction ends: concurrent wins of the same deal queue here.
 * What else the win needs is read by a second statement, after the lock: a statement that
 * waited for the lock sees the locked row as it is now, but its other reads would still see
 * the database as it was before the wait (a project created meanwhile would be missed).
 */
async function lockDeal(db: Db, ctx: Ctx, dealId: string): Promise<LockedDeal> {
  const [locked] = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM deal WHERE id = ${dealId}::uuid AND org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL FOR UPDATE`
  if (!locked) throw notFound('This deal')
  const [deal] = await db.$queryRaw<LockedDeal[]>`
    SELECT d.id, d.title, d.status::text AS status, d.version, d.owner_id, d.pipeline_id, d.stage_id, d.company_id, d.closed_at, d.position, d.probability,
           (SELECT c.deleted_at IS NULL FROM company c WHERE c.id = d.company_id) AS company_live,
           o.time_zone,
           (SELECT s.name FROM pipeline_stage s WHERE s.id = d.stage_id) AS stage_name,
           (SELECT json_build_object('id', s.id, 'name', s.name, 'probability', s.probability) FROM pipeline_stage s
             WHERE s.org_id = d.org_id AND s.pipeline_id = d.pipeline_id AND s.kind = 'WON' ORDER BY s.position LIMIT 1) AS won_stage,
           (SELECT json_build_object('id', p.id, 'name', p.name, 'status', p.status, 'deletedAt', p.deleted_at) FROM project p
             WHERE p.org_id = d.org_id AND p.source_deal_id = d.id) AS project,
           ARRAY(SELECT to_char(h.day, 'YYYY-MM-DD') FROM holiday h WHERE h.org_id = d.org_id) AS holidays
    FROM deal d JOIN organization o ON o.id = d.org_id
    WHERE d.id = ${locked.id}::uuid`
  return deal!
}

/** The instant recorded for a close date: now when it is today, else midday UTC of that day (the same calendar day in every time zone from UTC-11 to UTC+11). */
function closedAtFor(closeOn: Day, today: Day): Date {
  return closeOn === today ? new Date() : new Date(`${closeOn}T12:00:00Z`)
}

function dealResult(deal: LockedDeal): WinResult['deal'] {
  return { id: deal.id, stageId: deal.stage_id, status: 'WON', version: deal.version, position: deal.position, probability: deal.probability, closedAt: (deal.closed_at ?? new Date()).toISOString() }
}

export async function winDeal(db: Db, ctx: Ctx, input: WinDealData): Promise<WinResult> {
  const deal = await lockDeal(db, ctx, input.dealId)
  assertCanEditDeal(ctx, { ownerId: deal.owner_id })
  const today = todayIn(deal.time_zone)
  const project = deal.project

  if (deal.status === 'WON') {
    // Already won: hand back its project. A deal won without one may ask for it now.
    if (project && !project.deletedAt) return { deal: dealResult(deal), alreadyWon: true, project: { id: project.id, name: project.name, created: false, reactivated: false, unfilledRoles: [], taskCount: null } }
    if (input.project === 'none' || project) return { deal: dealResult(deal), alreadyWon: true, project: null }
    const closeOn = input.closeOn ?? (deal.closed_at ? todayIn(deal.time_zone, deal.closed_at) : today)
    const created = await buildProject(db, ctx, deal, input, closeOn, { activity: [], events: [] })
    return { deal: dealResult(deal), alreadyWon: true, project: created }
  }

  if (input.version !== undefined && input.version !== deal.version) {
    throw new AppError('CONFLICT', 'Someone else changed this deal a moment ago. The board now shows its latest state; try again.')
  }
  const closeOn = input.closeOn ?? today
  if (closeOn > today) throw new AppError('INVALID', 'A deal cannot be won on a future date.', 'closeOn')
  const wonStage = deal.won_stage
  if (!wonStage) throw new AppError('CONFLICT', 'This pipeline has no Won stage.')
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
  // The win's audit entry and event are written with the project (one statement), or on their own.
  const winRows = {
    activity: [{ entityType: 'deal', entityId: deal.id, action: 'deal.stage_changed', changes: { stage: { from: deal.stage_name, to: wonStage.name }, stageId: { from: deal.stage_id, to: wonStage.id }, status: { from: deal.status, to: 'WON' }, closeOn } }],
    events: [{ type: 'deal.won' as const, entityType: 'deal', entityId: deal.id, payload: { dealId: deal.id, title: deal.title, closeOn, previousStatus: deal.status } }],
  }
  const won: LockedDeal = { ...deal, status: 'WON', stage_id: wonStage.id, version: deal.version + 1, position, probability: wonStage.probability, closed_at: closedAt }

  let result: WinResult['project'] = null
  if (project) result = await reactivate(db, ctx, won, project)
  if (!project && input.project === 'auto') result = await buildProject(db, ctx, won, input, closeOn, winRows)
  else await insertTogether(db, [activityRows(ctx, winRows.activity), eventRows(ctx, winRows.events)])
  return { deal: dealResult(won), alreadyWon: false, project: result }
}

/** Lost (or reopened) and won again: the same project, active again; nothing is duplicated. */
async function reactivate(db: Db, ctx: Ctx, deal: LockedDeal, project: { id: string; name: string; status: string }): Promise<WinResult['project']> {
  if (project.status === 'ON_HOLD') {
    await db.project.update({ where: { id: project.id }, data: { status: 'ACTIVE', version: { increment: 1 } } })
    await logActivity(db, ctx, { entityType: 'project', entityId: project.id, action: 'project.reactivated', changes: { status: { from: 'ON_HOLD', to: 'ACTIVE' }, dealId: deal.id, reason: 'The deal was won again.' } })
    await recordEvent(db, ctx, { type: 'project.reactivated', entityType: 'project', entityId: project.id, payload: { projectId: project.id, dealId: deal.id } })
  }
  return { id: project.id, name: project.name, created: false, reactivated: project.status === 'ON_HOLD', unfilledRoles: [], taskCount: null }
}

/** The win's own audit entries and events, written with the project's: in order, in one statement. */
type WinRows = { activity: ActivityEntry[]; events: OutboxEntry[] }

async function buildProject(db: Db, ctx: Ctx, deal: LockedDeal, input: WinDealData, closeOn: Day, win: WinRows): Promise<NonNullable<WinResult['project']>> {
  const snapshot = await takeSnapshot(db, ctx, deal.id, closeOn)
  const name = snapshot.company ? `${snapshot.company.name} — ${deal.title}` : deal.title
  const versionId = input.templateId ? await currentVersion(db, ctx, input.templateId) : (await pickTemplate(db, ctx, deal.id))?.versionId
  const companyId = (deal.company_live && deal.company_id) || undefined
  let created: CreatedProject
  // the win's rows, both sides' audit entries and the event travel with the project: one statement
  const rows = (p: CreatedProject) => [
    activityRows(ctx, [
      ...win.activity,
      { entityType: 'deal', entityId: deal.id, action: 'deal.project_created', changes: { projectId: p.id, projectName: p.name, templateVersionId: versionId ?? null } },
      { entityType: 'project', entityId: p.id, action: 'project.created_from_deal', changes: { dealId: deal.id, dealTitle: deal.title, closeOn } },
    ]),
    eventRows(ctx, [
      ...win.events,
      { type: 'project.created', entityType: 'project', entityId: p.id, payload: { projectId: p.id, name: p.name, dealId: deal.id, taskCount: p.taskCount, targetGoLiveOn: p.targetGoLiveOn } },
    ]),
  ]
  if (versionId) {
    const content = await loadTemplateContent(db, ctx, versionId, 'templateId')
    const holidays = new Set(deal.holidays)
    const kickoffOn = input.kickoffOn ?? proposedKickoff(content, closeOn, holidays)
    created = await createProjectFromTemplate(
      db,
      ctx,
      { name, templateVersionId: versionId, kickoffOn, closeOn, companyId, sourceDealId: deal.id, dealOwnerId: deal.owner_id, roleAssignments: input.roleAssignments },
      { content, holidays, ownerFromRoles: true, handoff: snapshot, alsoInsert: rows },
    )
  } else {
    created = await createBlankProject(
      db,
      ctx,
      { name, kickoffOn: input.kickoffOn ?? closeOn, companyId },
      { sourceDealId: deal.id, handoff: snapshot, alsoInsert: rows },
    )
  }
  return { id: created.id, name: created.name, created: true, reactivated: false, unfilledRoles: created.unfilledRoles, taskCount: created.taskCount }
}

async function currentVersion(db: Db, ctx: Ctx, templateId: string): Promise<string> {
  const template = await db.projectTemplate.findFirst({ where: { id: templateId, orgId: ctx.orgId, archivedAt: null }, select: { currentVersionId: true } })
  if (!template?.currentVersionId) throw new AppError('NOT_FOUND', 'That template was not found.', 'templateId')
  return template.currentVersionId
}
