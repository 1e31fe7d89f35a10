import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { DealStatus, DealType } from '@/lib/generated/prisma/enums'
import { Prisma } from '@/lib/generated/prisma/client'
import { monthRange, toDay } from '@/lib/dates'
import { getPipeline, type PipelineDto, type StageDto } from '@/lib/crm/pipelines'

/**
 * Cards per column per page. 25 fill a column about three screens deep; rendering the board is
 * proportional to its cards (6 columns x 50 made a 500 KB page that missed the 100 ms budget
 * on the scale data, see docs/bench.md), and "load more" fetches the next 25.
 */
export const PAGE_SIZE = 25

/** Resolved filters: an owner id (or none for everyone), a close month, a deal type. */
export type BoardQuery = { pipelineId?: string; ownerId?: string; closeMonth?: string; dealType?: DealType }

export type DealCard = {
  id: string
  title: string
  amountMinor: string
  currency: string
  probability: number
  expectedCloseOn: string | null
  status: DealStatus
  stageId: string
  position: number
  version: number
  ownerId: string
  ownerName: string
  companyName: string | null
  /** a won deal's onboarding project (the badge on the Won column's cards) */
  project: { id: string; status: string } | null
}

export type ColumnTotals = { count: number; amounts: { currency: string; amountMinor: string; weightedMinor: string }[] }
export type BoardColumn = { stage: StageDto; totals: ColumnTotals; cards: DealCard[]; nextCursor: string | null }
export type Board = { pipeline: PipelineDto; columns: BoardColumn[] }

function filtersSql(ctx: Ctx, q: BoardQuery) {
  const parts = [Prisma.sql`d.org_id = ${ctx.orgId}::uuid`, Prisma.sql`d.deleted_at IS NULL`]
  if (q.ownerId) parts.push(Prisma.sql`d.owner_id = ${q.ownerId}::uuid`)
  if (q.dealType) parts.push(Prisma.sql`d.deal_type = ${q.dealType}::"DealType"`)
  if (q.closeMonth) {
    const { from, to } = monthRange(q.closeMonth)
    parts.push(Prisma.sql`d.expected_close_on BETWEEN ${from}::date AND ${to}::date`)
  }
  return Prisma.join(parts, ' AND ')
}

type CardRow = {
  id: string
  title: string
  amount_minor: bigint
  currency: string
  probability: number
  expected_close_on: Date | null
  status: DealStatus
  stage_id: string
  position: number
  version: number
  owner_id: string
  owner_name: string
  company_name: string | null
  project_id: string | null
  project_status: string | null
}

const toCard = (r: CardRow): DealCard => ({
  id: r.id,
  title: r.title,
  amountMinor: r.amount_minor.toString(),
  currency: r.currency.trim(),
  probability: r.probability,
  expectedCloseOn: r.expected_close_on ? toDay(r.expected_close_on) : null,
  status: r.status,
  stageId: r.stage_id,
  position: r.position,
  version: r.version,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  companyName: r.company_name,
  project: r.project_id && r.project_status ? { id: r.project_id, status: r.project_status } : null,
})

/** Keyset cursor: the last card's position and id. */
export const encodeCursor = (card: { position: number; id: string }) => `${card.position}_${card.id}`
function decodeCursor(cursor: string): { position: number; id: string } | null {
  const [position, id] = cursor.split('_')
  const value = Number(position)
  return Number.isFinite(value) && id && /^[0-9a-f-]{36}$/.test(id) ? { position: value, id } : null
}

/**
 * One column's live deals by currency: count, amount and probability-weighted amount, rounded
 * half up per deal in integer arithmetic, as `weighted()` in lib/money.ts. Without a
 * close-month filter they come from the trigger-kept rollup (a few rows per stage, owner, type
 * and currency: ADR 0015) instead of 35,000 index entries for a full pipeline.
 */
function rollupTotals(ctx: Ctx, pipelineId: string, q: BoardQuery) {
  return Prisma.sql`
    SELECT r.currency, sum(r.deals)::bigint AS count, sum(r.amount_minor)::bigint AS amount, sum(r.weighted_minor)::bigint AS weighted
    FROM deal_stage_totals r
    WHERE r.org_id = ${ctx.orgId}::uuid AND r.pipeline_id = ${pipelineId}::uuid AND r.stage_id = s.id
      ${q.ownerId ? Prisma.sql`AND r.owner_id = ${q.ownerId}::uuid` : Prisma.empty}
      ${q.dealType ? Prisma.sql`AND r.deal_type = ${q.dealType}::"DealType"` : Prisma.empty}
    GROUP BY r.currency
    HAVING sum(r.deals) <> 0`
}

/** The same from the deals themselves (a close month: its slice of deal_totals_idx). */
function dealTotals(ctx: Ctx, pipelineId: string, q: BoardQuery) {
  return Prisma.sql`
    SELECT d.currency, count(*)::bigint AS count,
           coalesce(sum(d.amount_minor), 0)::bigint AS amount,
           coalesce(sum((d.amount_minor * d.probability + 50) / 100), 0)::bigint AS weighted
    FROM deal d
    WHERE ${filtersSql(ctx, q)} AND d.pipeline_id = ${pipelineId}::uuid AND d.stage_id = s.id
    GROUP BY d.currency`
}

