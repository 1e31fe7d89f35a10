import { createHash } from 'node:crypto'
import { Prisma } from '@/lib/generated/prisma/client'

const EACH_RUN = '/* planned each run */'

/**
 * Put at the start of a statement whose best plan depends on its parameters' values (an
 * analytic query over a range of dates): it stays unnamed, so Postgres plans it for the values
 * of each run instead of settling on a generic plan. Planning is a small share of such a query.
 */
export const plannedEachRun = Prisma.raw(EACH_RUN)

/**
 * Whether a statement may be prepared at all: it has parameters (a statement without them may
 * hold several commands, which a prepared statement cannot) and does not ask to be planned each run.
 */
export const preparable = (sql: string, parameters: number) => parameters > 0 && !sql.startsWith(EACH_RUN)

/**
 * Names for the statements Prisma sends, so each pooled connection prepares a hot statement once
 * and Postgres can keep its plan (ADR 0016). Unnamed, as Prisma's pg adapter sends them by
 * default, every statement is parsed and planned on every run, and the joined selects behind a
 * page take as long to plan as to run.
 *
 * A statement is named from its `after`-th run on (one-off statements stay unnamed), by a hash
 * of its text, so every connection uses the same name for it. At most `max` statements get
 * names: a connection keeps what it prepared until it closes, as the statement caches of JDBC's
 * driver and of Prisma's former query engine did. Statements that are not `preparable` stay unnamed.
 */
export function statementNamer({ after = 3, max = 256 }: { after?: number; max?: number } = {}) {
  const seen = new Map<string, number>()
  const named = new Map<string, string>()
  return (query: { sql: string; args: unknown[] }): string => {
    const known = named.get(query.sql)
    if (known !== undefined) return known
    if (named.size >= max || !preparable(query.sql, query.args.length)) return ''
    const runs = (seen.get(query.sql) ?? 0) + 1
    if (runs < after) {
      if (seen.size >= 4 * max) seen.clear()
      seen.set(query.sql, runs)
      return ''
    }
    seen.delete(query.sql)
    const name = `baton_${createHash('sha1').update(query.sql).digest('base64url').slice(0, 22)}`
    named.set(query.sql, name)
    return name
  }
}
