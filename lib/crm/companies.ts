import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { DealStatus } from '@/lib/generated/prisma/enums'
import { logActivity } from '@/lib/activity'
import { toDay } from '@/lib/dates'
import { AppError, mapPrismaError, notFound } from '@/lib/errors'
import { assertCanWriteCrm } from '@/lib/crm/deal-access'
import { assertCanAssignOwner, assertCanEditRecord, canEditRecord } from '@/lib/crm/record-access'
import { ownerNameFor } from '@/lib/crm/record-owner'
import { COMPANY_FIELDS, type CompanySize, type CreateCompanyInput, type UpdateCompanyInput } from '@/lib/crm/companies.schema'

export type CompanyDto = {
  id: string
  name: string
  domain: string | null
  industry: string | null
  sizeBand: CompanySize | null
  address: string | null
  country: string | null
  notes: string | null
  owner: { id: string; name: string } | null
  createdAt: string
  updatedAt: string
  /** set while the company is in the trash */
  deletedAt: string | null
  /** whether the viewer may edit, delete or restore it */
  canEdit: boolean
}

export type CompanyContact = { id: string; firstName: string; lastName: string; email: string | null; jobTitle: string | null }
export type CompanyDeal = {
  id: string
  title: string
  amountMinor: string
  currency: string
  status: DealStatus
  stageName: string
  expectedCloseOn: string | null
  owner: { id: string; name: string }
}
export type CompanyDetail = CompanyDto & { contacts: CompanyContact[]; contactCount: number; deals: CompanyDeal[]; dealCount: number }

/** Related records shown on the page; the counts say how many there are in all. */
const RELATED_LIMIT = 50

const companySelect = {
  id: true,
  name: true,
  domain: true,
  industry: true,
  sizeBand: true,
  address: true,
  country: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  owner: { select: { id: true, name: true } },
} as const

type Change = { from: string | null; to: string | null }

/** A live company of this organization already using the domain (case-insensitive): CONFLICT on `domain`. */
async function assertDomainFree(db: Db, ctx: Ctx, domain: string | null | undefined, exceptId?: string) {
  if (!domain) return
  const clash = await db.company.findFirst({
    where: { orgId: ctx.orgId, deletedAt: null, domain: { equals: domain, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  })
  if (clash) throw domainTaken(domain, clash.name)
}

const domainTaken = (domain: string, by?: string) =>
  new AppError('CONFLICT', by ? `${domain} already belongs to “${by}”.` : `Another company already uses ${domain}.`, 'domain')

/** The partial unique index catches the race the check above cannot: map it to the same field error. */
function onUniqueDomain(domain: string | null | undefined) {
  return (error: unknown): never => {
    try {
      mapPrismaError(error)
    } catch (mapped) {
      if (mapped instanceof AppError && mapped.code === 'CONFLICT' && domain) throw domainTaken(domain)
      throw mapped
    }
  }
}

async function findCompany(db: Db, ctx: Ctx, id: string) {
  const company = await db.company.findFirst({ where: { id, orgId: ctx.orgId }, select: companySelect })
  if (!company) throw notFound('This company')
  return company
}

export async function createCompany(db: Db, ctx: Ctx, input: CreateCompanyInput) {
  assertCanWriteCrm(ctx)
  const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId
  assertCanAssignOwner(ctx, ownerId)
  const ownerName = ownerId ? await ownerNameFor(db, ctx, ownerId) : null
  await assertDomainFree(db, ctx, input.domain)
  const company = await db.company
    .create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        domain: input.domain ?? null,
        industry: input.industry ?? null,
        sizeBand: input.sizeBand ?? null,
        address: input.address ?? null,
        country: input.country ?? null,
        notes: input.notes ?? null,
        ownerId,
      },
      select: { id: true, name: true },
    })
    .catch(onUniqueDomain(input.domain))
  const changes = Object.fromEntries(
    COMPANY_FIELDS.filter((f) => f !== 'ownerId' && input[f] != null).map((f) => [f, input[f] as string]),
  )
  await logActivity(db, ctx, { entityType: 'company', entityId: company.id, action: 'company.created', changes: { ...changes, ...(ownerName ? { owner: ownerName, ownerId } : {}) } })
  return company
}

/**
 * Changes the given fields (inline editing sends one at a time) and records each change as
 * `{field: {from, to}}`; the owner also by name. Nothing changed: nothing written.
 */
