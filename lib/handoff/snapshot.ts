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

type Row = {
  id: string
  title: string
  dealType: keyof typeof dealTypeLabels
  amountMinor: string
  currency: string
  commitments: string | null
  pipeline: string
  owner: { id: string; name: string; email: string }
  company: { id: string; name: string; domain: string | null } | null
  lineItems: { name: string; quantity: number; unitPriceMinor: string; discountBp: number }[]
  contacts: { role: keyof typeof dealContactRoleLabels; id: string; firstName: string; lastName: string; email: string | null; phone: string | null; jobTitle: string | null }[]
  notes: { kind: keyof typeof activityKindLabels; subject: string | null; body: string | null; occurredAt: string; author: string | null }[]
}

/** The deal as sales leaves it: everything the brief shows, read in the win's transaction, in one query. */
export async function takeSnapshot(db: Db, ctx: Ctx, dealId: string, closeOn: Day): Promise<HandoffSnapshot> {
  const [deal] = await db.$queryRaw<Row[]>`
    SELECT d.id, d.title, d.deal_type::text AS "dealType", d.amount_minor::text AS "amountMinor", d.currency, d.commitments, p.name AS pipeline,
      json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS owner,
      (SELECT json_build_object('id', c.id, 'name', c.name, 'domain', c.domain) FROM company c WHERE c.id = d.company_id) AS company,
      (SELECT coalesce(json_agg(json_build_object('name', l.name, 'quantity', l.quantity, 'unitPriceMinor', l.unit_price_minor::text, 'discountBp', l.discount_bp)
                                ORDER BY l.position), '[]'::json)
         FROM deal_line_item l WHERE l.org_id = d.org_id AND l.deal_id = d.id) AS "lineItems",
      (SELECT coalesce(json_agg(json_build_object('role', dc.role, 'id', ct.id, 'firstName', ct.first_name, 'lastName', ct.last_name, 'email', ct.email,
                                                  'phone', ct.phone, 'jobTitle', ct.job_title) ORDER BY dc.created_at), '[]'::json)
         FROM deal_contact dc JOIN contact ct ON ct.id = dc.contact_id WHERE dc.org_id = d.org_id AND dc.deal_id = d.id) AS contacts,
      (SELECT coalesce(json_agg(n ORDER BY n."occurredAt" DESC), '[]'::json)
         FROM (SELECT a.kind, a.subject, a.body, a.occurred_at AS "occurredAt", au.name AS author
                 FROM activity a LEFT JOIN "user" au ON au.id = a.author_id
                WHERE a.org_id = d.org_id AND a.deal_id = d.id AND a.kind IN ('NOTE', 'CALL', 'EMAIL', 'MEETING')
                ORDER BY a.occurred_at DESC LIMIT ${BRIEF_NOTES}) n) AS notes
    FROM deal d JOIN pipeline p ON p.id = d.pipeline_id JOIN "user" u ON u.id = d.owner_id
    WHERE d.id = ${dealId}::uuid AND d.org_id = ${ctx.orgId}::uuid`
  if (!deal) throw notFound('This deal')
  return {
    version: 1,
    takenAt: new Date().toISOString(),
    deal: {
      id: deal.id,
      title: deal.title,
      dealType: dealTypeLabels[deal.dealType],
      pipeline: deal.pipeline,
      closeOn,
      amountMinor: deal.amountMinor,
      currency: deal.currency.trim(),
    },
    owner: deal.owner,
    company: deal.company,
    lineItems: deal.lineItems.map((l) => ({ ...l, totalMinor: lineItemTotal(l.quantity, BigInt(l.unitPriceMinor), l.discountBp).toString() })),
    contacts: deal.contacts.map((c) => ({
      id: c.id,
      name: `${c.firstName} ${c.lastName}`.trim(),
      role: dealContactRoleLabels[c.role],
      email: c.email,
      phone: c.phone,
      jobTitle: c.jobTitle,
    })),
    commitments: deal.commitments,
    notes: deal.notes.map((a) => ({ kind: activityKindLabels[a.kind], subject: a.subject, body: a.body, at: new Date(a.occurredAt).toISOString(), author: a.author })),
  }
}
