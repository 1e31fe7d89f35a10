import 'server-only'
import type { Db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'

// Batched writes for the import: one INSERT ... SELECT (or UPDATE ... FROM) over a JSON array
// of rows, instead of Prisma's createMany, which spends most of a 500-row chunk building and
// binding thousands of parameters. Table and column names come from this code, never from input;
// the rows travel as one JSON parameter.

export type Column = {
  /** the column, snake_case as in the database */
  name: string
  /** its type in the JSON record ("text", "uuid", "bigint", "date", "text[]", "jsonb" …) */
  type: string
  /** a cast after reading, for enums: '"CompanySize"' */
  cast?: string
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a column name: ${name}`)
  return `"${name}"`
}

const json = (rows: Record<string, unknown>[]) => JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v))

const recordset = (rows: Record<string, unknown>[], columns: Column[]) =>
  Prisma.sql`jsonb_to_recordset(${json(rows)}::jsonb) AS r(${Prisma.raw(columns.map((c) => `${ident(c.name)} ${c.type}`).join(', '))})`

const read = (c: Column) => `r.${ident(c.name)}${c.cast ? `::${c.cast}` : ''}`

/**
 * INSERT INTO table (columns…, constant columns…) SELECT … FROM the rows. `constants` are SQL
 * expressions written here (e.g. { updated_at: 'now()' }). Returns the number of rows inserted.
 */
export async function insertRows(
  db: Db,
  table: string,
  columns: Column[],
  rows: Record<string, unknown>[],
  { constants = {}, onConflictDoNothing = false }: { constants?: Record<string, string>; onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0
  const names = [...columns.map((c) => ident(c.name)), ...Object.keys(constants).map(ident)]
  const values = [...columns.map(read), ...Object.values(constants)]
  return db.$executeRaw`
    INSERT INTO ${Prisma.raw(ident(table))} (${Prisma.raw(names.join(', '))})
    SELECT ${Prisma.raw(values.join(', '))} FROM ${recordset(rows, columns)}
    ${onConflictDoNothing ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}`
}

/**
 * UPDATE table SET column = coalesce(row value, current value) … for rows matched by id within
 * the organization and alive: a null in a row leaves that column as it is.
 */
export async function updateRows(db: Db, table: string, orgId: string, columns: Column[], rows: ({ id: string } & Record<string, unknown>)[]): Promise<number> {
  if (rows.length === 0) return 0
  const all: Column[] = [{ name: 'id', type: 'uuid' }, ...columns]
  const sets = columns.map((c) => `${ident(c.name)} = coalesce(${read(c)}, t.${ident(c.name)})`)
  return db.$executeRaw`
    UPDATE ${Prisma.raw(ident(table))} AS t SET ${Prisma.raw([...sets, '"updated_at" = now()'].join(', '))}
    FROM ${recordset(rows, all)}
    WHERE t.id = r.id AND t.org_id = ${orgId}::uuid AND t.deleted_at IS NULL`
}
