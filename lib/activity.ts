import 'server-only'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { Ctx } from '@/lib/authz'

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

export async function listActivity(db: Db, ctx: Ctx, entity: { entityType: string; entityId: string }, take = 50) {
  return db.activityLog.findMany({
    where: { orgId: ctx.orgId, entityType: entity.entityType, entityId: entity.entityId },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, action: true, changes: true, createdAt: true, actor: { select: { name: true } } },
  })
}
