import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'

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
export async function recordEvent(db: Db, ctx: Pick<Ctx, 'orgId'>, event: { type: EventType; entityType: string; entityId: string; payload: Prisma.InputJsonValue }) {
  return db.outboxEvent.create({ data: { orgId: ctx.orgId, ...event }, select: { id: true } })
}
