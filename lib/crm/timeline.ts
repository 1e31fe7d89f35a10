import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { formatDay, isDay, todayIn, toDay } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import { formatMoney } from '@/lib/money'
import { canCompleteTask } from '@/lib/crm/activities'
import type { ActivityKind } from '@/lib/crm/activities.schema'
import { dealContactRoleLabels } from '@/lib/crm/deal-contacts.schema'
import { dealTypeLabels } from '@/lib/crm/deals.schema'

export type TimelineEntity = { entityType: 'deal' | 'company' | 'contact'; entityId: string }
export type TimelinePerson = { id: string; name: string }

export type TimelineActivity = {
  type: 'activity'
  id: string
  /** ISO instant, and the same formatted in the organization's time zone */
  at: string
  when: string
  actor: TimelinePerson | null
  kind: ActivityKind
  subject: string | null
  body: string | null
  /** follow-up tasks only */
  task: { dueOn: string | null; done: boolean; overdue: boolean; assignee: TimelinePerson | null; canToggle: boolean } | null
  /** the other records it is linked to (not the one whose timeline this is) */
  links: { deal: { id: string; title: string } | null; contact: { id: string; name: string } | null; company: { id: string; name: string } | null }
}

/** One field of a change: "Stage: Lead in -> Proposal" (from/to) or "Lost reason: Price" (value only). */
export type ChangeLine = { label: string; from?: string | null; to: string | null }

export type TimelineChange = {
  type: 'change'
  id: string
  at: string
  when: string
  actor: TimelinePerson | null
  action: string
  /** "moved the deal", "changed the amount" … to follow the actor's name */
  summary: string
  lines: ChangeLine[]
}

export type TimelineItem = TimelineActivity | TimelineChange

/** Audit entries that are not news on a record's page. */
const NOISE = ['deal.reordered']

const targetColumn = { deal: Prisma.raw('a.deal_id'), company: Prisma.raw('a.company_id'), contact: Prisma.raw('a.contact_id') } as const

type Row = {
  type: 'activity' | 'change'
  id: string
  at: Date
  actor_id: string | null
  actor_name: string | null
  kind: ActivityKind | null
  subject: string | null
  body: string | null
  due_on: Date | null
  done_at: Date | null
  assignee_id: string | null
  assignee_name: string | null
  deal_id: string | null
  deal_title: string | null
  deal_owner_id: string | null
  contact_id: string | null
  contact_name: string | null
  company_id: string | null
  company_name: string | null
  action: string | null
  changes: Prisma.JsonValue
}

/**
 * One newest-first list for a record's page: its activities (notes, calls, emails, meetings,
 * tasks) woven with the changes from its audit trail (stage moves, amount and owner changes,
 * lost reasons, created/deleted/restored), each with who did it. One round trip: two bounded
 * index scans joined by UNION ALL. Another organization's record is a 404.
 */
export async function listTimeline(db: Db, ctx: Ctx, entity: TimelineEntity, { limit = 50 }: { limit?: number } = {}): Promise<TimelineItem[]> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), 200)
  const [context, rows] = await Promise.all([recordContext(db, ctx, entity), timelineRows(db, ctx, entity, take)])
  const lookups = await loadLookups(db, ctx, rows)
  const today = todayIn(context.timeZone)
  const when = new Intl.DateTimeFormat('en-US', { timeZone: context.timeZone, dateStyle: 'medium', timeStyle: 'short' })
  return rows.map((row) => {
    const base = {
      id: row.id,
      at: row.at.toISOString(),
      when: when.format(row.at),
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? 'Someone' } : null,
    }
    if (row.type === 'change') {
      const changes = (row.changes && typeof row.changes === 'object' && !Array.isArray(row.changes) ? row.changes : {}) as Record<string, Prisma.JsonValue>
      return {
        ...base,
        type: 'change',
        action: row.action!,
        summary: summarize(entity.entityType, row.action!, changes),
        lines: describeChanges(changes, { currency: context.currency, ...lookups }),
      } satisfies TimelineChange
    }
    const dueOn = row.due_on ? toDay(row.due_on) : null
    return {
      ...base,
      type: 'activity',
      kind: row.kind!,
      subject: row.subject,
      body: row.body,
      task:
        row.kind === 'TASK'
          ? {
              dueOn,
              done: row.done_at !== null,
              overdue: row.done_at === null && dueOn !== null && dueOn < today,
              assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? 'Someone' } : null,
              canToggle: canCompleteTask(ctx, { authorId: row.actor_id, assigneeId: row.assignee_id, deal: row.deal_owner_id ? { ownerId: row.deal_owner_id } : null }),
            }
          : null,
      links: {
        deal: row.deal_id && entity.entityType !== 'deal' && row.deal_title ? { id: row.deal_id, title: row.deal_title } : null,
        contact: row.contact_id && entity.entityType !== 'contact' && row.contact_name ? { id: row.contact_id, name: row.contact_name } : null,
        company: row.company_id && entity.entityType !== 'company' && row.company_name ? { id: row.company_id, name: row.company_name } : null,
      },
    } satisfies TimelineActivity
  })
}

