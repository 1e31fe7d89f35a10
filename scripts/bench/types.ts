// What a hot path of `npm run bench` is. Each issue adds its entries to a file in
// scripts/bench/ (crm.ts, ...) and lists them in scripts/bench/registry.ts.
import type { Db } from '../../lib/db'
import type { Statement } from './sql'

/** Who a request is made as (signed in through the real credentials endpoint). */
export type Persona = 'admin' | 'rep' | 'delivery'

/** Ids and values the entries need, read once from the scale data (scripts/bench/fixtures.ts). */
export type Fixtures = {
  orgSlug: string
  orgId: string
  admin: { id: string; email: string }
  rep: { id: string; email: string }
  pipelineId: string
  /** the default pipeline's stages, in board order */
  stages: { id: string; name: string; kind: string }[]
  /** the fullest open column of the default pipeline, and the cursor after its first page (50 cards) */
  column: { stageId: string; cursor: string }
  /** an open deal of `rep`, and the two stages it is moved between, each with its two first cards */
  move: { dealId: string; version: number; from: { stageId: string; firstIds: [string, string] }; to: { stageId: string; firstIds: [string, string] } }
  /** a misspelled company name that search should still find */
  searchTerm: string
  /** the busy delivery person (My work) */
  delivery: { id: string; email: string }
  /** delivery fixtures of the scale seed: a 300-task board, a 200-task project to re-date, a 40-task template */
  boardProjectId: string
  redate: { projectId: string; kickoffOn: string }
  templateVersionId: string
  /** open deals without a project, one per timed win (won deals stay won) */
  winnableDealIds: string[]
}

export type HttpRequest = {
  path: string
  as: Persona
  /** a check on the response body, so a redirect or an error page is never timed as a success */
  expect: (body: string) => string | null
}

export type HotPath = {
  /** results go to bench-results/<suite>.json */
  suite: string
  name: string
  /** server-time p95 budget in ms */
  budgetMs: number
  /**
   * What is timed. 'http': the full request to the production server (on loopback, that is
   * server time). 'service': the service call in this process on the scale database (for
   * server actions, which have no URL).
   */
  measure: 'http' | 'service'
  http?: (f: Fixtures) => HttpRequest
  /**
   * While this file does not exist, the HTTP line reads "n/a (page not built yet)" and only
   * the floor is measured.
   */
  pendingUntil?: string
  /**
   * The service call behind the path: timed when measure is 'service'; its SQL is captured
   * for the floor and the index check. `iteration` counts the timed calls (0, 1, ...).
   */
  service?: (db: Db, f: Fixtures, iteration: number) => Promise<unknown>
  /**
   * The service writes: the bench runs it inside db.$transaction (as its server action does,
   * and timed with it), captures its SQL from a run that is rolled back, and replays and
   * EXPLAINs it inside BEGIN ... ROLLBACK.
   */
  transaction?: boolean
  /** Runs once before the path is measured (e.g. to find a cursor deep in a list). */
  prepare?: (db: Db, f: Fixtures) => Promise<void>
  /**
   * Runs of this path, when not `--runs` (after `--warmup`, at most 10 here): for a path whose
   * every run adds rows to the scale data for good (the burst of wins adds ten projects a run).
   */
  runs?: number
  /**
   * Hand-written SQL: the floor of a path whose service does not exist yet (floor and index
   * check), or, next to a service, the floor the service is compared with (the index check
   * still EXPLAINs the service's own statements).
   */
  floorSql?: (f: Fixtures) => Statement[]
}
