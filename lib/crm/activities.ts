import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { fromDay, todayIn } from '@/lib/dates'
import { AppError, notFound } from '@/lib/errors'
import { can } from '@/lib/permissions'
import { assertCanEditDeal, assertCanWriteCrm } from '@/lib/crm/deal-access'
import { activityKindLabels, type ActivityKind, type AddActivityInput, type SetTaskDoneInput } from '@/lib/crm/activities.schema'

export type AddedActivity = { id: string; kind: ActivityKind; dealId: string | null; contactId: string | null; companyId: string | null }

/**
 * Resolves where an activity goes, every id checked against the organization (another
 * organization's id is a 404 next to its field). An activity on a deal or a contact is also
 * linked to that record's company, so it shows on the company's timeline too.
 */
async function resolveTargets(db: Db, ctx: Ctx, input: Pick<AddActivityInput, 'dealId' | 'contactId' | 'companyId'>) {
  // One after another: this runs inside a transaction, whose single connection takes one query at a time.
  const deal = input.dealId
    ? await db.deal.findFirst({ where: { id: input.dealId, orgId: ctx.orgId, deletedAt: null }, select: { id: true, ownerId: true, companyId: true } })
    : null
  const contact = input.contactId
    ? await db.contact.findFirst({ where: { id: input.contactId, orgId: ctx.orgId, deletedAt: null }, select: { id: true, companyId: true } })
    : null
  const company = input.companyId ? await db.company.findFirst({ where: { id: input.companyId, orgId: ctx.orgId, deletedAt: null }, select: { id: true } }) : null
  if (input.dealId && !deal) throw new AppError('NOT_FOUND', 'This deal was not found.', 'dealId')
  if (input.contactId && !contact) throw new AppError('NOT_FOUND', 'This contact was not found.', 'contactId')
  if (input.companyId && !company) throw new AppError('NOT_FOUND', 'This company was not found.', 'companyId')
  if (deal) assertCanEditDeal(ctx, deal)
  return {
    dealId: deal?.id ?? null,
    contactId: contact?.id ?? null,
    companyId: company?.id ?? deal?.companyId ?? contact?.companyId ?? null,
  }
}

/** When a logged call, email or meeting happened: now if today, midday of a past day, never the future. */
function occurredAt(kind: ActivityKind, day: string | undefined, today: string, now: Date): Date {
  if (!day || day === today || kind === 'NOTE' || kind === 'TASK') return now
  if (day > today) {
    throw new AppError('INVALID', `A logged ${activityKindLabels[kind].toLowerCase()} cannot be in the future; add a task for it instead.`, 'occurredOn')
  }
  return new Date(`${day}T12:00:00.000Z`)
}

/**
 * Adds a note, a logged call/email/meeting, or a follow-up task (assigned to the author
 * unless someone else is chosen) on a deal, a contact and/or a company. SALES log on the
 * deals they own and on any contact or company; DELIVERY reads only. Run in a transaction.
 */
export async function addActivity(db: Db, ctx: Ctx, input: AddActivityInput): Promise<AddedActivity> {
  assertCanWriteCrm(ctx)
  if (!input.dealId && !input.contactId && !input.companyId) {
    throw new AppError('INVALID', 'Log the activity on a deal, a contact or a company.')
  }
  const targets = await resolveTargets(db, ctx, input)
  const isTask = input.kind === 'TASK'
  let assigneeId: string | null = null
  if (isTask) {
    if (!input.subject) throw new AppError('INVALID', 'Give the task a title.', 'subject')
    if (!input.dueOn) throw new AppError('INVALID', 'Choose a due date.', 'dueOn')
    assigneeId = input.assigneeId ?? ctx.userId
    const member = await db.membership.findFirst({ where: { orgId: ctx.orgId, userId: assigneeId }, select: { role: true } })
    if (!member) throw new AppError('NOT_FOUND', 'That person is not a member of this organization.', 'assigneeId')
    if (!can(member.role, 'crm:write')) throw new AppError('INVALID', 'That person cannot work CRM tasks; choose someone in sales.', 'assigneeId')
  }
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } })
  const now = new Date()
  const activity = await db.activity.create({
    data: {
      orgId: ctx.orgId,
      kind: input.kind,
      subject: input.subject ?? null,
      body: input.body ?? null,
      occurredAt: occurredAt(input.kind, input.occurredOn, todayIn(org.timeZone, now), now),
      dueOn: isTask && input.dueOn ? fromDay(input.dueOn) : null,
      assigneeId,
      authorId: ctx.userId,
      ...targets,
    },
    select: { id: true, kind: true, dealId: true, contactId: true, companyId: true },
  })
  await logActivity(db, ctx, {
    entityType: 'activity',
    entityId: activity.id,
    action: 'activity.created',
    changes: { kind: input.kind, subject: input.subject ?? null, ...targets, ...(isTask ? { dueOn: input.dueOn!, assigneeId } : {}) },
  })
  return activity
}

type TaskRow = { authorId: string | null; assigneeId: string | null; deal: { ownerId: string } | null }

/** Who may tick a task: MANAGER and ADMIN any; SALES theirs (assigned, written, or on a deal they own). */
export function canCompleteTask(ctx: Ctx, task: TaskRow): boolean {
  if (!can(ctx.role, 'crm:write')) return false
  if (ctx.role !== 'SALES') return true
  return task.assigneeId === ctx.userId || task.authorId === ctx.userId || task.deal?.ownerId === ctx.userId
}

/** Marks a follow-up task done, or open again. Run in a transaction (it writes the audit entry). */
export async function setTaskDone(db: Db, ctx: Ctx, input: SetTaskDoneInput) {
  const task = await db.activity.findFirst({
    where: { id: input.activityId, orgId: ctx.orgId },
    select: { id: true, kind: true, doneAt: true, authorId: true, assigneeId: true, deal: { select: { ownerId: true } } },
  })
  if (!task) throw notFound('This task')
  if (task.kind !== 'TASK') throw new AppError('INVALID', 'Only tasks can be marked done.')
  if (!canCompleteTask(ctx, task)) {
    throw new AppError('FORBIDDEN', ctx.role === 'SALES' ? 'You can only complete your own tasks or tasks on your deals.' : 'Your role cannot change tasks.')
  }
  if (Boolean(task.doneAt) === input.done) return { id: task.id, doneAt: task.doneAt?.toISOString() ?? null }
  const doneAt = input.done ? new Date() : null
  await db.activity.update({ where: { id: task.id }, data: { doneAt } })
  await logActivity(db, ctx, { entityType: 'activity', entityId: task.id, action: input.done ? 'activity.completed' : 'activity.reopened' })
  return { id: task.id, doneAt: doneAt?.toISOString() ?? null }
}

/** People a task can be assigned to: the members who work the CRM, by name. */
export async function listAssignees(db: Db, ctx: Ctx) {
  const rows = await db.membership.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { user: { name: 'asc' } },
    select: { role: true, user: { select: { id: true, name: true } } },
  })
  return rows.filter((r) => can(r.role, 'crm:write')).map((r) => ({ value: r.user.id, label: r.user.name }))
}