/** The record must belong to the organization; its currency formats amount changes. */
async function recordContext(db: Db, ctx: Ctx, entity: TimelineEntity) {
  const where = { id: entity.entityId, orgId: ctx.orgId }
  const [org, record] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true, timeZone: true } }),
    entity.entityType === 'deal'
      ? db.deal.findFirst({ where, select: { currency: true } })
      : entity.entityType === 'company'
        ? db.company.findFirst({ where, select: { id: true } })
        : db.contact.findFirst({ where, select: { id: true } }),
  ])
  if (!record) throw notFound(`This ${entity.entityType}`)
  return { currency: ('currency' in record ? record.currency : org.currency).trim(), timeZone: org.timeZone }
}

async function timelineRows(db: Db, ctx: Ctx, entity: TimelineEntity, take: number) {
  if (!/^[0-9a-f-]{36}$/i.test(entity.entityId)) return []
  return db.$queryRaw<Row[]>`
    SELECT * FROM (
      (SELECT 'activity' AS type, a.id, a.occurred_at AS at, a.author_id AS actor_id, au.name AS actor_name,
              a.kind::text AS kind, a.subject, a.body, a.due_on, a.done_at, a.assignee_id, asg.name AS assignee_name,
              a.deal_id, d.title AS deal_title, d.owner_id AS deal_owner_id,
              a.contact_id, (ct.first_name || ' ' || ct.last_name) AS contact_name,
              a.company_id, co.name AS company_name, NULL::text AS action, NULL::jsonb AS changes
       FROM activity a
       LEFT JOIN "user" au ON au.id = a.author_id
       LEFT JOIN "user" asg ON asg.id = a.assignee_id
       LEFT JOIN deal d ON d.id = a.deal_id AND d.org_id = a.org_id AND d.deleted_at IS NULL
       LEFT JOIN contact ct ON ct.id = a.contact_id AND ct.org_id = a.org_id AND ct.deleted_at IS NULL
       LEFT JOIN company co ON co.id = a.company_id AND co.org_id = a.org_id AND co.deleted_at IS NULL
       WHERE a.org_id = ${ctx.orgId}::uuid AND ${targetColumn[entity.entityType]} = ${entity.entityId}::uuid
       ORDER BY a.occurred_at DESC, a.id DESC
       LIMIT ${take})
      UNION ALL
      (SELECT 'change', l.id, l.created_at, l.actor_id, u.name,
              NULL, NULL, NULL, NULL::date, NULL::timestamptz, NULL::uuid, NULL,
              NULL::uuid, NULL, NULL::uuid,
              NULL::uuid, NULL,
              NULL::uuid, NULL, l.action, l.changes
       FROM activity_log l
       LEFT JOIN "user" u ON u.id = l.actor_id
       WHERE l.org_id = ${ctx.orgId}::uuid AND l.entity_type = ${entity.entityType} AND l.entity_id = ${entity.entityId}::uuid
         AND l.action <> ALL(${NOISE}::text[])
       ORDER BY l.created_at DESC, l.id DESC
       LIMIT ${take})
    ) t
    ORDER BY t.at DESC, t.id DESC
    LIMIT ${take}`
}

