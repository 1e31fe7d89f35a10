import 'server-only'
import type { z } from 'zod'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma } from '@/lib/generated/prisma/client'
import { encodeCursor, type Cursor, type CursorValue, type ListDef, type ListParams, type SortDir } from '@/lib/crm/list-params'

// Server-side list machinery shared by the companies, contacts and deals lists and their CSV
// export. Pages are keyset pages: "the next 50 rows after (sort key, id)", which costs the
// same on row 30,000 as on row 1 (no OFFSET). The query first picks the page's ids with the
// filters (a narrow, index-friendly query) and only then joins what the rows display.

/** SQL type of a sort key: cursor values are bound as text and cast back. */
export type KeyType = 'text' | 'bool' | 'timestamptz' | 'date' | 'int4' | 'int8' | 'float8' | 'uuid'

/** One part of a column's sort order. A nullable key sorts its NULLs last in both directions. */
export type SortKey = { sql: Prisma.Sql; type: KeyType; nullable?: boolean }

export type ListSpec<F extends z.ZodRawShape, Row> = {
  def: ListDef<F>
  /** the table's name, for its row estimate */
  tableName: 'company' | 'contact' | 'deal'
  /** the table and its alias, e.g. Prisma.sql`company c`, and that alias */
  table: Prisma.Sql
  alias: string
  /** joins the filters or sort keys need, for the page query */
  joins?: Prisma.Sql
  /**
   * joins the count needs for these filters (usually none). Kept apart: even a LEFT JOIN the
   * planner removes leaves its columns needed, which rules out an index-only count.
   */
  countJoins?: (params: ListParams<F>) => Prisma.Sql | null
  /** the conditions of the filters and the search (org and trash are added here) */
  where: (ctx: Ctx, params: ListParams<F>) => Prisma.Sql[]
  /** sort keys per sortable column */
  sorts: Record<string, SortKey[]>
  /** the row's columns, over `alias` and `displayJoins` */
  select: Prisma.Sql
  displayJoins?: Prisma.Sql
  toRow: (raw: Record<string, unknown>) => Row
}

/**
 * "of N": exact, or "about N" (the planner's statistics, for a large unfiltered list), or
 * "more than N" (a filtered list is counted up to COUNT_CAP rows and no further).
 */
export type ListTotal = { value: number; kind: 'exact' | 'about' | 'atLeast' }

export type ListPage<Row> = {
  rows: Row[]
  /** 0-based number of the first row */
  from: number
  total: ListTotal
  prevCursor: string | null
  nextCursor: string | null
}

type Key = { sql: Prisma.Sql; type: KeyType; dir: SortDir }

const ZERO: Record<KeyType, string> = {
  text: '',
  bool: 'false',
  timestamptz: '1970-01-01T00:00:00Z',
  date: '1970-01-01',
  int4: '0',
  int8: '0',
  float8: '0',
  uuid: '00000000-0000-0000-0000-000000000000',
}

/** The full ordering: the column's keys (a NULL flag before each nullable one), then the id. */
function orderKeys<F extends z.ZodRawShape, Row>(spec: ListSpec<F, Row>, sort: string, dir: SortDir): Key[] {
  const keys: Key[] = []
  for (const key of spec.sorts[sort] ?? []) {
    if (key.nullable) {
      keys.push({ sql: Prisma.sql`(${key.sql} IS NULL)`, type: 'bool', dir: 'asc' })
      keys.push({ sql: Prisma.sql`coalesce(${key.sql}, ${Prisma.raw(`'${ZERO[key.type]}'::${key.type}`)})`, type: key.type, dir })
    } else keys.push({ sql: key.sql, type: key.type, dir })
  }
  // The id breaks ties; ascending always, so it matches the (…, id) indexes in both directions.
  keys.push({ sql: Prisma.sql`${Prisma.raw(spec.alias)}.id`, type: 'uuid', dir: 'asc' })
  return keys
}

const flip = (keys: Key[]): Key[] => keys.map((k) => ({ ...k, dir: k.dir === 'asc' ? 'desc' : 'asc' }))

/** A cursor value must have its key's type; anything else (a hand-edited URL) is no cursor at all. */
function validValue(value: CursorValue, type: KeyType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string'
    case 'uuid':
      return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value)
    case 'bool':
      return typeof value === 'boolean'
    case 'int4':
    case 'int8':
      return typeof value === 'string' && /^-?\d{1,19}$/.test(value)
    case 'float8':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    case 'timestamptz':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value))
  }
}

/**
 * Rows strictly after the cursor in the order of `keys`:
 * k1 ≥ v1 AND (k1 > v1 OR (k1 = v1 AND (k2 > v2 OR …))) — the leading range lets an index seek.
 */
