// Usage: npm run bench [-- --runs 60 --warmup 10 --only board --no-build --no-http --port 3400]
// Builds the app for production (into .next-bench, when the sources changed), makes sure the
// scale data exists (seeding Scale Co if it is missing; seed flags such as --scale 0.1 apply
// then, --reset seeds it again), starts `next start` against it, signs in through Auth.js and
// measures every hot path of scripts/bench/registry.ts: p50/p95 of the server time, the
// service in-process, and the floor (the same SQL replayed on a raw connection), plus an
// EXPLAIN (ANALYZE, BUFFERS) check that every hot query uses an index. Prints a table, writes
// bench-results/<suite>.json, exits 1 if any path misses its budget or scans a big table.
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { root } from './lib/run'
import { openScaleDatabase, redact } from './scale/database'
import { SCALE_FLAGS, SCALE_ORG, SCALE_PASSWORD, scaleOptions } from './scale/options'
import { scaleOrgId, seedScale } from './scale/seed'
import { loadFixtures } from './bench/fixtures'
import { measurePath, type Harness, type PathResult } from './bench/measure'
import { HOT_PATHS } from './bench/registry'
import { BURST } from './bench/handoff'
import { build, buildIsStale, builtAt, DIST_DIR, freePort, signIn, startServer, type Server } from './bench/server'
import { capturingPrisma } from './bench/sql'
import { ms, percent, table } from './bench/stats'
import { stealMeter } from './bench/steal'
import { setUpConnection } from '../lib/db'

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    ...SCALE_FLAGS,
    runs: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    port: { type: 'string', default: '3400' },
    only: { type: 'string' },
    build: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-http': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (flags.help) {
  console.log('npm run bench -- [--runs 60] [--warmup 10] [--only <name part>] [--build | --no-build] [--no-http] [--port 3400] [seed flags: --scale, --deals, ..., --reset]')
  process.exit(0)
}
const settings = { runs: Number(flags.runs), warmup: Number(flags.warmup) }
if (!(settings.runs >= 1 && settings.warmup >= 0)) throw new Error('--runs must be at least 1 and --warmup at least 0.')
const say = (line: string) => console.log(`\x1b[36m[bench]\x1b[0m ${line}`)
const resultsDir = path.join(root, 'bench-results')
const paths = HOT_PATHS.filter((p) => !flags.only || p.name.includes(flags.only) || p.suite === flags.only)

const load = os.loadavg()[0]!
say(`${os.cpus().length} CPUs, load average ${load.toFixed(2)}${load > os.cpus().length * 0.5 ? ' — the machine is busy: expect noisy numbers' : ''}`)

