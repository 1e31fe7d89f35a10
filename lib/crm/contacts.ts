import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DealContactRole, DealStatus } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { toDay } from '@/lib/dates'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import { assertCanWriteCrm } from '@/lib/crm/deal-access'
import { assertCanAssignOwner, assertCanEditRecord, canEditRecord } from '@/lib/crm/record-access'
import { ownerNameFor } from '@/lib/crm/record-owner'
import { CONTACT_FIELDS, type CreateContactInput, type UpdateContactInput } from '@/lib/crm/contacts.schema'

export type ContactDto = {
  id: string
  firstName: string
  lastName: string
  email: string | null
  phone: string | null
  jobTitle: string | null
  /** the company, also when it is in the trash (then `deleted`) */
  company: { id: string; name: string; domain: string | null; deleted: boolean } | null
  owner: { id: string; name: string } | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  canEdit: boolean
}

export type ContactDeal = {
  id: string
  title: string
  amountMinor: string
  currency: string
  status: DealStatus
  stageName: string
  expectedCloseOn: string | null
  owner: { id: string; name: string }
}

export type ContactDetail = ContactDto & {
  /** deals the contact is on (DealContact), with their role */
  deals: (ContactDeal & { role: DealContactRole })[]
  /** other live deals of the contact's company */
  companyDeals: ContactDeal[]
}

const RELATED_LIMIT = 50

const contactSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  jobTitle: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  company: { select: { id: true, name: true, domain: true, deletedAt: true } },
  owner: { select: { id: true, name: true } },
} as const

const dealSelect = {
  id: true,
  title: true,
  amountMinor: true,
  currency: true,
  status: true,
  expectedCloseOn: true,
  stage: { select: { name: true } },
  owner: { select: { id: true, name: true } },
} as const

type Change = { from: string | null; to: string | null }

const emailTaken = (email: string, by?: string) =>
  new AppError('CONFLICT', by ? `${email} already belongs to ${by}.` : `Another contact already uses ${email}.`, 'email')

