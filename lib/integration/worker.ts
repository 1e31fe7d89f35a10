import PgBoss from 'pg-boss'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { attemptDelivery, dispatchOutbox } from '@/lib/integration/dispatch'

// The background worker, on pg-boss (a Postgres-backed job queue; its tables live in the
// `pgboss` schema of the same database). Two queues: `outbox-dispatch` turns recorded events
// into deliveries (a job is sent after each commit that records events, and a cron job every
// minute catches anything missed), and `webhook-deliver` makes one attempt of one delivery and
// schedules the next attempt itself when it fails (the backoff of lib/integration/dispatch.ts).
// Any number of processes may run it: pg-boss hands each job to one of them.

export const DISPATCH_QUEUE = 'outbox-dispatch'
export const DELIVER_QUEUE = 'webhook-deliver'
const SCHEMA = 'pgboss'

type Log = Pick<Console, 'log' | 'error'>
export type WorkerOptions = { connectionString: string; db: PrismaClient; log?: Log; pollingIntervalSeconds?: number; retryBase?: number; send?: typeof fetch }
export type Worker = { boss: PgBoss; stop: () => Promise<void> }

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>) {
  if (await boss.getQueue(name)) return
  try {
    await boss.createQueue(name, { name, ...options })
  } catch (error) {
    if (!(await boss.getQueue(name))) throw error // another process created it first: fine
  }
}

function newBoss(connectionString: string, log: Log, worker: boolean) {
  const boss = new PgBoss({ connectionString, schema: SCHEMA, application_name: worker ? 'baton-worker' : 'baton-app', ...(worker ? {} : { supervise: false, schedule: false }) })
  boss.on('error', (error) => log.error('[worker]', error))
  return boss
}

export async function startWorker({ connectionString, db, log = console, pollingIntervalSeconds = 2, retryBase, send }: WorkerOptions): Promise<Worker> {
  const boss = newBoss(connectionString, log, true)
  await boss.start()
  await ensureQueue(boss, DISPATCH_QUEUE, { policy: 'stately' })
  // a crash in the middle of an attempt is retried by pg-boss; failed attempts by us
  await ensureQueue(boss, DELIVER_QUEUE, { retryLimit: 3, retryDelay: 30 })
  await boss.schedule(DISPATCH_QUEUE, '* * * * *')
  await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds }, async () => {
    for (;;) {
      const deliveries = await dispatchOutbox(db)
      for (const deliveryId of deliveries) await boss.send(DELIVER_QUEUE, { deliveryId })
      if (deliveries.length === 0) break
    }
  })
  await boss.work<{ deliveryId: string }>(DELIVER_QUEUE, { pollingIntervalSeconds, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) {
      const result = await attemptDelivery(db, job.data.deliveryId, { retryBase, send })
      if (result.outcome === 'retry') await boss.sendAfter(DELIVER_QUEUE, { deliveryId: job.data.deliveryId }, {}, result.retryInSeconds!)
    }
  })
  shared.boss = boss
  return {
    boss,
    stop: async () => {
      if (shared.boss === boss) shared.boss = undefined
      await boss.stop({ graceful: true, wait: true })
    },
  }
}

// The app's handle for sending jobs: the in-process worker's, or (when the worker runs as its
// own process) a send-only one started on first use.
const shared = globalThis as unknown as { boss?: PgBoss; sender?: Promise<PgBoss> }

async function sender(connectionString: string): Promise<PgBoss> {
  if (shared.boss) return shared.boss
  shared.sender ??= (async () => {
    const boss = newBoss(connectionString, console, false)
    await boss.start()
    return boss
  })()
  return shared.sender
}

/** After a commit that recorded events: deliver them now rather than at the next minute. Never throws. */
export async function kickOutbox(connectionString: string) {
  try {
    const boss = await sender(connectionString)
    await ensureQueue(boss, DISPATCH_QUEUE, { policy: 'stately' })
    await boss.send(DISPATCH_QUEUE, {})
  } catch (error) {
    console.error('[worker] could not ask for a dispatch now; the minute schedule will', error)
  }
}

/** Queues one attempt of a delivery now (a resend from the delivery log). */
export async function enqueueDelivery(connectionString: string, deliveryId: string) {
  const boss = await sender(connectionString)
  await ensureQueue(boss, DELIVER_QUEUE, { retryLimit: 3, retryDelay: 30 })
  await boss.send(DELIVER_QUEUE, { deliveryId })
}
