// `npm start`: Baton with demo data, on the embedded PostgreSQL unless DATABASE_URL is set.
// Starts the database, applies migrations, seeds an empty database, builds when the
// sources changed, serves, and on Ctrl-C stops the server and then the database.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { devDatabase } from './lib/clusters'
import { openDatabase, type Database } from './lib/database'
import { bins, migrateDeploy, root, runBin } from './lib/run'
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo-accounts'

const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
const started = Date.now()
const say = (line: string) => console.log(`\x1b[36m[baton]\x1b[0m ${line}`)

let database: Database | undefined
let server: ChildProcess | undefined = undefined
let stopping = false

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  if (server && server.exitCode === null) {
    say('Stopping the web server ...')
    await new Promise<void>((resolve) => {
      server!.once('exit', () => resolve())
      server!.kill('SIGTERM')
      setTimeout(() => server?.kill('SIGKILL'), 5000).unref()
    })
  }
  if (database?.embedded) say('Stopping the embedded PostgreSQL ...')
  await database?.stop()
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

function fail(message: string): never {
  console.error(`\n\x1b[31m[baton]\x1b[0m ${message}\n`)
  void shutdown(1)
  throw new Error(message)
}

async function assertWebPortFree() {
  await new Promise<void>((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => fail(`Port ${port} is already in use. Set PORT to a free port, for example PORT=${port + 1} npm start.`))
    probe.listen(port, () => probe.close(() => resolve()))
  })
}

/** A stable secret for the demo, kept with the embedded data (never committed). */
function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET
  const file = path.join(root, '.data', 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

function newestMtime(target: string): number {
  const full = path.join(root, target)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(full)) {
    if (entry === 'generated' || entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

function buildIsStale() {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'prisma/schema.prisma', 'package-lock.json']
  return Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs
}

async function waitUntilServing(url: string) {
  for (let i = 0; i < 600; i++) {
    if (server?.exitCode !== null) fail('The web server exited during start-up (see its output above).')
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  fail(`The web server did not answer at ${url} within 150 s.`)
}

await assertWebPortFree()
try {
  database = await openDatabase({ ...devDatabase, log: say })
} catch (error) {
  fail((error as Error).message)
}
say(database.embedded ? `Embedded PostgreSQL ready (${new URL(database.url).host}).` : `Using DATABASE_URL (${new URL(database.url).host}).`)
const env = { DATABASE_URL: database.url, AUTH_SECRET: authSecret(), BATON_DEMO: '1' }

say('Applying migrations ...')
await migrateDeploy(database.url).catch((error: Error) => fail(error.message))
if ((await runBin(bins.tsx, ['--conditions=react-server', 'prisma/seed.ts'], env)) !== 0) fail('Seeding the demo data failed.')

if (!dev && buildIsStale()) {
  say('Building the app (first start, or the sources changed) ...')
  if ((await runBin(bins.next, ['build'], env)) !== 0) fail('next build failed.')
}

say(dev ? 'Starting the development server ...' : 'Starting the server ...')
server = spawn(process.execPath, [path.join(root, bins.next), dev ? 'dev' : 'start', '-p', String(port)], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, ...env },
})
server.once('exit', (code) => {
  if (!stopping) void shutdown(code ?? 1)
})

const url = `http://localhost:${port}`
await waitUntilServing(`${url}/sign-in`)
const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(`
  Baton is running at \x1b[1m${url}\x1b[0m  (ready in ${seconds} s)

  Demo accounts, password \x1b[1m${DEMO_PASSWORD}\x1b[0m
${DEMO_USERS.map((u) => `    ${u.email.padEnd(22)} ${u.role}`).join('\n')}

  Press Ctrl-C to stop.
`)
