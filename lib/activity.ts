import 'server-only'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Ctx } from '@/lib/authz'
import { CREATED_IN_ORDER, type Column, type TableRows } from '@/lib/pm/sql-batch'

export type ActivityEntry = {
  entityType: string
  entityId: string
  action: string
  changes?: Prisma.InputJsonValue
}

/** Writes the audit trail; call it with the same transaction as the change it records. */
export async function logActivity(db: Db, ctx: Ctx, entry: ActivityEntry) {
  await db.activityLog.create({
    data: { orgId: ctx.orgId, actorId: ctx.userId, entityType: entry.entityType, entityId: entry.entityId, action: entry.action, changes: entry.changes ?? {} },
  })
}

const ACTIVITY_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'actor_id', type: 'uuid' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'changes', type: 'jsonb' },
  CREATED_IN_ORDER,
]

/** Audit entries as rows for insertTogether (lib/pm/sql-batch.ts): written in the statement of the change. */
export function activityRows(ctx: Ctx, entries: ActivityEntry[]): TableRows {
  return {
    table: 'activity_log',
    columns: ACTIVITY_COLUMNS,
    rows: entries.map((e, i) => ({ id: crypto.randomUUID(), org_id: ctx.orgId, actor_id: ctx.userId, entity_type: e.entityType, entity_id: e.entityId, action: e.action, changes: e.changes ?? {}, created_at: i })),
  }
}

export async function listActivity(db: Db, ctx: Ctx, entity: { entityType: string; entityId: string }, take = 50) {
  return db.activityLog.findMany({
    where: { orgId: ctx.orgId, entityType: entity.entityType, entityId: entity.entityId },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, action: true, changes: true, createdAt: true, actor: { select: { name: true } } },
  })
}