// ---------------------------------------------------------------- describing changes

type Lookups = { users: Map<string, string>; stages: Map<string, string>; lostReasons: Map<string, string>; companies: Map<string, string> }

const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)
const fromTo = (v: Prisma.JsonValue): v is { from: Prisma.JsonValue; to: Prisma.JsonValue } =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v) && 'to' in (v as object)

/** Names for the ids the audit trail kept without one (owner, stage, company, lost reason): a few small queries at most. */
async function loadLookups(db: Db, ctx: Ctx, rows: Row[]): Promise<Lookups> {
  const users = new Set<string>()
  const stages = new Set<string>()
  const reasons = new Set<string>()
  const companies = new Set<string>()
  for (const row of rows) {
    if (row.type !== 'change' || !row.changes || typeof row.changes !== 'object' || Array.isArray(row.changes)) continue
    const changes = row.changes as Record<string, Prisma.JsonValue>
    const values = (key: string) => {
      const v = changes[key] ?? null
      return (fromTo(v) ? [v.from, v.to] : [v]).filter(isId)
    }
    if (!('owner' in changes)) values('ownerId').forEach((id) => users.add(id))
    if (!('assignee' in changes)) values('assigneeId').forEach((id) => users.add(id))
    if (!('stage' in changes)) values('stageId').forEach((id) => stages.add(id))
    if (!('company' in changes)) values('companyId').forEach((id) => companies.add(id))
    values('lostReasonId').forEach((id) => reasons.add(id))
  }
  const [u, s, r, c] = await Promise.all([
    users.size ? db.user.findMany({ where: { id: { in: [...users] }, memberships: { some: { orgId: ctx.orgId } } }, select: { id: true, name: true } }) : [],
    stages.size ? db.pipelineStage.findMany({ where: { id: { in: [...stages] }, orgId: ctx.orgId }, select: { id: true, name: true } }) : [],
    reasons.size ? db.lostReason.findMany({ where: { id: { in: [...reasons] }, orgId: ctx.orgId }, select: { id: true, label: true } }) : [],
    companies.size ? db.company.findMany({ where: { id: { in: [...companies] }, orgId: ctx.orgId }, select: { id: true, name: true } }) : [],
  ])
  return {
    users: new Map(u.map((x) => [x.id, x.name])),
    stages: new Map(s.map((x) => [x.id, x.name])),
    lostReasons: new Map(r.map((x) => [x.id, x.label])),
    companies: new Map(c.map((x) => [x.id, x.name])),
  }
}

const statusLabels: Record<string, string> = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' }

const labels: Record<string, string> = {
  amountMinor: 'Amount',
  unitPriceMinor: 'Unit price',
  discountBp: 'Discount',
  expectedCloseOn: 'Expected close',
  dueOn: 'Due',
  ownerId: 'Owner',
  assigneeId: 'Assignee',
  stageId: 'Stage',
  lostReasonId: 'Lost reason',
  dealType: 'Deal type',
  companyId: 'Company',
  sizeBand: 'Size band',
  jobTitle: 'Job title',
  firstName: 'First name',
  lastName: 'Last name',
}

/** Keys that say nothing to a reader, or that a sibling key already says in words. */
function hidden(key: string, changes: Record<string, Prisma.JsonValue>) {
  if (['position', 'version', 'lostNote', 'probabilityOverridden', 'currency'].includes(key)) return true
  if (key.endsWith('Id') && key.slice(0, -2) in changes) return true
  return key === 'contactId' || key === 'dealId' || key === 'productId'
}

const humanize = (key: string) => labels[key] ?? (key.charAt(0).toUpperCase() + key.slice(1).replace(/([A-Z])/g, ' $1').toLowerCase())

