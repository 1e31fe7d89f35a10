import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Day } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import { activityKindLabels } from '@/lib/crm/activities.schema'
import { dealContactRoleLabels } from '@/lib/crm/deal-contacts.schema'
import { dealTypeLabels } from '@/lib/crm/deals.schema'
import { lineItemTotal } from '@/lib/money'
import type { HandoffSnapshot } from '@/lib/handoff/brief'

/** How many of the deal's latest notes, calls, emails and meetings the brief carries. */
export const BRIEF_NOTES = 5

/** The deal as sales leaves it: everything the brief shows, read in the win's transaction. */
export async function takeSnapshot(db: Db, ctx: Ctx, dealId: string, closeOn: Day): Promise<HandoffSnapshot> {
  const deal = await db.deal.findFirst({
    where: { id: dealId, orgId: ctx.orgId },
    select: {
      id: true,
      title: true,
      dealType: true,
      amountMinor: true,
      currency: true,
      commitments: true,
      pipeline: { select: { name: true } },
      owner: { select: { id: true, name: true, email: true } },
      company: { select: { id: true, name: true, domain: true } },
      lineItems: { orderBy: { position: 'asc' }, select: { name: true, quantity: true, unitPriceMinor: true, discountBp: true } },
      contacts: {
        orderBy: { createdAt: 'asc' },
        select: { role: true, contact: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, jobTitle: true } } },
      },
      activities: {
        where: { kind: { in: ['NOTE', 'CALL', 'EMAIL', 'MEETING'] } },
        orderBy: { occurredAt: 'desc' },
        take: BRIEF_NOTES,
        select: { kind: true, subject: true, body: true, occurredAt: true, author: { select: { name: true } } },
      },
    },
  })
  if (!deal) throw notFound('This deal')
  return {
    version: 1,
    takenAt: new Date().toISOString(),
    deal: {
      id: deal.id,
      title: deal.title,
      dealType: dealTypeLabels[deal.dealType],
      pipeline: deal.pipeline.name,
      closeOn,
      amountMinor: deal.amountMinor.toString(),
      currency: deal.currency.trim(),
    },
    owner: deal.owner,
    company: deal.company,
    lineItems: deal.lineItems.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor.toString(),
      discountBp: l.discountBp,
      totalMinor: lineItemTotal(l.quantity, l.unitPriceMinor, l.discountBp).toString(),
    })),
    contacts: deal.contacts.map(({ role, contact }) => ({
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`.trim(),
      role: dealContactRoleLabels[role],
      email: contact.email,
      phone: contact.phone,
      jobTitle: contact.jobTitle,
    })),
    commitments: deal.commitments,
    notes: deal.activities.map((a) => ({ kind: activityKindLabels[a.kind], subject: a.subject, body: a.body, at: a.occurredAt.toISOString(), author: a.author?.name ?? null })),
  }
}