function keysetAfter(keys: Key[], cursor: Cursor): Prisma.Sql | null {
  const values = [...cursor.keys, cursor.id]
  if (values.length !== keys.length) return null
  if (!keys.every((k, i) => validValue(values[i]!, k.type))) return null
  const param = (i: number) => Prisma.sql`${String(values[i])}::${Prisma.raw(keys[i]!.type)}`
  const op = (k: Key) => Prisma.raw(k.dir === 'asc' ? '>' : '<')
  let expr: Prisma.Sql | null = null
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!
    const strict = Prisma.sql`${k.sql} ${op(k)} ${param(i)}`
    expr = expr ? Prisma.sql`(${strict} OR (${k.sql} = ${param(i)} AND ${expr}))` : strict
  }
  const first = keys[0]!
  return Prisma.sql`${first.sql} ${Prisma.raw(first.dir === 'asc' ? '>=' : '<=')} ${param(0)} AND ${expr}`
}

function conditions<F extends z.ZodRawShape, Row>(spec: ListSpec<F, Row>, ctx: Ctx, params: ListParams<F>) {
  const a = Prisma.raw(spec.alias)
  return [
    Prisma.sql`${a}.org_id = ${ctx.orgId}::uuid`,
    params.trash ? Prisma.sql`${a}.deleted_at IS NOT NULL` : Prisma.sql`${a}.deleted_at IS NULL`,
    ...spec.where(ctx, params),
  ]
}

/** The cursor of a fetched row: its sort-key values (as the cursor stores them) and its id. */
function rowCursor(keys: Key[], raw: Record<string, unknown>): Cursor {
  const values = keys.map((k, i): CursorValue => {
    const v = raw[`__k${i}`]
    if (v instanceof Date) return k.type === 'date' ? v.toISOString().slice(0, 10) : v.toISOString()
    if (typeof v === 'bigint' || typeof v === 'number') return String(v)
    return v as CursorValue
  })
  return { keys: values.slice(0, -1), id: String(values.at(-1)) }
}

/** One page of ids (with their sort-key values), then the rows those ids display. */
async function fetchPage<F extends z.ZodRawShape, Row>(
  db: Db,
  spec: ListSpec<F, Row>,
  ctx: Ctx,
  params: ListParams<F>,
  keys: Key[],
  cursor: Cursor | null,
  limit: number,
) {
  const where = conditions(spec, ctx, params)
  if (cursor) {
    const after = keysetAfter(keys, cursor)
    if (after) where.push(after)
  }
  const a = Prisma.raw(spec.alias)
  const keyCols = Prisma.join(keys.map((k, i) => Prisma.sql`${k.sql} AS ${Prisma.raw(`__k${i}`)}`), ', ')
  const order = Prisma.join(keys.map((k) => Prisma.sql`${k.sql} ${Prisma.raw(k.dir)}`), ', ')
  const outerKeys = Prisma.join(keys.map((_, i) => Prisma.raw(`page.__k${i}`)), ', ')
  const outerOrder = Prisma.join(keys.map((k, i) => Prisma.raw(`page.__k${i} ${k.dir}`)), ', ')
  return db.$queryRaw<Record<string, unknown>[]>`
    WITH page AS MATERIALIZED (
      SELECT ${a}.id AS __id, ${keyCols}
      FROM ${spec.table} ${spec.joins ?? Prisma.empty}
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY ${order}
      LIMIT ${limit}
    )
    SELECT ${outerKeys}, ${spec.select}
    FROM page JOIN ${spec.table} ON ${a}.id = page.__id ${spec.displayJoins ?? Prisma.empty}
    ORDER BY ${outerOrder}`
}

/** Counting every row of a big list costs as much as reading it: stop here. */
export const COUNT_CAP = 10_000