const database = await openScaleDatabase(say)
let server: Server | null = null
process.env.BENCH_DATABASE_URL = database.url
const sql = new pg.Client({ connectionString: database.url })
const capture = capturingPrisma(database.url)
let exitCode = 0
try {
  // 1. The scale data.
  const existing = await scaleOrgId(capture.prisma)
  if (!existing || flags.reset) {
    const options = scaleOptions(flags)
    say(`${existing ? 'Seeding Scale Co again (--reset)' : 'Scale Co is missing: seeding it'} (${options.deals} deals) ...`)
    await seedScale(capture.prisma, options, say)
  }
  await sql.connect()
  await setUpConnection(sql) // the replays run as on the app's connections
  // The previous runs' writes (won deals, new projects and tasks) leave pages that autovacuum
  // would mark all-visible between them; without it index-only scans read the tables.
  // The checkpoint writes what VACUUM dirtied now, not during the first measurements.
  say('VACUUM (ANALYZE), CHECKPOINT ...')
  await sql.query('VACUUM (ANALYZE)')
  await sql.query('CHECKPOINT')
  const { rows: [counts] } = await sql.query<{ deals: number; companies: number; contacts: number }>(
    `SELECT (SELECT count(*) FROM deal WHERE org_id = o.id)::int AS deals, (SELECT count(*) FROM company WHERE org_id = o.id)::int AS companies,
            (SELECT count(*) FROM contact WHERE org_id = o.id)::int AS contacts FROM organization o WHERE o.slug = $1`,
    [SCALE_ORG.slug],
  )
  const fixtures = await loadFixtures(sql)
  // Every bench run adds the projects its wins build (about 270): the delivery figures then read
  // more than the spec's projects. Say so, with the way back.
  const { rows: [grown] } = await sql.query<{ projects: number }>('SELECT count(*)::int AS projects FROM project WHERE org_id = $1', [fixtures.orgId])
  const specProjects = scaleOptions(flags).projects + 2
  if (grown!.projects > specProjects * 1.1) {
    say(`\x1b[33mThe scale data has grown: ${grown!.projects.toLocaleString('en-US')} projects for ${specProjects.toLocaleString('en-US')} seeded (earlier runs' wins). The dashboards read more than the spec; seed again with --reset.\x1b[0m`)
  }

  // 2. The production build and server.
  const env = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString('base64url') }
  let sessions: Harness['sessions'] = null
  if (!flags['no-http']) {
    if (flags.build || (!flags['no-build'] && buildIsStale())) {
      say(`Building for production into ${DIST_DIR}/ (the sources changed since the last bench build) ...`)
      await build(env)
    } else say(`Reusing the production build in ${DIST_DIR}/ (--build to force a new one).`)
    const port = await freePort(Number(flags.port))
    server = await startServer(port, env, resultsDir)
    say(`next start on ${server.url} (log: ${path.relative(root, server.log)}), database ${redact(database.url)}`)
    sessions = {
      admin: await signIn(server.url, fixtures.admin.email, SCALE_PASSWORD),
      rep: await signIn(server.url, fixtures.rep.email, SCALE_PASSWORD),
      delivery: await signIn(server.url, fixtures.delivery.email, SCALE_PASSWORD),
    }
    say(`Signed in as ${fixtures.admin.email} and ${fixtures.rep.email} through /api/auth/callback/credentials.`)
  }

  // 3. The hot paths.
  const harness: Harness = { fixtures, capture, sql, server, sessions, settings, builtAt: server ? builtAt() : null }
  const results: PathResult[] = []
  const run = stealMeter()
  say(`Measuring ${paths.length} hot paths: ${settings.runs} runs after ${settings.warmup} warm-ups each ...`)
  for (const p of paths) {
    const result = await measurePath(p, harness)
    results.push(result)
    say(`  ${p.name}: ${'p95' in result.main ? `p95 ${ms(result.main.p95)}` : result.main.na} — ${result.result}`)
  }

  // 4. Report.
  const data = `${counts!.deals.toLocaleString('en-US')} deals, ${counts!.companies.toLocaleString('en-US')} companies, ${counts!.contacts.toLocaleString('en-US')} contacts`
  console.log(`\nHot paths on ${SCALE_ORG.name} (${data}); server time over ${settings.runs} runs after ${settings.warmup} warm-ups\n`)
  console.log(
    table([
      ['path', 'measured', 'p50', 'p95', 'budget', 'service p50', 'SQL floor', 'host steal', 'result'],
      ...results.map((r) => [
        r.name,
        'what' in r.main ? r.main.what : `n/a (${r.main.na})`,
        'p50' in r.main ? ms(r.main.p50) : 'n/a',
        'p95' in r.main ? ms(r.main.p95) : 'n/a',
        `${r.budgetMs} ms`,
        ms(r.service?.p50),
        r.floor ? `${ms(r.floor.p50)}${r.floor.source === 'stand-in SQL' ? '*' : r.floor.source === 'hand-written SQL' ? '†' : ''}` : 'n/a',
        percent(r.stolen),
        r.result,
      ]),
    ]),
  )
  if (results.some((r) => r.floor?.source === 'stand-in SQL')) console.log('* stand-in SQL: the service does not exist yet; see scripts/bench/crm.ts')
  const steal = run()
  if (steal !== null) {
    console.log(`host steal: the share of busy CPU time this virtual machine's host took while a path was measured (${percent(steal)} over the whole run).`)
    if (steal > 0.05) console.log(`\x1b[33mThe host took ${percent(steal)} of the CPU time: timings are inflated; compare runs with little steal.\x1b[0m`)
  }
  for (const r of results) {
    if (r.name.startsWith('burst') && 'p50' in r.main) console.log(`throughput of the burst: ${BURST} wins in ${ms(r.main.p50)} (p50) = ${((BURST * 1000) / r.main.p50).toFixed(0)} wins/s`)
  }
  if (results.some((r) => r.floor?.source === 'hand-written SQL')) console.log('† the same rows written by hand-written SQL in one transaction (scripts/bench/handoff.ts)')

  console.log('\nIndex check: EXPLAIN (ANALYZE, BUFFERS) of every statement of every hot path\n')
  for (const r of results) {
    const mark = r.seqScans.length ? (r.problems.length ? '\x1b[31m✗\x1b[0m' : '\x1b[33m!\x1b[0m') : '✓'
    console.log(`${mark} ${r.name}`)
    for (const e of r.explain) {
      const scans = e.scans.map((s) => `${s.node}${s.index ? ` ${s.index}` : ''}${s.relation && !s.index ? ` on ${s.relation}` : ''}`)
      const counted = [...new Set(scans)].map((s) => `${s}${scans.filter((x) => x === s).length > 1 ? ` ×${scans.filter((x) => x === s).length}` : ''}`)
      console.log(`    ${ms(e.executionMs).padStart(9)}  ${counted.join(', ') || '(no table scans)'}  — ${e.sql.slice(0, 90)}${e.sql.length > 90 ? '…' : ''}`)
    }
    for (const plan of r.plans) console.log(`\x1b[31m    SEQUENTIAL SCAN over a big table:\x1b[0m\n${plan.replace(/^/gm, '      ')}`)
    for (const problem of r.problems) console.log(`    \x1b[31m${problem}\x1b[0m`)
    for (const warning of r.warnings) console.log(`    \x1b[33mwarning: ${warning}\x1b[0m`)
  }

  mkdirSync(resultsDir, { recursive: true })
  for (const suite of new Set(results.map((r) => r.suite))) {
    const file = path.join(resultsDir, `${suite}.json`)
    const report = {
      suite,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg(), node: process.version, hostSteal: steal },
      data: counts,
      settings,
      results: results.filter((r) => r.suite === suite),
    }
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nWrote ${path.relative(root, file)}`)
  }
  const failed = results.filter((r) => r.result === 'FAIL')
  if (failed.length) {
    console.log(`\x1b[31m${failed.length} of ${results.length} hot paths FAILED: ${failed.map((r) => r.name).join('; ')}\x1b[0m`)
    exitCode = 1
  } else console.log(`All measured hot paths within budget (${results.filter((r) => r.result === 'n/a').length} not measurable yet).`)
} finally {
  await server?.stop()
  await sql.end().catch(() => {})
  await capture.prisma.$disconnect()
  await capture.pool.end().catch(() => {})
  await database.stop()
}
process.exit(exitCode)
