import 'server-only'
import type { Db } from '@/lib/db'
import { readContactRow } from '@/lib/crm/import-rows'
import type { ColumnMapping } from '@/lib/crm/import-fields'
import { insertRows, updateRows, type Column } from '@/lib/crm/import-sql'
import { CompanyResolver, diff, logMany, membersByEmail, ownerOf, q, type ChunkEnv, type ChunkPlan, type RowOutcome, type SourceRow } from '@/lib/crm/import-lookups'

type Fields = { firstName: string; lastName: string; email: string | null; phone: string | null; jobTitle: string | null; companyId: string | null; ownerId: string | null }
type Existing = Fields & { id: string }

/**
 * Contacts from a chunk of rows. A row whose email matches a live contact (or an earlier row
 * of the file) is a duplicate: skipped, or the contact is updated with the row's non-empty cells.
 */
export async function planContacts(db: Db, env: ChunkEnv, mapping: ColumnMapping, rows: SourceRow[]): Promise<ChunkPlan> {
  const { ctx } = env
  const read = rows.map((row) => ({ row, result: readContactRow(row.cells, mapping) }))
  const good = read.flatMap(({ result }) => (result.ok ? [result.values] : []))
  const emails = [...new Set(good.flatMap((v) => (v.email ? [v.email.toLowerCase()] : [])))]
  // Sequential: a chunk runs in one transaction, whose connection takes one query at a time.
  const members = await membersByEmail(db, ctx)
  const companies = await CompanyResolver.load(db, ctx, good.map((v) => v.company), env.createMissingCompanies)
  const existing = await (emails.length
      ? db.$queryRaw<(Existing & { key: string })[]>`
          SELECT id, first_name AS "firstName", last_name AS "lastName", email, phone, job_title AS "jobTitle",
                 company_id AS "companyId", owner_id AS "ownerId", lower(email) AS key
          FROM contact WHERE org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL AND email IS NOT NULL AND lower(email) = ANY(${emails}::text[])`
      : Promise.resolve([]))

  const known = new Map<string, { kind: 'existing'; record: Existing; data: Partial<Fields>; changes: Record<string, unknown> } | { kind: 'new'; record: Existing }>()
  for (const record of existing) known.set(record.key, { kind: 'existing', record, data: {}, changes: {} })
  const creates: Existing[] = []
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
    const key = v.email?.toLowerCase()
    const match = key ? known.get(key) : undefined
    if (match && env.duplicateMode === 'SKIP') {
      const message = match.kind === 'new' ? `an earlier row has the email ${q(v.email!)}` : `a contact with the email ${q(v.email!)} already exists`
      outcomes.push({ rowNumber: row.rowNumber, action: 'skip', message })
      continue
    }
    // last: a missing company is only created for a row that is written
    const company = v.company ? companies.resolve(v.company) : null
    if (company && !company.ok) {
      fail(company.error)
      continue
    }
    const fields: Fields = {
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email,
      phone: v.phone,
      jobTitle: v.jobTitle,
      companyId: company?.id ?? null,
      ownerId: v.ownerEmail ? owner.id : null,
    }
    if (!match) {
      const record = { ...fields, id: crypto.randomUUID(), ownerId: owner.id }
      creates.push(record)
      if (key) known.set(key, { kind: 'new', record })
      outcomes.push({ rowNumber: row.rowNumber, action: 'create', message: null })
    } else if (match.kind === 'new') {
      for (const [k, value] of Object.entries(fields)) if (value !== null && value !== '') Object.assign(match.record, { [k]: value })
      outcomes.push({ rowNumber: row.rowNumber, action: 'update', message: `merged into the contact of an earlier row with the email ${q(v.email!)}` })
    } else {
      const { changes, data } = diff<Fields>({ ...match.record, ...match.data }, {
        ...fields,
        email: undefined,
        firstName: fields.firstName || undefined,
        lastName: fields.lastName || undefined,
      })
      Object.assign(match.data, data)
      Object.assign(match.changes, changes)
      outcomes.push({ rowNumber: row.rowNumber, action: 'update', message: null })
    }
  }

  const updates = [...known.values()].flatMap((k) => (k.kind === 'existing' && Object.keys(k.data).length ? [k] : []))
  return {
    outcomes,
    async write(tx) {
      await companies.write(tx, env)
      await insertRows(tx, 'contact', [{ name: 'id', type: 'uuid' }, { name: 'org_id', type: 'uuid' }, ...COLUMNS], creates.map((c) => ({ ...row(c), id: c.id, org_id: ctx.orgId })), {
        constants: { updated_at: 'now()' },
      })
      await logMany(
        tx,
        ctx,
        creates.map((c) => ({
          entityType: 'contact',
          entityId: c.id,
          action: 'contact.created',
          changes: { name: `${c.firstName} ${c.lastName}`.trim(), email: c.email, companyId: c.companyId, source: env.source },
        })),
      )
      await updateRows(tx, 'contact', ctx.orgId, COLUMNS, updates.map((u) => ({ ...row(u.data), id: u.record.id })))
      await logMany(
        tx,
        ctx,
        updates.map((u) => ({ entityType: 'contact', entityId: u.record.id, action: 'contact.updated', changes: { ...(u.changes as object), source: env.source } })),
      )
    },
  }
}

const COLUMNS: Column[] = [
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'job_title', type: 'text' },
  { name: 'company_id', type: 'uuid' },
  { name: 'owner_id', type: 'uuid' },
]

const row = (f: Partial<Fields>) => ({
  first_name: f.firstName ?? null,
  last_name: f.lastName ?? null,
  email: f.email ?? null,
  phone: f.phone ?? null,
  job_title: f.jobTitle ?? null,
  company_id: f.companyId ?? null,
  owner_id: f.ownerId ?? null,
})
