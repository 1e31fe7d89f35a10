import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { CREATED_IN_ORDER, type Column, type TableRows } from '@/lib/pm/sql-batch'

export const EVENT_TYPES = ['deal.won', 'deal.lost', 'deal.reopened', 'project.created', 'project.on_hold', 'project.reactivated'] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const eventLabels: Record<EventType, string> = {
  'deal.won': 'A deal is won',
  'deal.lost': 'A won deal is lost',
  'deal.reopened': 'A won deal is reopened',
  'project.created': 'A project is created from a deal',
  'project.on_hold': 'A project is put on hold (its deal left Won)',
  'project.reactivated': 'A project is active again (its deal is won again)',
}

/**
 * Records an event in the transaction of the change that caused it: if the change rolls back,
 * so does the event; once it commits, the worker delivers it (lib/integration/dispatch.ts).
 */
export type OutboxEntry = { type: EventType; entityType: string; entityId: string; payload: Prisma.InputJsonValue }

export async function recordEvent(db: Db, ctx: Pick<Ctx, 'orgId'>, event: OutboxEntry) {
  return db.outboxEvent.create({ data: { orgId: ctx.orgId, ...event }, select: { id: true } })
}

const OUTBOX_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'uuid' },
  { name: 'payload', type: 'jsonb' },
  CREATED_IN_ORDER,
]

/** Events as rows for insertTogether (lib/pm/sql-batch.ts), for a change written in one statement. */
export function eventRows(ctx: Pick<Ctx, 'orgId'>, events: OutboxEntry[]): TableRows {
  return {
    table: 'outbox_event',
    columns: OUTBOX_COLUMNS,
    rows: events.map((e, i) => ({ id: crypto.randomUUID(), org_id: ctx.orgId, type: e.type, entity_type: e.entityType, entity_id: e.entityId, payload: e.payload, created_at: i })),
  }
}
