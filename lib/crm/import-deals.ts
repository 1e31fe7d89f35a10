import 'server-only'
import type { Db } from '@/lib/db'
import type { StageKind } from '@/lib/generated/prisma/enums'
import { readDealRow } from '@/lib/crm/import-rows'
import type { ColumnMapping } from '@/lib/crm/import-fields'
import { listPipelines } from '@/lib/crm/pipelines'
import { insertRows, type Column } from '@/lib/crm/import-sql'
import { CompanyResolver, logMany, membersByEmail, ownerOf, q, type ChunkEnv, type ChunkPlan, type RowOutcome, type SourceRow } from '@/lib/crm/import-lookups'

const GAP = 1024

const DEAL_COLUMNS: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'title', type: 'text' },
  { name: 'amount_minor', type: 'bigint' },
  { name: 'currency', type: 'text' },
  { name: 'pipeline_id', type: 'uuid' },
  { name: 'stage_id', type: 'uuid' },
  { name: 'status', type: 'text', cast: '"DealStatus"' },
  { name: 'probability', type: 'int' },
  { name: 'expected_close_on', type: 'date' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'company_id', type: 'uuid' },
  { name: 'deal_type', type: 'text', cast: '"DealType"' },
  { name: 'position', type: 'float8' },
]

type NewDeal = {
  id: string
  title: string
  amountMinor: bigint
  pipelineId: string
  stageId: string
  stageKind: StageKind
  probability: number
  ownerId: string
  companyId: string | null
  expectedCloseOn: string | null
  dealType: 'NEW_BUSINESS' | 'EXPANSION' | 'RENEWAL'
}

/**
 * Deals from a chunk of rows: amount in the organization currency, pipeline and stage by name
 * (the default pipeline and its first open stage when empty), owner by email (a sales rep
 * imports only deals they own), company by name or domain. Every row makes a new deal.
 */
export async function planDeals(db: Db, env: ChunkEnv, mapping: ColumnMapping, rows: SourceRow[]): Promise<ChunkPlan> {
  const { ctx } = env
  const read = rows.map((row) => ({ row, result: readDealRow(row.cells, mapping, env.currency) }))
  const good = read.flatMap(({ result }) => (result.ok ? [result.values] : []))
  // Sequential: a chunk runs in one transaction, whose connection takes one query at a time.
  const members = await membersByEmail(db, ctx)
  const companies = await CompanyResolver.load(db, ctx, good.map((v) => v.company), env.createMissingCompanies)
  const pipelines = await listPipelines(db, ctx)
  const byName = new Map(pipelines.map((p) => [p.name.toLowerCase(), p]))
  const fallback = pipelines.find((p) => p.isDefault) ?? pipelines[0]

  const creates: NewDeal[] = []
  const outcomes: RowOutcome[] = []
  for (const { row, result } of read) {
    const fail = (message: string) => outcomes.push({ rowNumber: row.rowNumber, action: 'error', message })
    if (!result.ok) {
      fail(result.error)
      continue
    }
    const v = result.values
    const owner = ownerOf(members, ctx, v.ownerEmail)
    if (!owner.ok) {
      fail(owner.error)
      continue
    }
    if (ctx.role === 'SALES' && owner.id !== ctx.userId) {
      fail(`you can only import deals you own, not deals of ${q(v.ownerEmail!)}`)
      continue
    }
    const pipeline = v.pipeline ? byName.get(v.pipeline.toLowerCase()) : fallback
    if (!pipeline) {
      fail(v.pipeline ? `pipeline ${q(v.pipeline)} not found` : 'this organization has no pipeline yet')
      continue
    }
    const stage = v.stage ? pipeline.stages.find((s) => s.name.toLowerCase() === v.stage!.toLowerCase()) : pipeline.stages.find((s) => s.kind === 'OPEN')
    if (!stage) {
      fail(`stage ${q(v.stage ?? '')} not found in the pipeline ${q(pipeline.name)}`)
      continue
    }
    if (stage.kind === 'LOST') {
      fail(`${q(stage.name)} is a lost stage: a lost deal needs a reason, so import it open or won and mark it lost on the board`)
      continue
    }
    const company = v.company ? companies.resolve(v.company) : null
    if (company && !company.ok) {
      fail(company.error)
      continue
    }
    creates.push({
      id: crypto.randomUUID(),
      title: v.title,
      amountMinor: v.amountMinor,
      pipelineId: pipeline.id,
      stageId: stage.id,
      stageKind: stage.kind,
      probability: stage.probability,
      ownerId: owner.id,
      companyId: company?.id ?? null,
      expectedCloseOn: v.expectedCloseOn,
      dealType: v.dealType,
    })
    outcomes.push({ rowNumber: row.rowNumber, action: 'create', message: null })
  }

  return {
    outcomes,
    async write(tx) {
      await companies.write(tx, env)
      if (creates.length === 0) return
      const positions = await topPositions(tx, ctx.orgId, [...new Set(creates.map((d) => d.stageId))])
      const now = new Date().toISOString()
      const rows = creates.map((d) => {
        // like a deal created on the board: each new one on top of its column
        const position = positions.has(d.stageId) ? positions.get(d.stageId)! - GAP : GAP
        positions.set(d.stageId, position)
        return {
          id: d.id,
          org_id: ctx.orgId,
          title: d.title,
          amount_minor: d.amountMinor.toString(),
          currency: env.currency,
          pipeline_id: d.pipelineId,
          stage_id: d.stageId,
          status: d.stageKind === 'WON' ? 'WON' : 'OPEN',
          probability: d.probability,
          expected_close_on: d.expectedCloseOn,
          closed_at: d.stageKind === 'WON' ? now : null,
          owner_id: d.ownerId,
          company_id: d.companyId,
          deal_type: d.dealType,
          position,
        }
      })
      await insertRows(tx, 'deal', DEAL_COLUMNS, rows, { constants: { updated_at: 'now()' } })
      await logMany(
        tx,
        ctx,
        creates.map((d) => ({
          entityType: 'deal',
          entityId: d.id,
          action: 'deal.created',
          changes: { title: d.title, amountMinor: d.amountMinor.toString(), stageId: d.stageId, source: env.source },
        })),
      )
    },
  }
}

/** The top (smallest) position of each stage's live deals. */
async function topPositions(db: Db, orgId: string, stageIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ stage_id: string; top: number }[]>`
    SELECT stage_id, min(position) AS top FROM deal
    WHERE org_id = ${orgId}::uuid AND stage_id = ANY(${stageIds}::uuid[]) AND deleted_at IS NULL
    GROUP BY stage_id`
  return new Map(rows.map((r) => [r.stage_id, Number(r.top)]))
}
