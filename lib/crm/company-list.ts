import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { COMPANY_SIZES, companySizeLabels, type CompanySize } from '@/lib/crm/companies.schema'
import type { CsvColumns } from '@/lib/crm/list-export'
import { companyListDef, type CompanyListRow } from '@/lib/crm/list-defs'
import type { ListParams } from '@/lib/crm/list-params'
import { containsPattern, listPage, ownerCondition, type ListSpec } from '@/lib/crm/list-query'

type Filters = (typeof companyListDef)['filters']
export type CompanyListParams = ListParams<Filters>

const sizeOrder = Prisma.sql`array_position(${Prisma.raw(`ARRAY[${COMPANY_SIZES.map((s) => `'${s}'`).join(',')}]::"CompanySize"[]`)}, c.size_band)`

export const companyListSpec: ListSpec<Filters, CompanyListRow> = {
  def: companyListDef,
  tableName: 'company',
  table: Prisma.sql`company c`,
  alias: 'c',
  joins: Prisma.sql`LEFT JOIN "user" u ON u.id = c.owner_id`,
  where: (ctx, { q, filters }) => {
    const parts: Prisma.Sql[] = []
    // Both sides of the OR are in the trigram index company_search_idx (name, domain).
    if (q) parts.push(Prisma.sql`(c.name ILIKE ${containsPattern(q)} OR c.domain ILIKE ${containsPattern(q)})`)
    if (filters.owner) parts.push(ownerCondition(Prisma.sql`c.owner_id`, filters.owner, ctx))
    if (filters.industry) parts.push(Prisma.sql`lower(c.industry) = lower(${filters.industry})`)
    if (filters.country) parts.push(Prisma.sql`c.country = ${filters.country}`)
    if (filters.size) parts.push(Prisma.sql`c.size_band = ${filters.size}::"CompanySize"`)
    return parts
  },
  sorts: {
    name: [{ sql: Prisma.sql`c.name`, type: 'text' }],
    domain: [{ sql: Prisma.sql`c.domain`, type: 'text', nullable: true }],
    industry: [{ sql: Prisma.sql`c.industry`, type: 'text', nullable: true }],
    size: [{ sql: sizeOrder, type: 'int4', nullable: true }],
    country: [{ sql: Prisma.sql`c.country::text`, type: 'text', nullable: true }],
    owner: [{ sql: Prisma.sql`u.name`, type: 'text', nullable: true }],
    created: [{ sql: Prisma.sql`c.created_at`, type: 'timestamptz' }],
    updated: [{ sql: Prisma.sql`c.updated_at`, type: 'timestamptz' }],
  },
  select: Prisma.sql`
    c.id, c.name, c.domain, c.industry, c.size_band, c.country, c.owner_id, ow.name AS owner_name,
    c.created_at, c.updated_at, c.deleted_at,
    (SELECT count(*) FROM contact x WHERE x.org_id = c.org_id AND x.company_id = c.id AND x.deleted_at IS NULL) AS contact_count,
    (SELECT count(*) FROM deal x WHERE x.org_id = c.org_id AND x.company_id = c.id AND x.deleted_at IS NULL AND x.status = 'OPEN') AS open_deal_count`,
  displayJoins: Prisma.sql`LEFT JOIN "user" ow ON ow.id = c.owner_id`,
  toRow: (r) => ({
    id: r.id as string,
    name: r.name as string,
    domain: (r.domain as string | null) ?? null,
    industry: (r.industry as string | null) ?? null,
    sizeBand: (r.size_band as CompanySize | null) ?? null,
    country: (r.country as string | null)?.trim() ?? null,
    ownerId: (r.owner_id as string | null) ?? null,
    ownerName: (r.owner_name as string | null) ?? null,
    contactCount: Number(r.contact_count),
    openDealCount: Number(r.open_deal_count),
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
    deletedAt: (r.deleted_at as Date | null)?.toISOString() ?? null,
  }),
}

export function listCompanies(db: Db, ctx: Ctx, params: CompanyListParams) {
  return listPage(db, companyListSpec, ctx, params)
}

/** The industries and countries in use, for the filter menus (one scan of the org's companies). */
export async function companyFacets(db: Db, ctx: Ctx): Promise<{ industries: string[]; countries: string[] }> {
  const rows = await db.$queryRaw<{ kind: 'i' | 'c'; value: string }[]>`
    SELECT DISTINCT 'i' AS kind, industry AS value FROM company WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND industry IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'c', country::text FROM company WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND country IS NOT NULL`
  const sorted = (kind: 'i' | 'c') => rows.filter((r) => r.kind === kind).map((r) => r.value.trim()).sort((a, b) => a.localeCompare(b))
  return { industries: sorted('i').slice(0, 200), countries: sorted('c') }
}

export const companyCsv: CsvColumns<CompanyListRow> = {
  name: [{ header: 'Name', value: (r) => r.name }],
  domain: [{ header: 'Domain', value: (r) => r.domain }],
  industry: [{ header: 'Industry', value: (r) => r.industry }],
  size: [{ header: 'Size', value: (r) => (r.sizeBand ? companySizeLabels[r.sizeBand] : null) }],
  country: [{ header: 'Country', value: (r) => r.country }],
  owner: [{ header: 'Owner', value: (r) => r.ownerName }],
  contacts: [{ header: 'Contacts', value: (r) => r.contactCount }],
  openDeals: [{ header: 'Open deals', value: (r) => r.openDealCount }],
  created: [{ header: 'Created', value: (r) => r.createdAt }],
  updated: [{ header: 'Updated', value: (r) => r.updatedAt }],
}
