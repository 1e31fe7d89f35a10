#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI
// downloads on first use from a host these machines cannot reach.
// It speaks the same protocol (see docs/decisions/0002-prisma-wasm-schema-engine.md)
// and is backed by Prisma's own WebAssembly build of the engine plus adapter-pg.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import readline from 'node:readline'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'

const require = createRequire(import.meta.url)
const args = parseArgs(process.argv.slice(2))

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, version: false, cli: undefined }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--datamodels') out.datamodels.push(argv[++i])
    else if (a === '--datasource') out.datasource = JSON.parse(argv[++i])
    else if (a === '--version' || a === '-V') out.version = true
    else if (a === 'cli') out.cli = argv[++i]
    else if (a.startsWith('--')) i++ // flags with a value we do not need
  }
  return out
}

/** Errors the CLI understands: one JSON log line on stderr (the first line is skipped by the CLI). */
function failOneShot(errorCode, message) {
  const info = { level: 'INFO', target: 'schema_engine::logger', fields: { message: 'wasm schema engine' } }
  const error = { level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: errorCode, message } }
  process.stderr.write(`${JSON.stringify(info)}\n${JSON.stringify(error)}\n`)
  process.exit(1)
}

/** The wasm engine reports a Rust panic through this global before it throws. */
const panic = { message: '', set_message(text) { this.message = `RuntimeError: ${text}` } }
globalThis.PRISMA_WASM_PANIC_REGISTRY = panic
// A Rust panic surfaces as an uncaught RuntimeError; tell the CLI what panicked.
process.on('uncaughtException', (error) => {
  const message = panic.message || String(error?.stack ?? error)
  process.stderr.write(`${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { message, is_panic: true } })}\n`)
  process.exit(101)
})

async function loadWasm() {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'))
  const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg })
  bg.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  return bg
}

function databaseUrl() {
  const url = args.datasource?.url ?? process.env.DATABASE_URL
  if (!url) failOneShot('P1012', 'No database URL: set DATABASE_URL (prisma.config.ts reads it).')
  return url
}

/** Trap 2: adapter-pg cannot decode Postgres' internal "char" type (OID 18) that the
 *  engine's catalog queries return (pg_constraint.contype, ...). Inside this process only,
 *  let pg read it as text and tell the engine the column is a Character column. */
const CHARACTER_COLUMN = 6 // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumnsByQuery = new WeakMap()
function patchCharColumns(adapter) {
  let proto = Object.getPrototypeOf(adapter)
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto)
  if (!proto || proto.__charPatched) return
  proto.__charPatched = true
  const performIO = proto.performIO
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query)
    const charColumns = []
    result?.fields?.forEach((field, index) => {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25
        charColumns.push(index)
      }
    })
    if (charColumns.length) charColumnsByQuery.set(query, charColumns)
    return result
  }
  const queryRaw = proto.queryRaw
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query)
    for (const index of charColumnsByQuery.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN
    return result
  }
}

/** Trap 7: adapter-pg runs a migration script by splitting it on every ";", which breaks
 *  a semicolon inside a comment, a string or a function body ($$ ... $$). Postgres' simple
 *  query protocol runs a whole script as one implicit transaction and parses it itself. */
function patchExecuteScript(adapter) {
  adapter.executeScript = async function (script) {
    try {
      await this.client.query(script)
    } catch (error) {
      this.onError(error)
    }
  }
}

/** Trap 1: adapter-pg's shadow-database helper drops the database while its pool is
 *  still connected. Close the pool first, then DROP ... WITH (FORCE). */
class EngineAdapterFactory extends PrismaPg {
  constructor(url) {
    super({ connectionString: url })
    this.url = url
  }
  async connect() {
    const adapter = await super.connect()
    patchCharColumns(adapter)
    patchExecuteScript(adapter)
    return adapter
  }
  async connectToShadowDb() {
    const name = `prisma_shadow_${process.pid}_${Date.now()}`
    await adminQuery(this.url, `CREATE DATABASE "${name}"`)
    const shadowUrl = new URL(this.url)
    shadowUrl.pathname = `/${name}`
    const shadow = new PrismaPg({ connectionString: shadowUrl.toString() })
    const adapter = await shadow.connect()
    patchCharColumns(adapter)
    patchExecuteScript(adapter)
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      await adminQuery(this.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    return adapter
  }
}

/** Runs one statement on the server's `postgres` database (for CREATE/DROP DATABASE). */
async function adminQuery(url, sql, params) {
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

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres'
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.end()
    return null
  } catch (error) {
    return error
  }
}