/** Count, amount and weighted amount per stage, over every matching deal: one aggregate per stage (a LATERAL join). */
async function columnTotals(db: Db, ctx: Ctx, pipelineId: string, stageIds: string[], q: BoardQuery) {
  const totals = new Map<string, ColumnTotals>()
  if (stageIds.length === 0) return totals
  const rows = await db.$queryRaw<{ stage_id: string; currency: string; count: bigint; amount: bigint; weighted: bigint }[]>`
    SELECT s.id AS stage_id, t.currency, t.count, t.amount, t.weighted
    FROM unnest(${stageIds}::uuid[]) AS s(id)
    CROSS JOIN LATERAL (${q.closeMonth ? dealTotals(ctx, pipelineId, q) : rollupTotals(ctx, pipelineId, q)}) t`
  for (const row of rows) {
    const t = totals.get(row.stage_id) ?? { count: 0, amounts: [] }
    t.count += Number(row.count)
    t.amounts.push({ currency: row.currency.trim(), amountMinor: row.amount.toString(), weightedMinor: row.weighted.toString() })
    totals.set(row.stage_id, t)
  }
  return totals
}

const cardColumns = Prisma.sql`
  d.id, d.title, d.amount_minor, d.currency, d.probability, d.expected_close_on, d.status,
  d.stage_id, d.position, d.version, d.owner_id, u.name AS owner_name, c.name AS company_name,
  pr.id AS project_id, pr.status::text AS project_status`

/** The first page of every column in one round trip (a LATERAL join per stage). */
async function firstPages(db: Db, ctx: Ctx, stageIds: string[], q: BoardQuery, pageSize: number) {
  if (stageIds.length === 0) return []
  return db.$queryRaw<CardRow[]>`
    SELECT ${cardColumns}
    FROM unnest(${stageIds}::uuid[]) AS s(id)
    CROSS JOIN LATERAL (
      SELECT d.* FROM deal d
      WHERE ${filtersSql(ctx, q)} AND d.stage_id = s.id
      ORDER BY d.position, d.id
      LIMIT ${pageSize + 1}
    ) d
    JOIN "user" u ON u.id = d.owner_id
    LEFT JOIN company c ON c.id = d.company_id
    LEFT JOIN LATERAL (SELECT pr.id, pr.status FROM project pr WHERE pr.source_deal_id = d.id AND pr.deleted_at IS NULL LIMIT 1) pr ON d.status = 'WON'
    ORDER BY d.stage_id, d.position, d.id`
}

function paginate(rows: CardRow[], pageSize: number) {
  const cards = rows.slice(0, pageSize).map(toCard)
  const last = cards.at(-1)
  return { cards, nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null }
}

/** The board of one pipeline; pass `pipeline` when the caller already loaded it (saves a query). */
export async function loadBoard(db: Db, ctx: Ctx, q: BoardQuery, pageSize = PAGE_SIZE, known?: PipelineDto): Promise<Board> {
  const pipeline = known && (!q.pipelineId || q.pipelineId === known.id) ? known : await getPipeline(db, ctx, q.pipelineId)
  const stageIds = pipeline.stages.map((s) => s.id)
  const [totals, rows] = await Promise.all([columnTotals(db, ctx, pipeline.id, stageIds, q), firstPages(db, ctx, stageIds, q, pageSize)])
  const byStage = new Map<string, CardRow[]>()
  for (const row of rows) byStage.set(row.stage_id, [...(byStage.get(row.stage_id) ?? []), row])
  return {
    pipeline,
    columns: pipeline.stages.map((stage) => ({
      stage,
      totals: totals.get(stage.id) ?? { count: 0, amounts: [] },
      ...paginate(byStage.get(stage.id) ?? [], pageSize),
    })),
  }
}

/** The next page of one column ("load more"), after the cursor. */
export async function loadColumnPage(db: Db, ctx: Ctx, stageId: string, cursor: string, q: BoardQuery, pageSize = PAGE_SIZE) {
  const after = decodeCursor(cursor)
  if (!after) return { cards: [], nextCursor: null }
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT ${cardColumns}
    FROM (
      SELECT d.* FROM deal d
      WHERE ${filtersSql(ctx, q)} AND d.stage_id = ${stageId}::uuid
        AND (d.position, d.id) > (${after.position}::float8, ${after.id}::uuid)
      ORDER BY d.position, d.id
      LIMIT ${pageSize + 1}
    ) d
    JOIN "user" u ON u.id = d.owner_id
    LEFT JOIN company c ON c.id = d.company_id
    LEFT JOIN LATERAL (SELECT pr.id, pr.status FROM project pr WHERE pr.source_deal_id = d.id AND pr.deleted_at IS NULL LIMIT 1) pr ON d.status = 'WON'
    ORDER BY d.position, d.id`
  return paginate(rows, pageSize)
}
