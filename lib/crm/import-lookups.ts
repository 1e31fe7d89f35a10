import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { Prisma } from '@/lib/generated/prisma/client'
import { looksLikeDomain, parseDomain } from '@/lib/crm/import-fields'
import type { DuplicateMode } from '@/lib/crm/import.schema'
import { insertRows } from '@/lib/crm/import-sql'

// What the import services share: the options of a chunk, the outcome of each row, and the
// lookups a chunk does once for all its rows (members by email, companies by name or domain).

export type RowOutcome = { rowNumber: number; action: 'create' | 'update' | 'skip' | 'error'; message: string | null }

export type ChunkEnv = {
  ctx: Ctx
  currency: string
  duplicateMode: DuplicateMode
  createMissingCompanies: boolean
  /** shown on the records' timelines: "CSV import (customers.csv)" */
  source: string
}

/** A chunk's rows checked against the database; `write` then writes the good ones (reads nothing). */
export type ChunkPlan = { outcomes: RowOutcome[]; write: (db: Db) => Promise<void> }

export type SourceRow = { rowNumber: number; cells: string[] }

export const q = (text: string) => `“${text}”`

/** Audit entries for many records at once, in the transaction that writes them. */
export async function logMany(db: Db, ctx: Ctx, entries: { entityType: string; entityId: string; action: string; changes: Prisma.InputJsonValue }[]) {
  await insertRows(
    db,
    'activity_log',
    [
      { name: 'org_id', type: 'uuid' },
      { name: 'actor_id', type: 'uuid' },
      { name: 'entity_type', type: 'text' },
      { name: 'entity_id', type: 'uuid' },
      { name: 'action', type: 'text' },
      { name: 'changes', type: 'jsonb' },
    ],
    entries.map((e) => ({ org_id: ctx.orgId, actor_id: ctx.userId, entity_type: e.entityType, entity_id: e.entityId, action: e.action, changes: e.changes })),
    { constants: { id: 'gen_random_uuid()' } },
  )
}

/** Members of the organization by lower-cased email. */
export async function membersByEmail(db: Db, ctx: Ctx): Promise<Map<string, string>> {
  const rows = await db.membership.findMany({ where: { orgId: ctx.orgId }, select: { user: { select: { id: true, email: true } } } })
  return new Map(rows.map((r) => [r.user.email.toLowerCase(), r.user.id]))
}

/** The owner a row names (by email), or the importer when it names none. */
export function ownerOf(members: Map<string, string>, ctx: Ctx, email: string | null): { ok: true; id: string } | { ok: false; error: string } {
  if (!email) return { ok: true, id: ctx.userId }
  const id = members.get(email.toLowerCase())
  return id ? { ok: true, id } : { ok: false, error: `owner ${q(email)} is not a member of this organization` }
}

type CompanyRow = { id: string; name: string; domain: string | null }
export type NewCompany = { id: string; name: string; domain: string | null }

/**
 * Finds the companies a chunk's rows refer to, by domain when the reference reads as one
 * (else by name, case-insensitively; the oldest wins a tie), and plans the missing ones when
 * the user chose "create missing companies". Resolve a row's company last, once nothing else
 * can fail, so a bad row never leaves a company behind.
 */
export class CompanyResolver {
  private readonly byDomain = new Map<string, string>()
  private readonly byName = new Map<string, string>()
  readonly created: NewCompany[] = []

  private constructor(rows: CompanyRow[], private readonly createMissing: boolean) {
    for (const row of rows) {
      if (row.domain && !this.byDomain.has(row.domain)) this.byDomain.set(row.domain, row.id)
      const name = row.name.toLowerCase()
      if (!this.byName.has(name)) this.byName.set(name, row.id)
    }
  }

  static async load(db: Db, ctx: Ctx, refs: (string | null)[], createMissing: boolean) {
    const wanted = [...new Set(refs.filter((r): r is string => Boolean(r)))]
    const domains = wanted.flatMap((r) => {
      const d = parseDomain(r)
      return looksLikeDomain(r) && d.ok ? [d.value] : []
    })
    const names = wanted.map((r) => r.toLowerCase())
    const rows = wanted.length
      ? await db.$queryRaw<CompanyRow[]>`
          SELECT id, name, lower(domain) AS domain FROM company
          WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL
            AND ((domain IS NOT NULL AND lower(domain) = ANY(${domains}::text[])) OR lower(name) = ANY(${names}::text[]))
          ORDER BY created_at, id`
      : []
    return new CompanyResolver(rows, createMissing)
  }

  resolve(ref: string): { ok: true; id: string } | { ok: false; error: string } {
    const domain = looksLikeDomain(ref) ? parseDomain(ref) : null
    const id = (domain?.ok ? this.byDomain.get(domain.value) : undefined) ?? this.byName.get(ref.toLowerCase())
    if (id) return { ok: true, id }
    if (!this.createMissing) return { ok: false, error: `company ${q(ref)} not found` }
    const company: NewCompany = { id: crypto.randomUUID(), name: ref, domain: domain?.ok ? domain.value : null }
    this.created.push(company)
    if (company.domain) this.byDomain.set(company.domain, company.id)
    this.byName.set(ref.toLowerCase(), company.id)
    return { ok: true, id: company.id }
  }

  /** Creates the planned companies (before the records that point at them). */
  async write(db: Db, env: ChunkEnv) {
    if (this.created.length === 0) return
    await insertRows(
      db,
      'company',
      [
        { name: 'id', type: 'uuid' },
        { name: 'org_id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'domain', type: 'text' },
        { name: 'owner_id', type: 'uuid' },
      ],
      this.created.map((c) => ({ id: c.id, org_id: env.ctx.orgId, name: c.name, domain: c.domain, owner_id: env.ctx.userId })),
      { constants: { updated_at: 'now()' } },
    )
    await logMany(
      db,
      env.ctx,
      this.created.map((c) => ({ entityType: 'company', entityId: c.id, action: 'company.created', changes: { name: c.name, domain: c.domain, source: env.source } })),
    )
  }
}

/** {field: {from, to}} for the fields a row gives (non-null) that differ from the record. */
export function diff<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const changes: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> = {}
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined || value === current[key]) continue
    changes[key] = { from: (current[key] ?? null) as Prisma.InputJsonValue | null, to: value as Prisma.InputJsonValue }
    data[key] = value
  }
  return { changes, data: data as Partial<T> }
}
