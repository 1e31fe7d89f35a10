import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { addDays, monthRange, toDay } from '@/lib/dates'
import { minorToDecimal } from '@/lib/money'
import { dealTypeLabels } from '@/lib/crm/deals.schema'
import { dealListDef, dealStatusLabels, type DealListRow } from '@/lib/crm/list-defs'
import type { CsvColumns } from '@/lib/crm/list-export'
import type { ListParams } from '@/lib/crm/list-params'
import { containsPattern, listPage, ownerCondition, type ListSpec } from '@/lib/crm/list-query'

type Filters = (typeof dealListDef)['filters']
export type DealListParams = ListParams<Filters>

/** An instant within months fromMonth..toMonth (inclusive, either may be absent) of the organization's time zone. */
function instantMonthRange(ctx: Ctx, column: Prisma.Sql, fromMonth: string | undefined, toMonth: string | undefined): Prisma.Sql[] {
  const start = (day: string) => Prisma.sql`(${day}::date::timestamp AT TIME ZONE (SELECT o.time_zone FROM organization o WHERE o.id = ${ctx.orgId}::uuid))`
  const parts: Prisma.Sql[] = []
  if (fromMonth) parts.push(Prisma.sql`${column} >= ${start(monthRange(fromMonth).from)}`)
  if (toMonth) parts.push(Prisma.sql`${column} < ${start(addDays(monthRange(toMonth).to, 1))}`)
  return parts
}

