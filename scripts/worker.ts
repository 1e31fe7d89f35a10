// Usage: npm run worker
// The background worker (outbox -> signed webhooks) as its own process, for when the app runs
// on several servers with BATON_WORKER=off. Uses DATABASE_URL, or the embedded development
// database when it is unset. Stops cleanly on Ctrl-C / SIGTERM.
import { createPrismaClient } from '@/lib/db'
import { startWorker } from '@/lib/integration/worker'
import { devDatabase } from './lib/clusters'
import { openDatabase } from './lib/database'

const database = await openDatabase({ ...devDatabase, log: console.log })
const db = createPrismaClient(database.url, 5)
const worker = await startWorker({ connectionString: database.url, db })
console.log('Baton worker running: delivering webhooks from the outbox. Ctrl-C stops it.')
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await worker.stop()
    await db.$disconnect()
    await database.stop()
    process.exit(0)
  })
}