/** How many rows the filters match, counting at most `cap` of them. */
export async function countRows<F extends z.ZodRawShape, Row>(db: Db, spec: ListSpec<F, Row>, ctx: Ctx, params: ListParams<F>, cap?: number): Promise<number> {
  const joins = spec.countJoins?.(params) ?? Prisma.empty
  const matching = Prisma.sql`SELECT 1 FROM ${spec.table} ${joins} WHERE ${Prisma.join(conditions(spec, ctx, params), ' AND ')}`
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (${matching} ${cap === undefined ? Prisma.empty : Prisma.sql`LIMIT ${cap + 1}`}) m`
  return Number(row?.n ?? 0)
}

/**
 * The organization's rows in the table, from the planner's statistics (table size times the
 * organization's share among the most common org_ids): no scan at all. null when unknown.
 */
async function estimateRows(db: Db, table: string, ctx: Ctx): Promise<number | null> {
  const [row] = await db.$queryRaw<{ estimate: number | null }[]>`
    SELECT (c.reltuples * s.most_common_freqs[array_position(s.most_common_vals::text::uuid[], ${ctx.orgId}::uuid)])::float8 AS estimate
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'org_id'
    WHERE c.relname = ${table}`
  return row?.estimate && row.estimate > 0 ? Math.round(row.estimate) : null
}

const isUnfiltered = (params: ListParams) => !params.q && !params.trash && Object.values(params.filters).every((v) => v === undefined)

/** A large unfiltered list is estimated, a large filtered one counted up to COUNT_CAP; small ones exactly. */
export async function listTotal<F extends z.ZodRawShape, Row>(db: Db, spec: ListSpec<F, Row>, ctx: Ctx, params: ListParams<F>): Promise<ListTotal> {
  if (isUnfiltered(params)) {
    const estimate = await estimateRows(db, spec.tableName, ctx)
    if (estimate !== null && estimate > COUNT_CAP) return { value: Number(estimate.toPrecision(3)), kind: 'about' }
  }
  const n = await countRows(db, spec, ctx, params, COUNT_CAP)
  return n > COUNT_CAP ? { value: COUNT_CAP, kind: 'atLeast' } : { value: n, kind: 'exact' }
}

/**
 * The page the URL asks for: the first, the one after or before a cursor, or the last.
 * Runs the page query and the count side by side (the last page needs the count first).
 */
export async function listPage<F extends z.ZodRawShape, Row>(db: Db, spec: ListSpec<F, Row>, ctx: Ctx, params: ListParams<F>): Promise<ListPage<Row>> {
  const keys = orderKeys(spec, params.sort, params.dir)
  const size = params.size

  if (params.last) {
    // The last page lines up with the row numbers, so it needs the exact count (asked for rarely).
    const count = await countRows(db, spec, ctx, params)
    const raw = (await fetchPage(db, spec, ctx, params, flip(keys), null, count % size || size)).reverse()
    const from = Math.max(count - raw.length, 0)
    return finish(spec, keys, raw, { from, total: { value: count, kind: 'exact' }, hasPrev: from > 0, hasNext: false })
  }

  if (params.before) {
    const [raw, total] = await Promise.all([fetchPage(db, spec, ctx, params, flip(keys), params.before, size + 1), listTotal(db, spec, ctx, params)])
    // Fewer rows before the cursor than a page: that is the first page (rows were added or removed meanwhile).
    if (raw.length <= size) return listPage(db, spec, ctx, { ...params, before: null, from: 0 })
    const rows = raw.slice(0, size).reverse()
    return finish(spec, keys, rows, { from: params.from, total: atLeast(total, params.from + rows.length + 1), hasPrev: true, hasNext: true })
  }

  const [raw, total] = await Promise.all([fetchPage(db, spec, ctx, params, keys, params.after, size + 1), listTotal(db, spec, ctx, params)])
  const from = params.after ? params.from : 0
  const rows = raw.slice(0, size)
  const hasNext = raw.length > size
  return finish(spec, keys, rows, { from, total: atLeast(total, from + rows.length + (hasNext ? 1 : 0)), hasPrev: Boolean(params.after), hasNext })
}

/** A total never below the rows we know exist (an estimate or a count racing with inserts). */
function atLeast(total: ListTotal, seen: number): ListTotal {
  return total.value >= seen ? total : { value: seen, kind: total.kind }
}

function finish<F extends z.ZodRawShape, Row>(
  spec: ListSpec<F, Row>,
  keys: Key[],
  raw: Record<string, unknown>[],
  page: { from: number; total: ListTotal; hasPrev: boolean; hasNext: boolean },
): ListPage<Row> {
  const first = raw[0]
  const last = raw.at(-1)
  return {
    rows: raw.map(spec.toRow),
    from: page.from,
    total: page.total,
    prevCursor: page.hasPrev && first ? encodeCursor(rowCursor(keys, first)) : null,
    nextCursor: page.hasNext && last ? encodeCursor(rowCursor(keys, last)) : null,
  }
}

/** Every row the filters match, in the list's order, `batch` rows per query (for the CSV export). */
export async function* allRows<F extends z.ZodRawShape, Row>(db: Db, spec: ListSpec<F, Row>, ctx: Ctx, params: ListParams<F>, batch = 1000): AsyncGenerator<Row[]> {
  const keys = orderKeys(spec, params.sort, params.dir)
  let cursor: Cursor | null = null
  for (;;) {
    const raw = await fetchPage(db, spec, ctx, params, keys, cursor, batch)
    if (raw.length > 0) yield raw.map(spec.toRow)
    if (raw.length < batch) return
    cursor = rowCursor(keys, raw.at(-1)!)
  }
}

/** LIKE pattern for "contains", with the user's % and _ taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The owner filter: "mine", "none" (unowned) or a user id. */
export function ownerCondition(column: Prisma.Sql, owner: string, ctx: Ctx): Prisma.Sql {
  if (owner === 'none') return Prisma.sql`${column} IS NULL`
  return Prisma.sql`${column} = ${owner === 'mine' ? ctx.userId : owner}::uuid`
}