function formatValue(key: string, value: Prisma.JsonValue, ctx: { currency: string } & Lookups): string | null {
  if (value === null || value === undefined || value === '') return null
  if (key.endsWith('Minor') && (typeof value === 'string' || typeof value === 'number') && /^-?\d+$/.test(String(value))) {
    return formatMoney(String(value), ctx.currency)
  }
  if (key === 'discountBp' && typeof value === 'number') return `${(value / 100).toLocaleString('en-US')} %`
  if (key === 'probability' && typeof value === 'number') return `${value} %`
  if ((key === 'ownerId' || key === 'assigneeId') && isId(value)) return ctx.users.get(value) ?? 'a former member'
  if (key === 'stageId' && isId(value)) return ctx.stages.get(value) ?? 'a removed stage'
  if (key === 'companyId' && isId(value)) return ctx.companies.get(value) ?? 'a deleted company'
  if (key === 'lostReasonId' && isId(value)) return ctx.lostReasons.get(value) ?? 'a removed reason'
  if (key === 'status' && typeof value === 'string') return statusLabels[value] ?? value
  if (key === 'dealType' && typeof value === 'string') return dealTypeLabels[value as keyof typeof dealTypeLabels] ?? value
  if (key === 'role' && typeof value === 'string') return dealContactRoleLabels[value as keyof typeof dealContactRoleLabels] ?? value
  if (typeof value === 'string' && isDay(value)) return formatDay(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return null
}

/** Reading order of the lines (jsonb keeps keys in its own order); other keys follow alphabetically. */
const ORDER = ['title', 'name', 'product', 'contact', 'stage', 'stageId', 'status', 'lostReasonId', 'quantity', 'unitPriceMinor', 'discountBp', 'role', 'amountMinor', 'owner', 'ownerId', 'company', 'companyId', 'expectedCloseOn', 'probability', 'dealType', 'commitments']
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length)

/** The audit entry's `changes` as lines a person reads. */
export function describeChanges(changes: Record<string, Prisma.JsonValue>, ctx: { currency: string } & Lookups): ChangeLine[] {
  const lines: ChangeLine[] = []
  const entries = Object.entries(changes).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
  for (const [key, value] of entries) {
    if (hidden(key, changes)) continue
    if (key === 'lostReasonId') {
      const note = typeof changes.lostNote === 'string' && changes.lostNote ? ` (${changes.lostNote})` : ''
      const reason = formatValue(key, fromTo(value) ? value.to : value, ctx)
      if (reason) lines.push({ label: 'Lost reason', to: `${reason}${note}` })
      continue
    }
    if (fromTo(value)) {
      lines.push({ label: humanize(key), from: formatValue(key, value.from ?? null, ctx), to: formatValue(key, value.to, ctx) })
    } else {
      const text = formatValue(key, value, ctx)
      if (text !== null) lines.push({ label: humanize(key), to: text })
    }
  }
  return lines
}

/** What the actor did, in words: "moved the deal", "changed the amount", "added a line item". */
export function summarize(entityType: string, action: string, changes: Record<string, Prisma.JsonValue>): string {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action
  const noun = entityType
  switch (verb) {
    case 'created':
      return `created the ${noun}`
    case 'deleted':
      return `deleted the ${noun}`
    case 'restored':
      return `restored the ${noun}`
    case 'won':
      return 'marked the deal as won'
    case 'stage_changed': {
      const status = fromTo(changes.status ?? null) ? (changes.status as { to: unknown }).to : null
      return status === 'WON' ? 'marked the deal as won' : status === 'LOST' ? 'marked the deal as lost' : `moved the ${noun}`
    }
    case 'updated': {
      const keys = Object.keys(changes).filter((k) => !hidden(k, changes))
      if (keys.length === 1) return `changed the ${humanize(keys[0]!).toLowerCase()}`
      return `updated the ${noun}`
    }
    case 'line_item_added':
      return 'added a line item'
    case 'line_item_updated':
      return 'changed a line item'
    case 'line_item_removed':
      return 'removed a line item'
    case 'contact_added':
      return 'added a contact'
    case 'contact_role_changed':
      return 'changed a contact’s role'
    case 'contact_removed':
      return 'removed a contact'
    case 'project_created':
      return typeof changes.projectName === 'string' ? `created its onboarding project “${changes.projectName}”` : 'created its onboarding project'
    default:
      return verb.replaceAll('_', ' ')
  }
}
