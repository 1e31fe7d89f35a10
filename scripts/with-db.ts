// Usage: tsx scripts/with-db.ts -- <command> [args...]
// Runs a command with DATABASE_URL pointing at the development database:
// the one in DATABASE_URL if set, else the embedded PostgreSQL (started and stopped here).
import { spawn } from 'node:child_process'
import { openDatabase } from './lib/database'
import { devDatabase } from './lib/clusters'

const separator = process.argv.indexOf('--')
const [command, ...args] = process.argv.slice(separator + 1)
if (!command) {
  console.error('usage: tsx scripts/with-db.ts -- <command> [args...]')
  process.exit(2)
}

const db = await openDatabase({ ...devDatabase, log: console.log })
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: db.url }, shell: false })
child.on('error', async (error) => {
  console.error(`Could not run ${command}: ${error.message}`)
  await db.stop()
  process.exit(127)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', async (code) => {
  await db.stop()
  process.exit(code ?? 1)
})
