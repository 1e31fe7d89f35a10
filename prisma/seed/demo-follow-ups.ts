// Sales follow-up tasks for the demo, so My work shows CRM follow-ups next to project tasks:
// Sam Sales and Mona Manager get a few on their open deals, one overdue, one due today, the
// rest this week and later (relative to today in the organization's time zone).
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import { addActivity } from '../../lib/crm/activities'
import { addDays, todayIn } from '../../lib/dates'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

const FOR_SALES: [subject: string, dueIn: number][] = [
  ['Send the revised proposal', -2],
  ['Call about the security review', 0],
  ['Book the demo with their IT team', 2],
  ['Check in after the pilot', 12],
]
const FOR_MANAGER: [subject: string, dueIn: number][] = [
  ['Approve the discount request', -1],
  ['Prepare the quarterly business review', 6],
]

/** Adds the follow-ups through the activities service (with their audit entries). Run after the demo CRM. */
export async function seedDemoFollowUps(tx: Tx, orgId: string, people: { sales: string; manager: string }, timeZone: string) {
  const today = todayIn(timeZone)
  let added = 0
  for (const [userId, role, specs] of [[people.sales, 'SALES', FOR_SALES], [people.manager, 'MANAGER', FOR_MANAGER]] as const) {
    const ctx: Ctx = { orgId, userId, role }
    const deals = await tx.deal.findMany({
      where: { orgId, ownerId: people.sales, status: 'OPEN', deletedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: specs.length,
      select: { id: true },
    })
    for (const [index, [subject, dueIn]] of specs.entries()) {
      const deal = deals[index % Math.max(deals.length, 1)]
      if (!deal) break
      await addActivity(tx, ctx, { kind: 'TASK', subject, dueOn: addDays(today, dueIn), dealId: deal.id, assigneeId: userId })
      added++
    }
  }
  return { followUps: added }
}
