// `npm test`: every check, in order: typecheck, lint, unit, integration, e2e.
// `tsx scripts/test-all.ts <stage>...` runs only the named stages.
// Integration and e2e run on real PostgreSQL: the embedded test cluster, or the server in
// DATABASE_URL (on which they create their own databases, <name>_it and <name>_e2e).
// Each run drops and re-creates those databases and migrates them through the Prisma CLI.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { testDatabase } from './lib/clusters'
import { databaseName, openDatabase, recreateDatabase, siblingDatabaseUrl, type Database } from './lib/database'
import { bins, migrateDeploy, root, runBin } from './lib/run'

type Stage = 'typecheck' | 'lint' | 'unit' | 'integration' | 'e2e'
const ALL: Stage[] = ['typecheck', 'lint', 'unit', 'integration', 'e2e']
const requested = process.argv.slice(2).filter((a): a is Stage => (ALL as string[]).includes(a))
const stages = requested.length ? requested : ALL

const reports = path.join(root, 'test-results', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const say = (line: string) => console.log(`\n\x1b[36m[test]\x1b[0m ${line}`)
const results: { stage: Stage; ok: boolean; seconds: number; passed?: number; failed?: number }[] = []
let database: Database | undefined

const E2E_SECRET = 'e2e-only-secret-not-for-production-0123456789'
const baseEnv = { NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' }

async function testDatabaseUrl(suffix: string) {
  database ??= await openDatabase({ ...testDatabase, log: (l) => say(l) })
  const base = process.env.DATABASE_URL ? databaseName(database.url) : 'baton'
  const url = siblingDatabaseUrl(database.url, `${base}_${suffix}`)
  say(`Fresh database ${databaseName(url)}: drop, create, migrate through the Prisma CLI ...`)
  await recreateDatabase(url)
  await migrateDeploy(url)
  return url
}

function vitestCounts(file: string) {
  if (!existsSync(file)) return {}
  const json = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number }
  return { passed: json.numPassedTests, failed: json.numFailedTests }
}

function playwrightCounts(file: string) {
  if (!existsSync(file)) return {}
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } }
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected }
}

async function assertPortFree(port: number, variable: string) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', () => reject(new Error(`Port ${port} is in use; set ${variable} to a free port.`)))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}

async function vitest(project: 'unit' | 'integration', env: Record<string, string> = {}) {
  const out = path.join(reports, `${project}.json`)
  const code = await runBin(bins.vitest, ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { ...baseEnv, ...env })
  return { ok: code === 0, ...vitestCounts(out) }
}

async function runStage(stage: Stage): Promise<{ ok: boolean; passed?: number; failed?: number }> {
  switch (stage) {
    case 'typecheck':
      return { ok: (await runBin(bins.tsc, ['--noEmit'])) === 0 }
    case 'lint':
      return { ok: (await runBin(bins.eslint, ['--max-warnings=0', '.'])) === 0 }
    case 'unit':
      return vitest('unit')
    case 'integration':
      return vitest('integration', { DATABASE_URL: await testDatabaseUrl('it') })
    case 'e2e': {
      const port = Number(process.env.E2E_PORT ?? 3100)
      await assertPortFree(port, 'E2E_PORT')
      const url = await testDatabaseUrl('e2e')
      const env = { ...baseEnv, DATABASE_URL: url, AUTH_SECRET: E2E_SECRET, NEXT_DIST_DIR: '.next-test', E2E_PORT: String(port) }
      if ((await runBin(bins.tsx, ['--conditions=react-server', 'tests/e2e/seed-e2e.ts'], env)) !== 0) return { ok: false }
      say('Production build for the browser tests (next build) ...')
      if ((await runBin(bins.next, ['build'], env)) !== 0) return { ok: false }
      const out = path.join(reports, 'e2e.json')
      const code = await runBin(bins.playwright, ['test'], { ...env, PLAYWRIGHT_JSON: out })
      return { ok: code === 0, ...playwrightCounts(out) }
    }
  }
}

let exitCode = 0
try {
  for (const stage of stages) {
    say(`${stage} ...`)
    const started = Date.now()
    let result: Awaited<ReturnType<typeof runStage>>
    try {
      result = await runStage(stage)
    } catch (error) {
      console.error(`\n${(error as Error).message}`)
      result = { ok: false }
    }
    results.push({ stage, seconds: (Date.now() - started) / 1000, ...result })
    if (!result.ok) exitCode = 1
  }
} finally {
  await database?.stop()
}

console.log('\n  stage        result   tests   time')
for (const r of results) {
  const tests = r.passed === undefined ? '' : `${r.passed}/${(r.passed ?? 0) + (r.failed ?? 0)}`
  console.log(`  ${r.stage.padEnd(12)} ${(r.ok ? 'ok' : 'FAILED').padEnd(8)} ${tests.padEnd(7)} ${r.seconds.toFixed(1)} s`)
}
const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0)
const failed = results.reduce((n, r) => n + (r.failed ?? 0), 0) + results.filter((r) => !r.ok && !r.failed).length
console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(exitCode)
