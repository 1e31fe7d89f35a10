import 'server-only'
import type { Db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'

// Batched writes for project creation and re-dating: every table's rows travel as one JSON
// parameter and all the tables are written by ONE statement (data-modifying CTEs), so creating
// a 40-task project or moving 200 tasks costs one round trip, whatever the row count. Foreign
// keys are checked at the end of the statement, so a child may be written next to its parent.
// Table and column names come from this code, never from input.

export type Column = {
  /** the column, snake_case as in the database */
  name: string
  /** its type in the JSON record ("text", "uuid", "int", "float8", "date", "boolean") */
  type: string
  /** a cast after reading, for enums: '"ColumnKind"' */
  cast?: string
  /** what is written instead of the value itself: a SQL expression of it (`r."<name>"`) */
  expr?: string
}

export type TableRows = {
  table: string
  columns: Column[]
  rows: Record<string, unknown>[]
  /** SQL expressions written here for columns every row shares, e.g. { updated_at: 'now()' } */
  constants?: Record<string, string>
}

/**
 * `created_at` for rows that must keep their order (audit entries, outbox events): the row's
 * index in the batch, written as the transaction's time plus that many milliseconds.
 */
export const CREATED_IN_ORDER: Column = { name: 'created_at', type: 'int', expr: `now() + r."created_at" * interval '1 millisecond'` }

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not an identifier: ${name}`)
  return `"${name}"`
}

const recordset = (rows: Record<string, unknown>[], columns: Column[]) =>
  Prisma.sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${Prisma.raw(columns.map((c) => `${ident(c.name)} ${c.type}`).join(', '))})`

const read = (c: Column) => c.expr ?? `r.${ident(c.name)}${c.cast ? `::${c.cast}` : ''}`

function insertSql({ table, columns, rows, constants = {} }: TableRows) {
  const names = [...columns.map((c) => ident(c.name)), ...Object.keys(constants).map(ident)]
  const values = [...columns.map(read), ...Object.values(constants)]
  return Prisma.sql`INSERT INTO ${Prisma.raw(ident(table))} (${Prisma.raw(names.join(', '))}) SELECT ${Prisma.raw(values.join(', '))} FROM ${recordset(rows, columns)}`
}

/** Inserts the rows of several tables in one statement. Tables without rows are skipped. */
export async function insertTogether(db: Db, tables: TableRows[]): Promise<void> {
  const parts = tables.filter((t) => t.rows.length > 0)
  if (parts.length === 0) return
  const ctes = parts.map((part, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${insertSql(part)})`)
  await db.$executeRaw`WITH ${Prisma.join(ctes, ', ')} SELECT 1`
}

export type RowUpdate = {
  table: string
  /** the key column ("id") first, then the columns to set */
  columns: Column[]
  rows: Record<string, unknown>[]
  /** extra SET clauses written here, e.g. ['"version" = t."version" + 1'] */
  also?: string[]
  /** every row must belong to this organization (and project, when given) */
  orgId: string
  projectId?: string
}

function updateSql({ table, columns, rows, also = [], orgId, projectId }: RowUpdate) {
  const [key, ...set] = columns
  if (!key) throw new Error('An update needs a key column')
  const sets = [...set.map((c) => `${ident(c.name)} = ${read(c)}`), ...also]
  return Prisma.sql`UPDATE ${Prisma.raw(ident(table))} AS t SET ${Prisma.raw(sets.join(', '))}
    FROM ${recordset(rows, columns)}
    WHERE t.${Prisma.raw(ident(key.name))} = ${Prisma.raw(read(key))} AND t.org_id = ${orgId}::uuid
    ${projectId ? Prisma.sql`AND t.project_id = ${projectId}::uuid` : Prisma.empty}`
}

/**
 * Updates rows of several tables (UPDATE … FROM the JSON rows) in one statement and returns
 * how many rows of each were changed, in the order given.
 */
export async function updateTogether(db: Db, updates: RowUpdate[]): Promise<number[]> {
  const parts = updates.map((u, index) => ({ u, index })).filter(({ u }) => u.rows.length > 0)
  const counts = updates.map(() => 0)
  if (parts.length === 0) return counts
  const ctes = parts.map(({ u, index }) => Prisma.sql`${Prisma.raw(`u${index}`)} AS (${updateSql(u)} RETURNING 1)`)
  const selects = parts.map(({ index }) => `(SELECT count(*)::int FROM u${index}) AS c${index}`)
  const [row] = await db.$queryRaw<Record<string, number>[]>`WITH ${Prisma.join(ctes, ', ')} SELECT ${Prisma.raw(selects.join(', '))}`
  for (const { index } of parts) counts[index] = Number(row?.[`c${index}`] ?? 0)
  return counts
}
