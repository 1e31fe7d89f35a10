import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import { assertCanEditDeal } from '@/lib/crm/deal-access'
import type {
  AddDealContactInput,
  ChangeDealContactRoleInput,
  DealContactRole,
  RemoveDealContactInput,
  SearchContactsInput,
} from '@/lib/crm/deal-contacts.schema'

export type DealContactDto = {
  contactId: string
  name: string
  email: string | null
  phone: string | null
  jobTitle: string | null
  companyName: string | null
  role: DealContactRole
}

export type ContactOption = { id: string; name: string; email: string | null; jobTitle: string | null; companyName: string | null }

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim()

export async function listDealContacts(db: Db, ctx: Ctx, dealId: string): Promise<DealContactDto[]> {
  const rows = await db.dealContact.findMany({
    where: { orgId: ctx.orgId, dealId, contact: { deletedAt: null } },
    orderBy: [{ createdAt: 'asc' }, { contactId: 'asc' }],
    select: {
      role: true,
      contact: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, jobTitle: true, company: { select: { name: true, deletedAt: true } } } },
    },
  })
  return rows.map(({ role, contact }) => ({
    contactId: contact.id,
    name: fullName(contact),
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    companyName: contact.company && !contact.company.deletedAt ? contact.company.name : null,
    role,
  }))
}

/** The deal, checked against the organization (404) and the caller's right to change it. */
async function editableDeal(db: Db, ctx: Ctx, dealId: string) {
  const deal = await db.deal.findFirst({ where: { id: dealId, orgId: ctx.orgId, deletedAt: null }, select: { id: true, ownerId: true } })
  if (!deal) throw notFound('This deal')
  assertCanEditDeal(ctx, deal)
  return deal
}

/** Puts an existing contact on a deal with a role. Run in a transaction. */
export async function addDealContact(db: Db, ctx: Ctx, input: AddDealContactInput) {
  const deal = await editableDeal(db, ctx, input.dealId)
  const contact = await db.contact.findFirst({
    where: { id: input.contactId, orgId: ctx.orgId, deletedAt: null },
    select: { id: true, firstName: true, lastName: true },
  })
  if (!contact) throw new AppError('NOT_FOUND', 'That contact was not found.', 'contactId')
  await db.dealContact
    .create({ data: { orgId: ctx.orgId, dealId: deal.id, contactId: contact.id, role: input.role }, select: { contactId: true } })
    .catch((error: unknown) => mapPrismaError(error, { unique: `${fullName(contact)} is already on this deal.` }))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', error.message, 'contactId')
      throw error
    })
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: 'deal.contact_added',
    changes: { contact: fullName(contact), contactId: contact.id, role: input.role },
  })
  return { dealId: deal.id, contactId: contact.id }
}

async function dealContact(db: Db, ctx: Ctx, input: { dealId: string; contactId: string }) {
  const link = await db.dealContact.findFirst({
    where: { orgId: ctx.orgId, dealId: input.dealId, contactId: input.contactId, deal: { deletedAt: null } },
    select: { role: true, deal: { select: { ownerId: true } }, contact: { select: { firstName: true, lastName: true } } },
  })
  if (!link) throw notFound('This contact on the deal')
  assertCanEditDeal(ctx, link.deal)
  return link
}

/** Changes the role a contact plays on a deal. Run in a transaction. */
export async function changeDealContactRole(db: Db, ctx: Ctx, input: ChangeDealContactRoleInput) {
  const link = await dealContact(db, ctx, input)
  if (link.role === input.role) return { dealId: input.dealId, contactId: input.contactId, role: input.role }
  await db.dealContact.update({ where: { dealId_contactId: { dealId: input.dealId, contactId: input.contactId } }, data: { role: input.role } })
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: input.dealId,
    action: 'deal.contact_role_changed',
    changes: { contact: fullName(link.contact), contactId: input.contactId, role: { from: link.role, to: input.role } },
  })
  return { dealId: input.dealId, contactId: input.contactId, role: input.role }
}

/** Takes a contact off a deal (the contact itself stays). Run in a transaction. */
export async function removeDealContact(db: Db, ctx: Ctx, input: RemoveDealContactInput) {
  const link = await dealContact(db, ctx, input)
  await db.dealContact.delete({ where: { dealId_contactId: { dealId: input.dealId, contactId: input.contactId } } })
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: input.dealId,
    action: 'deal.contact_removed',
    changes: { contact: fullName(link.contact), contactId: input.contactId, role: link.role },
  })
  return { dealId: input.dealId, contactId: input.contactId }
}

type ContactRow = { id: string; first_name: string; last_name: string; email: string | null; job_title: string | null; company_name: string | null }

/**
 * Contacts for a picker: by name or email, substring or a near miss ("Jonas Kellr"), best
 * match first, at most 10. Uses the trigram indexes on name and email. Contacts already on
 * `excludeDealId` are left out.
 */
export async function searchContacts(db: Db, ctx: Ctx, input: SearchContactsInput, take = 10): Promise<ContactOption[]> {
  const q = input.q.trim()
  if (q.length < 2) return []
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await db.$queryRaw<ContactRow[]>`
    SELECT c.id, c.first_name, c.last_name, c.email, c.job_title, co.name AS company_name
    FROM contact c
    LEFT JOIN company co ON co.id = c.company_id AND co.deleted_at IS NULL
    WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL
      AND ((c.first_name || ' ' || c.last_name) ILIKE ${pattern}
           OR c.email ILIKE ${pattern}
           OR (c.first_name || ' ' || c.last_name) % ${q})
      AND (${input.excludeDealId ?? null}::uuid IS NULL OR NOT EXISTS (
           SELECT 1 FROM deal_contact dc WHERE dc.deal_id = ${input.excludeDealId ?? null}::uuid AND dc.contact_id = c.id))
    ORDER BY greatest(similarity(c.first_name || ' ' || c.last_name, ${q}), similarity(coalesce(c.email, ''), ${q})) DESC,
             c.last_name, c.first_name, c.id
    LIMIT ${take}`
  return rows.map((r) => ({
    id: r.id,
    name: `${r.first_name} ${r.last_name}`.trim(),
    email: r.email,
    jobTitle: r.job_title,
    companyName: r.company_name,
  }))
}
