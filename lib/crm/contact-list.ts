import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { contactListDef, type ContactListRow } from '@/lib/crm/list-defs'
import type { CsvColumns } from '@/lib/crm/list-export'
import type { ListParams } from '@/lib/crm/list-params'
import { containsPattern, listPage, ownerCondition, type ListSpec } from '@/lib/crm/list-query'

type Filters = (typeof contactListDef)['filters']
export type ContactListParams = ListParams<Filters>

export const contactListSpec: ListSpec<Filters, ContactListRow> = {
  def: contactListDef,
  tableName: 'contact',
  table: Prisma.sql`contact ct`,
  alias: 'ct',
  // A company in the trash is no company: its name is not shown, sorted or filtered on.
  joins: Prisma.sql`LEFT JOIN company co ON co.id = ct.company_id AND co.deleted_at IS NULL LEFT JOIN "user" u ON u.id = ct.owner_id`,
  countJoins: ({ filters }) => (filters.industry || filters.country ? Prisma.sql`LEFT JOIN company co ON co.id = ct.company_id AND co.deleted_at IS NULL` : null),
  where: (ctx, { q, filters }) => {
    const parts: Prisma.Sql[] = []
    // The same expressions as the trigram index contact_search_idx.
    if (q) parts.push(Prisma.sql`((ct.first_name || ' ' || ct.last_name) ILIKE ${containsPattern(q)} OR ct.email ILIKE ${containsPattern(q)})`)
    if (filters.owner) parts.push(ownerCondition(Prisma.sql`ct.owner_id`, filters.owner, ctx))
    if (filters.company) parts.push(Prisma.sql`ct.company_id = ${filters.company}::uuid`)
    if (filters.industry) parts.push(Prisma.sql`lower(co.industry) = lower(${filters.industry})`)
    if (filters.country) parts.push(Prisma.sql`co.country = ${filters.country}`)
    return parts
  },
  sorts: {
    name: [
      { sql: Prisma.sql`ct.last_name`, type: 'text' },
      { sql: Prisma.sql`ct.first_name`, type: 'text' },
    ],
    email: [{ sql: Prisma.sql`ct.email`, type: 'text', nullable: true }],
    phone: [{ sql: Prisma.sql`ct.phone`, type: 'text', nullable: true }],
    jobTitle: [{ sql: Prisma.sql`ct.job_title`, type: 'text', nullable: true }],
    company: [{ sql: Prisma.sql`co.name`, type: 'text', nullable: true }],
    owner: [{ sql: Prisma.sql`u.name`, type: 'text', nullable: true }],
    created: [{ sql: Prisma.sql`ct.created_at`, type: 'timestamptz' }],
    updated: [{ sql: Prisma.sql`ct.updated_at`, type: 'timestamptz' }],
  },
  select: Prisma.sql`
    ct.id, ct.first_name, ct.last_name, ct.email, ct.phone, ct.job_title, dco.id AS company_id, dco.name AS company_name,
    ct.owner_id, ow.name AS owner_name, ct.created_at, ct.updated_at, ct.deleted_at`,
  displayJoins: Prisma.sql`LEFT JOIN company dco ON dco.id = ct.company_id AND dco.deleted_at IS NULL LEFT JOIN "user" ow ON ow.id = ct.owner_id`,
  toRow: (r) => ({
    id: r.id as string,
    firstName: r.first_name as string,
    lastName: r.last_name as string,
    email: (r.email as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    jobTitle: (r.job_title as string | null) ?? null,
    companyId: (r.company_id as string | null) ?? null,
    companyName: (r.company_name as string | null) ?? null,
    ownerId: (r.owner_id as string | null) ?? null,
    ownerName: (r.owner_name as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
    deletedAt: (r.deleted_at as Date | null)?.toISOString() ?? null,
  }),
}

export function listContacts(db: Db, ctx: Ctx, params: ContactListParams) {
  return listPage(db, contactListSpec, ctx, params)
}

export const contactCsv: CsvColumns<ContactListRow> = {
  name: [
    { header: 'First name', value: (r) => r.firstName },
    { header: 'Last name', value: (r) => r.lastName },
  ],
  email: [{ header: 'Email', value: (r) => r.email }],
  phone: [{ header: 'Phone', value: (r) => r.phone }],
  jobTitle: [{ header: 'Job title', value: (r) => r.jobTitle }],
  company: [{ header: 'Company', value: (r) => r.companyName }],
  owner: [{ header: 'Owner', value: (r) => r.ownerName }],
  created: [{ header: 'Created', value: (r) => r.createdAt }],
  updated: [{ header: 'Updated', value: (r) => r.updatedAt }],
}
