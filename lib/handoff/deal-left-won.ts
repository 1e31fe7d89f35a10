import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { DealStatus } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { recordEvent } from '@/lib/integration/outbox'

/**
 * A won deal was marked lost or reopened: its project is put ON_HOLD (never deleted: winning the
 * deal again brings it back), with a note on the deal, an entry in the project's history, a
 * notice to the project's owner, and the events for the outbox. Done or cancelled projects stay.
 */
export async function dealLeftWon(db: Db, ctx: Ctx, dealId: string, status: Exclude<DealStatus, 'WON'>) {
  const deal = await db.deal.findUniqueOrThrow({ where: { id: dealId }, select: { id: true, title: true, org: { select: { slug: true } } } })
  const how = status === 'LOST' ? 'marked lost' : 'reopened'
  await recordEvent(db, ctx, { type: status === 'LOST' ? 'deal.lost' : 'deal.reopened', entityType: 'deal', entityId: deal.id, payload: { dealId: deal.id, title: deal.title } })
  const project = await db.project.findFirst({ where: { orgId: ctx.orgId, sourceDealId: dealId, deletedAt: null }, select: { id: true, name: true, status: true, ownerId: true } })
  if (!project || project.status === 'ON_HOLD' || project.status === 'DONE' || project.status === 'CANCELLED') return null
  await db.project.update({ where: { id: project.id }, data: { status: 'ON_HOLD', version: { increment: 1 } } })
  await logActivity(db, ctx, {
    entityType: 'project',
    entityId: project.id,
    action: 'project.put_on_hold',
    changes: { status: { from: project.status, to: 'ON_HOLD' }, dealId, reason: `The deal “${deal.title}” was ${how}.` },
  })
  await db.activity.create({
    data: {
      orgId: ctx.orgId,
      kind: 'NOTE',
      dealId,
      authorId: ctx.userId,
      subject: 'Project put on hold',
      body: `The deal was ${how}, so its project “${project.name}” is on hold. Winning the deal again makes it active again.`,
    },
  })
  if (project.ownerId && project.ownerId !== ctx.userId) {
    await db.notification.create({
      data: {
        orgId: ctx.orgId,
        userId: project.ownerId,
        kind: 'project.on_hold',
        title: `“${project.name}” is on hold`,
        body: `Its deal “${deal.title}” was ${how}.`,
        href: `/${deal.org.slug}/projects/${project.id}`,
      },
    })
  }
  await recordEvent(db, ctx, { type: 'project.on_hold', entityType: 'project', entityId: project.id, payload: { projectId: project.id, dealId, reason: status } })
  return project.id
}
