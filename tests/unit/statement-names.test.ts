import { describe, expect, it } from 'vitest'
import { plannedEachRun, statementNamer } from '@/lib/statement-names'

const query = (sql: string, args: unknown[] = [1]) => ({ sql, args })

describe('statementNamer', () => {
  it('names a statement from its third run on, with the same name every time', () => {
    const name = statementNamer()
    const select = query('SELECT * FROM deal WHERE id = $1')
    expect([name(select), name(select)]).toEqual(['', ''])
    const third = name(select)
    expect(third).toMatch(/^baton_[\w-]{22}$/)
    expect(name(select)).toBe(third)
    // another process (another namer) gives the statement the same name
    const other = statementNamer({ after: 1 })
    expect(other(select)).toBe(third)
  })

  it('gives different statements different names', () => {
    const name = statementNamer({ after: 1 })
    expect(name(query('SELECT 1 WHERE $1'))).not.toBe(name(query('SELECT 2 WHERE $1')))
  })

  it('leaves statements without parameters unnamed (they may hold several commands)', () => {
    const name = statementNamer({ after: 1 })
    expect(name(query('SET a = 1; SET b = 2', []))).toBe('')
  })

  it('names at most `max` statements; the rest stay unnamed', () => {
    const name = statementNamer({ after: 1, max: 2 })
    const first = name(query('SELECT $1::int'))
    name(query('SELECT $1::text'))
    expect(name(query('SELECT $1::date'))).toBe('')
    expect(name(query('SELECT $1::int'))).toBe(first)
  })

  it('leaves statements that start with plannedEachRun unnamed (Postgres plans them for each run’s values)', () => {
    const name = statementNamer({ after: 1 })
    const sql = `${plannedEachRun.sql}\n    WITH won AS (SELECT 1 WHERE $1) SELECT * FROM won`
    expect(name(query(sql))).toBe('')
    expect(name(query(sql))).toBe('')
  })
})