export async function updateCompany(db: Db, ctx: Ctx, input: UpdateCompanyInput): Promise<{ id: string; changed: string[] }> {
  const company = await findCompany(db, ctx, input.id)
  if (company.deletedAt) throw new AppError('INVALID', 'This company is in the trash. Restore it to edit it.')
  const current = { ...company, ownerId: company.owner?.id ?? null }
  assertCanEditRecord(ctx, current, 'company')

  const changes: Record<string, Change> = {}
  const data: Record<string, string | null> = {}
  for (const field of COMPANY_FIELDS) {
    const next = input[field]
    if (next === undefined) continue
    const from = current[field] ?? null
    if (next === from) continue
    data[field] = next
    changes[field] = { from, to: next }
  }
  if ('ownerId' in data) {
    assertCanAssignOwner(ctx, data.ownerId ?? null)
    const toName = data.ownerId ? await ownerNameFor(db, ctx, data.ownerId) : null
    changes.owner = { from: company.owner?.name ?? null, to: toName }
  }
  if (data.domain && data.domain.toLowerCase() !== company.domain?.toLowerCase()) await assertDomainFree(db, ctx, data.domain, company.id)
  const changed = Object.keys(data)
  if (changed.length === 0) return { id: company.id, changed }

  await db.company
    .update({ where: { id: company.id, orgId: ctx.orgId }, data: data as Prisma.CompanyUncheckedUpdateInput, select: { id: true } })
    .catch(onUniqueDomain(data.domain))
  await logActivity(db, ctx, { entityType: 'company', entityId: company.id, action: 'company.updated', changes })
  return { id: company.id, changed }
}

/** Moves the company to the trash (hidden from lists, reachable from the Trash filter). */
export async function deleteCompany(db: Db, ctx: Ctx, input: { id: string }) {
  const company = await findCompany(db, ctx, input.id)
  assertCanEditRecord(ctx, { ownerId: company.owner?.id ?? null }, 'company')
  if (company.deletedAt) return { id: company.id }
  await db.company.update({ where: { id: company.id, orgId: ctx.orgId }, data: { deletedAt: new Date() }, select: { id: true } })
  await logActivity(db, ctx, { entityType: 'company', entityId: company.id, action: 'company.deleted', changes: { name: company.name } })
  return { id: company.id }
}

/** Brings a company back from the trash, unless a live company took its domain meanwhile. */
export async function restoreCompany(db: Db, ctx: Ctx, input: { id: string }) {
  const company = await findCompany(db, ctx, input.id)
  assertCanEditRecord(ctx, { ownerId: company.owner?.id ?? null }, 'company')
  if (!company.deletedAt) return { id: company.id }
  await assertDomainFree(db, ctx, company.domain, company.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', `It cannot be restored: ${error.message}`, 'domain')
    throw error
  })
  await db.company.update({ where: { id: company.id, orgId: ctx.orgId }, data: { deletedAt: null }, select: { id: true } }).catch(onUniqueDomain(company.domain))
  await logActivity(db, ctx, { entityType: 'company', entityId: company.id, action: 'company.restored', changes: { name: company.name } })
  return { id: company.id }
}

function toDto(ctx: Ctx, c: Awaited<ReturnType<typeof findCompany>>): CompanyDto {
  return {
    id: c.id,
    name: c.name,
    domain: c.domain,
    industry: c.industry,
    sizeBand: c.sizeBand,
    address: c.address,
    country: c.country?.trim() ?? null,
    notes: c.notes,
    owner: c.owner,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    deletedAt: c.deletedAt?.toISOString() ?? null,
    canEdit: canEditRecord(ctx, { ownerId: c.owner?.id ?? null }),
  }
}

/**
 * A company (also one in the trash) with its live contacts and deals, newest deals first.
 * Another organization's id is NOT_FOUND, like a missing one.
 */
export async function getCompany(db: Db, ctx: Ctx, id: string): Promise<CompanyDetail> {
  const company = await db.company.findFirst({
    where: { id, orgId: ctx.orgId },
    select: {
      ...companySelect,
      _count: { select: { contacts: { where: { deletedAt: null } }, deals: { where: { deletedAt: null } } } },
      contacts: {
        where: { deletedAt: null },
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        take: RELATED_LIMIT,
        select: { id: true, firstName: true, lastName: true, email: true, jobTitle: true },
      },
      deals: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: RELATED_LIMIT,
        select: {
          id: true,
          title: true,
          amountMinor: true,
          currency: true,
          status: true,
          expectedCloseOn: true,
          stage: { select: { name: true } },
          owner: { select: { id: true, name: true } },
        },
      },
    },
  })
  if (!company) throw notFound('This company')
  return {
    ...toDto(ctx, company),
    contacts: company.contacts,
    contactCount: company._count.contacts,
    deals: company.deals.map((d) => ({
      id: d.id,
      title: d.title,
      amountMinor: d.amountMinor.toString(),
      currency: d.currency.trim(),
      status: d.status,
      stageName: d.stage.name,
      expectedCloseOn: d.expectedCloseOn ? toDay(d.expectedCloseOn) : null,
      owner: d.owner,
    })),
    dealCount: company._count.deals,
  }
}
