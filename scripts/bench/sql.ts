// The floor and the index check. A service call runs once on a Prisma client whose pg pool
// records every statement (text + bound values, exactly as the driver sends them); the
// statements are then replayed on a plain pg connection (the floor: the database's own time
// for that work, round trips included) and EXPLAIN (ANALYZE, BUFFERS)-ed (which scans, which indexes).
import pg from 'pg'
import { createPool, prismaOn } from '../../lib/db'
import { preparable } from '../../lib/statement-names'

export type Statement = { text: string; values: unknown[] }

/** Transaction control is not the work being measured; replays wrap writes in their own BEGIN/ROLLBACK. */
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION|DEALLOCATE)\b/i

/** Tables too big for a sequential scan on a hot path: one fails the bench. */
export const BIG_TABLES = ['deal', 'company', 'contact', 'activity', 'activity_log', 'deal_line_item', 'deal_contact', 'project', 'task', 'milestone']

export function capturingPrisma(url: string) {
  let recording: Statement[] | null = null
  // the app's pool (its connection setup runs first, before recording starts)
  const pool = createPool(url, 4)
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown
    ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (recording && config && typeof config === 'object' && 'text' in config) {
        const { text, values } = config as { text: string; values?: unknown[] }
        if (!CONTROL.test(text)) recording.push({ text, values: values ?? [] })
      } else if (recording && typeof config === 'string' && !CONTROL.test(config)) {
        recording.push({ text: config, values: Array.isArray(rest[0]) ? (rest[0] as unknown[]) : [] })
      }
      return query(config, ...rest)
    }
  })
  const prisma = prismaOn(pool)
  return {
    prisma,
    pool,
    /** Runs `work` and returns the statements it sent (in order). */
    async capture(work: () => Promise<unknown>): Promise<Statement[]> {
      recording = []
      try {
        await work()
        return recording
      } finally {
        recording = null
      }
    },
  }
}

/** Time of one sequential replay of the statements, in ms; writes run inside BEGIN ... ROLLBACK (not timed). */
export async function replay(client: pg.Client, statements: Statement[], writes: boolean): Promise<number> {
  if (writes) await client.query('BEGIN')
  try {
    const started = performance.now()
    for (const s of statements) await client.query(s.text, s.values as unknown[])
    return performance.now() - started
  } finally {
    if (writes) await client.query('ROLLBACK')
  }
}

export type Scan = { node: string; relation?: string; index?: string }
export type Explained = {
  sql: string
  planningMs: number
  executionMs: number
  scans: Scan[]
  /** sequential scans over BIG_TABLES */
  seqScans: string[]
  /** the same in the generic plan Postgres may keep for the prepared statement (ADR 0016); null when it cannot plan one */
  genericSeqScans: string[] | null
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

function scansOf(node: PlanNode, out: Scan[] = []): Scan[] {
  if (/Scan$/.test(node['Node Type']) && (node['Relation Name'] || node['Index Name'])) {
    out.push({ node: node['Node Type'], relation: node['Relation Name'], index: node['Index Name'] })
  }
  for (const child of node.Plans ?? []) scansOf(child, out)
  return out
}

const bigSeqScans = (scans: Scan[]) => scans.filter((x) => x.node === 'Seq Scan' && x.relation && BIG_TABLES.includes(x.relation)).map((x) => x.relation!)

/** Big tables the statement's generic plan (no parameter values) scans sequentially; null for a statement the app never prepares or one Postgres cannot plan without its parameters' types. */
async function genericSeqScans(client: pg.Client, s: Statement): Promise<string[] | null> {
  if (!preparable(s.text, s.values.length)) return null
  await client.query('SAVEPOINT generic')
  try {
    const { rows } = await client.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${s.text}`)
    return bigSeqScans(scansOf((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan))
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT generic')
    return null
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, inside a rolled-back transaction (writes are undone). */
export async function explain(client: pg.Client, statements: Statement[]): Promise<Explained[]> {
  const results: Explained[] = []
  await client.query('BEGIN')
  try {
    for (const s of statements) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`, s.values as unknown[])
      const [plan] = rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }[]
      const scans = scansOf(plan!.Plan)
      const generic = await genericSeqScans(client, s)
      results.push({
        sql: s.text.replace(/\s+/g, ' ').trim(),
        planningMs: plan!['Planning Time'],
        executionMs: plan!['Execution Time'],
        scans,
        seqScans: bigSeqScans(scans),
        genericSeqScans: generic,
      })
    }
  } finally {
    await client.query('ROLLBACK')
  }
  return results
}

/** The plan in text form, for the report when a query scans a big table. */
export async function explainText(client: pg.Client, statement: Statement) {
  await client.query('BEGIN')
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values as unknown[])
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')
  } finally {
    await client.query('ROLLBACK')
  }
}