/** A live contact of this organization already using the email (case-insensitive): CONFLICT on `email`. */
async function assertEmailFree(db: Db, ctx: Ctx, email: string | null | undefined, exceptId?: string) {
  if (!email) return
  const clash = await db.contact.findFirst({
    where: { orgId: ctx.orgId, deletedAt: null, email: { equals: email, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { firstName: true, lastName: true },
  })
  if (clash) throw emailTaken(email, `${clash.firstName} ${clash.lastName}`.trim())
}

function onUniqueEmail(email: string | null | undefined) {
  return (error: unknown): never => {
    try {
      mapPrismaError(error)
    } catch (mapped) {
      if (mapped instanceof AppError && mapped.code === 'CONFLICT' && email) throw emailTaken(email)
      throw mapped
    }
  }
}

/** A live company of this organization, by name for the audit trail. */
async function companyNameFor(db: Db, ctx: Ctx, companyId: string) {
  const company = await db.company.findFirst({ where: { id: companyId, orgId: ctx.orgId, deletedAt: null }, select: { name: true } })
  if (!company) throw new AppError('NOT_FOUND', 'That company was not found.', 'companyId')
  return company.name
}

async function findContact(db: Db, ctx: Ctx, id: string) {
  const contact = await db.contact.findFirst({ where: { id, orgId: ctx.orgId }, select: contactSelect })
  if (!contact) throw notFound('This contact')
  return contact
}

export async function createContact(db: Db, ctx: Ctx, input: CreateContactInput) {
  assertCanWriteCrm(ctx)
  const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId
  assertCanAssignOwner(ctx, ownerId)
  const ownerName = ownerId ? await ownerNameFor(db, ctx, ownerId) : null
  const companyName = input.companyId ? await companyNameFor(db, ctx, input.companyId) : null
  await assertEmailFree(db, ctx, input.email)
  const contact = await db.contact
    .create({
      data: {
        orgId: ctx.orgId,
        firstName: input.firstName,
        lastName: input.lastName ?? '',
        email: input.email ?? null,
        phone: input.phone ?? null,
        jobTitle: input.jobTitle ?? null,
        companyId: input.companyId ?? null,
        ownerId,
      },
      select: { id: true, firstName: true, lastName: true },
    })
    .catch(onUniqueEmail(input.email))
  const changes = Object.fromEntries(
    CONTACT_FIELDS.filter((f) => f !== 'ownerId' && f !== 'companyId' && input[f]).map((f) => [f, input[f] as string]),
  )
  await logActivity(db, ctx, {
    entityType: 'contact',
    entityId: contact.id,
    action: 'contact.created',
    changes: { ...changes, ...(companyName ? { company: companyName, companyId: input.companyId } : {}), ...(ownerName ? { owner: ownerName, ownerId } : {}) },
  })
  return contact
}

/** Changes the given fields and records each as `{field: {from, to}}` (company and owner also by name). */
export async function updateContact(db: Db, ctx: Ctx, input: UpdateContactInput): Promise<{ id: string; changed: string[] }> {
  const contact = await findContact(db, ctx, input.id)
  if (contact.deletedAt) throw new AppError('INVALID', 'This contact is in the trash. Restore it to edit it.')
  const current = { ...contact, ownerId: contact.owner?.id ?? null, companyId: contact.company?.id ?? null }
  assertCanEditRecord(ctx, current, 'contact')

  const changes: Record<string, Change> = {}
  const data: Record<string, string | null> = {}
  for (const field of CONTACT_FIELDS) {
    const next = input[field]
    if (next === undefined) continue
    const from = current[field] ?? null
    if (next === from) continue
    data[field] = next
    changes[field] = { from, to: next }
  }
  if ('ownerId' in data) {
    assertCanAssignOwner(ctx, data.ownerId ?? null)
    changes.owner = { from: contact.owner?.name ?? null, to: data.ownerId ? await ownerNameFor(db, ctx, data.ownerId) : null }
  }
  if ('companyId' in data) {
    changes.company = { from: contact.company?.name ?? null, to: data.companyId ? await companyNameFor(db, ctx, data.companyId) : null }
  }
  if (data.email && data.email.toLowerCase() !== contact.email?.toLowerCase()) await assertEmailFree(db, ctx, data.email, contact.id)
  const changed = Object.keys(data)
  if (changed.length === 0) return { id: contact.id, changed }

  await db.contact
    .update({ where: { id: contact.id, orgId: ctx.orgId }, data: data as Prisma.ContactUncheckedUpdateInput, select: { id: true } })
    .catch(onUniqueEmail(data.email))
  await logActivity(db, ctx, { entityType: 'contact', entityId: contact.id, action: 'contact.updated', changes })
  return { id: contact.id, changed }
}

export async function deleteContact(db: Db, ctx: Ctx, input: { id: string }) {
  const contact = await findContact(db, ctx, input.id)
  assertCanEditRecord(ctx, { ownerId: contact.owner?.id ?? null }, 'contact')
  if (contact.deletedAt) return { id: contact.id }
  await db.contact.update({ where: { id: contact.id, orgId: ctx.orgId }, data: { deletedAt: new Date() }, select: { id: true } })
  await logActivity(db, ctx, { entityType: 'contact', entityId: contact.id, action: 'contact.deleted', changes: { name: `${contact.firstName} ${contact.lastName}`.trim() } })
  return { id: contact.id }
}

/** Brings a contact back from the trash, unless a live contact took its email meanwhile. */
export async function restoreContact(db: Db, ctx: Ctx, input: { id: string }) {
  const contact = await findContact(db, ctx, input.id)
  assertCanEditRecord(ctx, { ownerId: contact.owner?.id ?? null }, 'contact')
  if (!contact.deletedAt) return { id: contact.id }
  await assertEmailFree(db, ctx, contact.email, contact.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', `It cannot be restored: ${error.message}`, 'email')
    throw error
  })
  await db.contact.update({ where: { id: contact.id, orgId: ctx.orgId }, data: { deletedAt: null }, select: { id: true } }).catch(onUniqueEmail(contact.email))
  await logActivity(db, ctx, { entityType: 'contact', entityId: contact.id, action: 'contact.restored', changes: { name: `${contact.firstName} ${contact.lastName}`.trim() } })
  return { id: contact.id }
}

type DealRow = {
  id: string
  title: string
  amountMinor: bigint
  currency: string
  status: DealStatus
  expectedCloseOn: Date | null
  stage: { name: string }
  owner: { id: string; name: string }
}

const toDeal = (d: DealRow): ContactDeal => ({
  id: d.id,
  title: d.title,
  amountMinor: d.amountMinor.toString(),
  currency: d.currency.trim(),
  status: d.status,
  stageName: d.stage.name,
  expectedCloseOn: d.expectedCloseOn ? toDay(d.expectedCloseOn) : null,
  owner: d.owner,
})

/**
 * A contact (also one in the trash) with its company, the deals it is on (with its role) and
 * the other live deals of its company, in one query. Another organization's id is NOT_FOUND.
 */
export async function getContact(db: Db, ctx: Ctx, id: string): Promise<ContactDetail> {
  const contact = await db.contact.findFirst({
    where: { id, orgId: ctx.orgId },
    select: {
      ...contactSelect,
      company: {
        select: {
          id: true,
          name: true,
          domain: true,
          deletedAt: true,
          deals: { where: { deletedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: RELATED_LIMIT, select: dealSelect },
        },
      },
      dealContacts: {
        where: { orgId: ctx.orgId, deal: { deletedAt: null } },
        orderBy: { createdAt: 'desc' },
        take: RELATED_LIMIT,
        select: { role: true, deal: { select: dealSelect } },
      },
    },
  })
  if (!contact) throw notFound('This contact')
  const onDeals = new Set(contact.dealContacts.map((dc) => dc.deal.id))
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    company: contact.company ? { id: contact.company.id, name: contact.company.name, domain: contact.company.domain, deleted: contact.company.deletedAt !== null } : null,
    owner: contact.owner,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    deletedAt: contact.deletedAt?.toISOString() ?? null,
    canEdit: canEditRecord(ctx, { ownerId: contact.owner?.id ?? null }),
    deals: contact.dealContacts.map((dc) => ({ ...toDeal(dc.deal), role: dc.role })),
    companyDeals: (contact.company?.deals ?? []).filter((d) => !onDeals.has(d.id)).map(toDeal),
  }
}