async function createDatabase(url) {
  const name = databaseName(url)
  const exists = await adminQuery(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (exists.rowCount === 0) await adminQuery(url, `CREATE DATABASE "${name.replaceAll('"', '""')}"`)
  return name
}

async function runOneShot(command) {
  const url = databaseUrl()
  try {
    if (command === 'can-connect-to-database') {
      const error = await canConnect(url)
      if (error) {
        const code = error.code === '3D000' ? 'P1003' : 'P1001'
        failOneShot(code, `Can't reach database at ${new URL(url).host}: ${error.message}`)
      }
    } else if (command === 'create-database') {
      await createDatabase(url)
    } else if (command === 'drop-database') {
      await adminQuery(url, `DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`)
    } else {
      failOneShot('P1000', `Unknown command: cli ${command}`)
    }
  } catch (error) {
    failOneShot('P1001', error.message)
  }
  process.exit(0)
}

function toRpcError(error) {
  let data = { is_panic: false, message: String(error?.message ?? error), error_code: undefined, meta: undefined }
  // The wasm engine throws errors whose message may itself be a JSON user-facing error.
  try {
    const parsed = JSON.parse(error?.message)
    if (parsed && typeof parsed === 'object') {
      data = { ...data, ...parsed, message: parsed.message ?? data.message, error_code: parsed.error_code }
    }
  } catch {}
  if (error?.name === 'RuntimeError' || panic.message) {
    data.is_panic = true
    data.message = panic.message || data.message
    panic.message = ''
  }
  return { code: 4466, message: 'An error happened. Check the data field for details.', data }
}

async function serveRpc() {
  const url = databaseUrl()
  const wasm = await loadWasm()
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, 'utf8')])
  // `migrate diff` passes no schema, but the engine needs one to know its provider.
  if (datamodels.length === 0) datamodels.push(['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n'])
  const factory = bindMigrationAwareSqlAdapterFactory(new EngineAdapterFactory(url))
  const log = (line) => process.stderr.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`)
  const engine = await wasm.SchemaEngine.new({ datamodels }, log, factory)

  let printId = 1_000_000
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`)

  const handlers = {
    getDatabaseVersion: () => engine.version(),
    createDatabase: async () => ({ databaseName: await createDatabase(url) }),
    evaluateDataLoss: async (params) => {
      // Trap 4: without a fresh devDiagnostic the engine asks for an external shadow factory.
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters })
      return engine.evaluateDataLoss(params)
    },
    diff: async (params) => {
      const result = await engine.diff(params)
      // Trap 3: the wasm engine returns what to print; the native one prints it through the CLI.
      if (result?.stdout) send({ jsonrpc: '2.0', id: printId++, method: 'print', params: { content: result.stdout } })
      return { exitCode: result.exitCode }
    },
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  let queue = Promise.resolve()
  lines.on('line', (line) => {
    if (!line.trim()) return
    const message = JSON.parse(line)
    if (!message.method) return // a reply to one of our `print` requests
    queue = queue.then(async () => {
      try {
        const handler = handlers[message.method] ?? ((params) => engine[message.method](params))
        if (!handlers[message.method] && typeof engine[message.method] !== 'function') {
          throw new Error(`Method ${message.method} is not supported by the wasm schema engine`)
        }
        const result = await handler(message.params ?? {})
        send({ jsonrpc: '2.0', id: message.id, result: result ?? {} })
      } catch (error) {
        send({ jsonrpc: '2.0', id: message.id, error: toRpcError(error) })
      }
    })
  })
  lines.on('close', () => {
    queue.then(() => process.exit(0))
  })
}

if (args.version) {
  const wasm = await loadWasm()
  process.stdout.write(`schema-engine-cli ${wasm.version()}\n`)
} else if (args.cli) {
  await runOneShot(args.cli)
} else {
  await serveRpc()
}