export const dealListSpec: ListSpec<Filters, DealListRow> = {
  def: dealListDef,
  tableName: 'deal',
  table: Prisma.sql`deal d`,
  alias: 'd',
  // LEFT JOINs (every deal has an owner, stage and pipeline) so the planner drops the unused
  // ones; the filters need none of them, so the count has no joins.
  joins: Prisma.sql`
    LEFT JOIN company co ON co.id = d.company_id AND co.deleted_at IS NULL
    LEFT JOIN "user" u ON u.id = d.owner_id
    LEFT JOIN pipeline_stage s ON s.id = d.stage_id
    LEFT JOIN pipeline p ON p.id = d.pipeline_id`,
  where: (ctx, { q, filters }) => {
    const parts: Prisma.Sql[] = []
    // The trigram index deal_search_idx is on the title.
    if (q) parts.push(Prisma.sql`d.title ILIKE ${containsPattern(q)}`)
    if (filters.owner) parts.push(ownerCondition(Prisma.sql`d.owner_id`, filters.owner, ctx))
    if (filters.pipeline) parts.push(Prisma.sql`d.pipeline_id = ${filters.pipeline}::uuid`)
    if (filters.stage) parts.push(Prisma.sql`d.stage_id = ${filters.stage}::uuid`)
    if (filters.status) parts.push(Prisma.sql`d.status = ${filters.status}::"DealStatus"`)
    if (filters.type) parts.push(Prisma.sql`d.deal_type = ${filters.type}::"DealType"`)
    if (filters.company) parts.push(Prisma.sql`d.company_id = ${filters.company}::uuid`)
    if (filters.close) {
      const { from, to } = monthRange(filters.close)
      parts.push(Prisma.sql`d.expected_close_on BETWEEN ${from}::date AND ${to}::date`)
    }
    if (filters.closeFrom) parts.push(Prisma.sql`d.expected_close_on >= ${monthRange(filters.closeFrom).from}::date`)
    if (filters.closeTo) parts.push(Prisma.sql`d.expected_close_on <= ${monthRange(filters.closeTo).to}::date`)
    parts.push(...instantMonthRange(ctx, Prisma.sql`d.closed_at`, filters.closedFrom, filters.closedTo))
    parts.push(...instantMonthRange(ctx, Prisma.sql`d.created_at`, filters.createdFrom, filters.createdTo))
    if (filters.lostReason) parts.push(Prisma.sql`d.lost_reason_id = ${filters.lostReason}::uuid`)
    return parts
  },
  sorts: {
    title: [{ sql: Prisma.sql`d.title`, type: 'text' }],
    company: [{ sql: Prisma.sql`co.name`, type: 'text', nullable: true }],
    amount: [{ sql: Prisma.sql`d.amount_minor`, type: 'int8' }],
    pipeline: [
      { sql: Prisma.sql`p.name`, type: 'text' },
      { sql: Prisma.sql`s.position`, type: 'float8' },
    ],
    // Board order: the pipeline's stages in their order.
    stage: [
      { sql: Prisma.sql`p.position`, type: 'float8' },
      { sql: Prisma.sql`s.position`, type: 'float8' },
    ],
    status: [{ sql: Prisma.sql`d.status::text`, type: 'text' }],
    type: [{ sql: Prisma.sql`d.deal_type::text`, type: 'text' }],
    probability: [{ sql: Prisma.sql`d.probability`, type: 'int4' }],
    close: [{ sql: Prisma.sql`d.expected_close_on`, type: 'date', nullable: true }],
    owner: [{ sql: Prisma.sql`u.name`, type: 'text' }],
    created: [{ sql: Prisma.sql`d.created_at`, type: 'timestamptz' }],
    updated: [{ sql: Prisma.sql`d.updated_at`, type: 'timestamptz' }],
  },
  select: Prisma.sql`
    d.id, d.title, d.amount_minor, d.currency, dp.name AS pipeline_name, ds.name AS stage_name, d.status, d.deal_type,
    d.probability, d.expected_close_on, d.owner_id, ow.name AS owner_name, dco.id AS company_id, dco.name AS company_name,
    d.created_at, d.updated_at, d.deleted_at`,
  displayJoins: Prisma.sql`
    LEFT JOIN company dco ON dco.id = d.company_id AND dco.deleted_at IS NULL
    JOIN "user" ow ON ow.id = d.owner_id
    JOIN pipeline_stage ds ON ds.id = d.stage_id
    JOIN pipeline dp ON dp.id = d.pipeline_id`,
  toRow: (r) => ({
    id: r.id as string,
    title: r.title as string,
    amountMinor: String(r.amount_minor),
    currency: (r.currency as string).trim(),
    pipelineName: r.pipeline_name as string,
    stageName: r.stage_name as string,
    status: r.status as DealListRow['status'],
    dealType: r.deal_type as DealListRow['dealType'],
    probability: Number(r.probability),
    expectedCloseOn: r.expected_close_on ? toDay(r.expected_close_on as Date) : null,
    ownerId: r.owner_id as string,
    ownerName: r.owner_name as string,
    companyId: (r.company_id as string | null) ?? null,
    companyName: (r.company_name as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
    deletedAt: (r.deleted_at as Date | null)?.toISOString() ?? null,
  }),
}

export function listDeals(db: Db, ctx: Ctx, params: DealListParams) {
  return listPage(db, dealListSpec, ctx, params)
}

export const dealCsv: CsvColumns<DealListRow> = {
  title: [{ header: 'Title', value: (r) => r.title }],
  company: [{ header: 'Company', value: (r) => r.companyName }],
  amount: [
    { header: 'Amount', value: (r) => minorToDecimal(r.amountMinor, r.currency) },
    { header: 'Currency', value: (r) => r.currency },
  ],
  pipeline: [{ header: 'Pipeline', value: (r) => r.pipelineName }],
  stage: [{ header: 'Stage', value: (r) => r.stageName }],
  status: [{ header: 'Status', value: (r) => dealStatusLabels[r.status] }],
  type: [{ header: 'Type', value: (r) => dealTypeLabels[r.dealType] }],
  probability: [{ header: 'Probability', value: (r) => r.probability }],
  close: [{ header: 'Expected close', value: (r) => r.expectedCloseOn }],
  owner: [{ header: 'Owner', value: (r) => r.ownerName }],
  created: [{ header: 'Created', value: (r) => r.createdAt }],
  updated: [{ header: 'Updated', value: (r) => r.updatedAt }],
}
