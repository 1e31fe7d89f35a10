// Measures one hot path: its SQL floor and index check (from the captured statements of its
// service, or its stand-in SQL), its service time in this process, and its HTTP time.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { root } from '../lib/run'
import { explain, explainText, replay, type Explained, type Statement, type capturingPrisma } from './sql'
import { percentile } from './stats'
import { stealMeter } from './steal'
import { timedGet, type Server, type Session } from './server'
import type { Fixtures, HotPath, Persona } from './types'

export type Settings = { runs: number; warmup: number }

export type Timing = { p50: number; p95: number; samples: number[] }
export type PathResult = {
  suite: string
  name: string
  measure: HotPath['measure']
  budgetMs: number
  /** the measured server time (HTTP or service, per `measure`), or why there is none */
  main: (Timing & { what: string; bytes?: number; serverTimingP50?: number | null }) | { na: string }
  /** the service call timed in this process (Prisma included) */
  service: Timing | null
  /** sequential replay of the statements on a raw pg connection */
  floor: (Timing & { statements: number; source: 'service' | 'stand-in SQL' | 'hand-written SQL' }) | null
  explain: Explained[]
  seqScans: string[]
  result: 'pass' | 'FAIL' | 'n/a'
  problems: string[]
  warnings: string[]
  /** plans in text form for the statements that scan a big table sequentially */
  plans: string[]
  /** the share of busy CPU time the virtual machine's host took while this path was measured */
  stolen: number | null
}

export type Harness = {
  fixtures: Fixtures
  capture: ReturnType<typeof capturingPrisma>
  sql: pg.Client
  server: Server | null
  sessions: Record<Persona, Session> | null
  settings: Settings
  /** when the production build was made (ms since epoch), to spot pages created after it */
  builtAt: number | null
}

class Rollback extends Error {}

async function timeRuns(settings: Settings, run: (i: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = []
  for (let i = 0; i < settings.warmup + settings.runs; i++) {
    const started = performance.now()
    await run(i)
    if (i >= settings.warmup) samples.push(performance.now() - started)
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.map((s) => Math.round(s * 100) / 100) }
}

function callService(p: HotPath, prisma: PrismaClient, f: Fixtures, i: number) {
  return p.transaction ? prisma.$transaction((tx) => p.service!(tx, f, i)) : p.service!(prisma, f, i)
}

async function statementsOf(p: HotPath, h: Harness): Promise<{ statements: Statement[]; source: 'service' | 'stand-in SQL' } | null> {
  if (p.service) {
    const statements = await h.capture.capture(async () => {
      if (!p.transaction) return p.service!(h.capture.prisma, h.fixtures, 0)
      // A write is captured from a run that is rolled back, so replaying it finds the same rows.
      await h.capture.prisma
        .$transaction(async (tx) => {
          await p.service!(tx, h.fixtures, 0)
          throw new Rollback()
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error
        })
    })
    return { statements, source: 'service' }
  }
  if (p.floorSql) return { statements: p.floorSql(h.fixtures), source: 'stand-in SQL' }
  return null
}

export async function measurePath(p: HotPath, h: Harness): Promise<PathResult> {
  const result: PathResult = {
    suite: p.suite,
    name: p.name,
    measure: p.measure,
    budgetMs: p.budgetMs,
    main: { na: 'not measured' },
    service: null,
    floor: null,
    explain: [],
    seqScans: [],
    result: 'n/a',
    problems: [],
    warnings: [],
    plans: [],
    stolen: null,
  }
  const stolen = stealMeter()
  try {
    await p.prepare?.(h.capture.prisma, h.fixtures)
    const captured = await statementsOf(p, h)
    if (captured && captured.statements.length) {
      const writes = Boolean(p.transaction)
      // next to a service, hand-written SQL (when given) is the floor; the service's own statements are EXPLAINed
      const floorOf = p.service && p.floorSql ? { statements: p.floorSql(h.fixtures), source: 'hand-written SQL' as const } : captured
      const floor = await timeRuns(h.settings, () => replay(h.sql, floorOf.statements, writes))
      result.floor = { ...floor, statements: floorOf.statements.length, source: floorOf.source }
      result.explain = await explain(h.sql, captured.statements)
      result.seqScans = [...new Set(result.explain.flatMap((e) => e.seqScans))]
      for (const [i, e] of result.explain.entries()) if (e.seqScans.length) result.plans.push(await explainText(h.sql, captured.statements[i]!))
    }

    if (p.service) {
      const settings = p.runs ? { runs: p.runs, warmup: Math.min(h.settings.warmup, 10) } : h.settings
      result.service = await timeRuns(settings, (i) => callService(p, h.capture.prisma, h.fixtures, i))
      if (p.measure === 'service') result.main = { ...result.service, what: p.transaction ? 'service in a transaction' : 'service' }
    }

    if (p.measure === 'http') {
      const pending = p.pendingUntil ? path.join(root, p.pendingUntil) : null
      if (pending && !existsSync(pending)) result.main = { na: 'page not built yet' }
      else if (pending && h.builtAt !== null && statSync(pending).mtimeMs > h.builtAt) result.main = { na: 'page newer than the build: run again' }
      else if (!h.server || !h.sessions) result.main = { na: 'HTTP skipped (--no-http)' }
      else {
        const request = p.http!(h.fixtures)
        const session = h.sessions[request.as]
        let bytes = 0
        const serverTimings: number[] = []
        const timing = await timeRuns(h.settings, async () => {
          const answer = await timedGet(h.server!.url, request.path, session, request.expect)
          if (answer.problem) throw new Error(`GET ${request.path} as ${request.as}: ${answer.problem}`)
          bytes = answer.bytes
          if (answer.serverTimingMs !== null) serverTimings.push(answer.serverTimingMs)
        })
        result.main = { ...timing, what: `GET as ${request.as}`, bytes, serverTimingP50: serverTimings.length ? percentile(serverTimings, 50) : null }
      }
    }
  } catch (error) {
    result.problems.push((error as Error).message)
  }

  if (result.seqScans.length) {
    const message = `sequential scan over ${result.seqScans.join(', ')}: a hot query must use an index`
    // Stand-in SQL is only a sketch of a service still being written: a warning, not a failure.
    if (result.floor?.source === 'stand-in SQL') result.warnings.push(message)
    else result.problems.push(message)
  }
  const generic = [...new Set(result.explain.flatMap((e) => (e.genericSeqScans ?? []).filter((t) => !e.seqScans.includes(t))))]
  // A prepared statement may run on a generic plan (ADR 0016); Postgres keeps it only when it is no dearer than the custom ones.
  if (generic.length) result.warnings.push(`the generic plan of a prepared statement scans ${generic.join(', ')} sequentially`)
  if (result.problems.length) result.result = 'FAIL'
  else if ('p95' in result.main) result.result = result.main.p95 <= p.budgetMs ? 'pass' : 'FAIL'
  result.stolen = stolen()
  return result
}
