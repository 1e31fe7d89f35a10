import 'server-only'
import type { Db } from '@/lib/db'
import type { CompanySize } from '@/lib/generated/prisma/enums'
import { readCompanyRow, type CompanyValues } from '@/lib/crm/import-rows'
import type { ColumnMapping } from '@/lib/crm/import-fields'
import { insertRows, updateRows, type Column } from '@/lib/crm/import-sql'
import { diff, logMany, membersByEmail, ownerOf, q, type ChunkEnv, type ChunkPlan, type RowOutcome, type SourceRow } from '@/lib/crm/import-lookups'

type Existing = { id: string; name: string; domain: string | null; industry: string | null; country: string | null; sizeBand: CompanySize | null; ownerId: string | null }
type Fields = Omit<Existing, 'id'>

/**
 * Companies from a chunk of rows. A row whose domain matches a live company (or an earlier
 * row of the file) is a duplicate: skipped, or the record is updated with the row's
 * non-empty cells.
 */
export async function planCompanies(db: Db, env: ChunkEnv, mapping: ColumnMapping, rows: SourceRow[]): Promise<ChunkPlan> {
  const { ctx } = env
  const read = rows.map((row) => ({ row, result: readCompanyRow(row.cells, mapping) }))
  const domains = [...new Set(read.flatMap(({ result }) => (result.ok && result.values.domain ? [result.values.domain] : [])))]
  // Sequential: a chunk runs in one transaction, whose connection takes one query at a time.
  const members = await membersByEmail(db, ctx)
  const existing = await (domains.length
      ? db.$queryRaw<(Existing & { key: string })[]>`
          SELECT id, name, domain, industry, trim(country) AS country, size_band AS "sizeBand", owner_id AS "ownerId", lower(domain) AS key
          FROM company WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND domain IS NOT NULL AND lower(domain) = ANY(${domains}::text[])`
      : Promise.resolve([]))

  /** by lower-cased domain: a record in the database, or one this chunk creates */
  const known = new Map<string, { kind: 'existing'; record: Existing; data: Partial<Fields>; changes: Record<string, unknown> } | { kind: 'new'; record: Fields & { id: string } }>()
  for (const record of existing) known.set(record.key, { kind: 'existing', record, data: {}, changes: {} })
  const creates: (Fields & { id: string })[] = []
  const outcomes: RowOutcome[] = []

  for (const { row, result } of read) {
    if (!result.ok) {
      outcomes.push({ rowNumber: row.rowNumber, action: 'error', message: result.error })
      continue
    }
    const v = result.values
    const owner = ownerOf(members, ctx, v.ownerEmail)
    if (!owner.ok) {
      outcomes.push({ rowNumber: row.rowNumber, action: 'error', message: owner.error })
      continue
    }
    const fields = toFields(v, v.ownerEmail ? owner.id : null)
    const match = v.domain ? known.get(v.domain) : undefined
    if (!match) {
      const record = { id: crypto.randomUUID(), ...fields, ownerId: owner.id }
      creates.push(record)
      if (v.domain) known.set(v.domain, { kind: 'new', record })
      outcomes.push({ rowNumber: row.rowNumber, action: 'create', message: null })
    } else if (env.duplicateMode === 'SKIP') {
      const message = match.kind === 'new' ? `an earlier row has the domain ${q(v.domain!)}` : `a company with the domain ${q(v.domain!)} already exists`
      outcomes.push({ rowNumber: row.rowNumber, action: 'skip', message })
    } else if (match.kind === 'new') {
      Object.assign(match.record, definedOnly(fields))
      outcomes.push({ rowNumber: row.rowNumber, action: 'update', message: `merged into the company of an earlier row with the domain ${q(v.domain!)}` })
    } else {
      const current = { ...match.record, ...match.data } as Existing
      const { changes, data } = diff<Fields>(current, { ...fields, domain: null })
      Object.assign(match.data, data)
      Object.assign(match.changes, changes)
      outcomes.push({ rowNumber: row.rowNumber, action: 'update', message: null })
    }
  }

  const updates = [...known.values()].flatMap((k) => (k.kind === 'existing' && Object.keys(k.data).length ? [k] : []))
  return {
    outcomes,
    async write(tx) {
      await insertRows(tx, 'company', [{ name: 'id', type: 'uuid' }, { name: 'org_id', type: 'uuid' }, { name: 'owner_id', type: 'uuid' }, ...COLUMNS], creates.map((c) => ({ ...row(c), id: c.id, org_id: ctx.orgId, owner_id: c.ownerId })), {
        constants: { updated_at: 'now()' },
      })
      await logMany(
        tx,
        ctx,
        creates.map((c) => ({ entityType: 'company', entityId: c.id, action: 'company.created', changes: { name: c.name, domain: c.domain, source: env.source } })),
      )
      await updateRows(tx, 'company', ctx.orgId, [...COLUMNS, { name: 'owner_id', type: 'uuid' }], updates.map((u) => ({ ...row(u.data), id: u.record.id, owner_id: u.data.ownerId ?? null })))
      await logMany(
        tx,
        ctx,
        updates.map((u) => ({ entityType: 'company', entityId: u.record.id, action: 'company.updated', changes: { ...(u.changes as object), source: env.source } })),
      )
    },
  }
}

const COLUMNS: Column[] = [
  { name: 'name', type: 'text' },
  { name: 'domain', type: 'text' },
  { name: 'industry', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'size_band', type: 'text', cast: '"CompanySize"' },
]

const row = (f: Partial<Fields>) => ({ name: f.name ?? null, domain: f.domain ?? null, industry: f.industry ?? null, country: f.country ?? null, size_band: f.sizeBand ?? null })

function toFields(v: CompanyValues, ownerId: string | null): Fields {
  return { name: v.name, domain: v.domain, industry: v.industry, country: v.country, sizeBand: v.sizeBand, ownerId }
}

const definedOnly = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>
