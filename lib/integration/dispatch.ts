import 'server-only'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { SIGNATURE_HEADER, signPayload } from '@/lib/integration/signature'

// Delivering the outbox, the database half (the worker in lib/integration/worker.ts schedules
// it with pg-boss): events become one delivery per subscribed endpoint, and each delivery is
// POSTed, signed, and its attempts recorded, with a retry later when it fails.

export const MAX_ATTEMPTS = 8
export const TIMEOUT_MS = 10_000

/** Seconds before attempt n+1 after n failed ones: 30 s, 1 min, 2 min … capped at 2 h. */
export function retryDelaySeconds(failedAttempts: number, base = 30): number {
  return Math.min(base * 2 ** Math.max(failedAttempts - 1, 0), 2 * 60 * 60)
}

/**
 * Claims events not yet dispatched (several workers never claim the same one) and creates their
 * deliveries, in one transaction. Returns the ids of the new deliveries, to be attempted.
 */
export async function dispatchOutbox(db: PrismaClient, limit = 100): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: string }[]>`
      UPDATE outbox_event SET dispatched_at = now()
      WHERE id IN (SELECT id FROM outbox_event WHERE dispatched_at IS NULL ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id`
    if (events.length === 0) return []
    const deliveries = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO webhook_delivery (id, org_id, endpoint_id, event_id, event_type, status, next_attempt_at, updated_at)
      SELECT gen_random_uuid(), e.org_id, w.id, e.id, e.type, 'PENDING', now(), now()
      FROM outbox_event e
      JOIN webhook_endpoint w ON w.org_id = e.org_id AND w.active AND (cardinality(w.events) = 0 OR e.type = ANY (w.events))
      WHERE e.id = ANY (${events.map((e) => e.id)}::uuid[])
      ORDER BY e.created_at
      ON CONFLICT (endpoint_id, event_id) DO NOTHING
      RETURNING id`
    return deliveries.map((d) => d.id)
  })
}

export type AttemptOutcome = { outcome: 'delivered' | 'retry' | 'failed' | 'skipped'; retryInSeconds?: number }

type AttemptOptions = { send?: typeof fetch; now?: () => Date; retryBase?: number }

/** The JSON a receiver gets: the event's id (for de-duplication), type, time and data. */
export function webhookBody(event: { id: string; type: string; createdAt: Date; payload: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.payload })
}

/** One attempt of one delivery: POST, record the answer, and say whether to try again. */
export async function attemptDelivery(db: PrismaClient, deliveryId: string, { send = fetch, now = () => new Date(), retryBase }: AttemptOptions = {}): Promise<AttemptOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      endpoint: { select: { url: true, secret: true, active: true } },
      event: { select: { id: true, type: true, createdAt: true, payload: true } },
    },
  })
  if (!delivery || delivery.status !== 'PENDING') return { outcome: 'skipped' }
  if (!delivery.endpoint.active) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'FAILED', lastError: 'The endpoint was disabled.', nextAttemptAt: null } })
    return { outcome: 'failed' }
  }
  const body = webhookBody(delivery.event)
  const sentAt = now()
  let statusCode: number | null = null
  let error: string | null = null
  try {
    const response = await send(delivery.endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Webhooks/1',
        'baton-event': delivery.event.type,
        'baton-delivery': delivery.id,
        [SIGNATURE_HEADER]: signPayload(delivery.endpoint.secret, body, Math.floor(sentAt.getTime() / 1000)),
      },
      body,
    })
    statusCode = response.status
    await response.body?.cancel()
    if (statusCode < 200 || statusCode >= 300) error = `The endpoint answered HTTP ${statusCode}.`
  } catch (caught) {
    const cause = caught as Error
    error = cause.name === 'TimeoutError' ? `No answer within ${TIMEOUT_MS / 1000} seconds.` : `Could not reach the endpoint: ${cause.message}`
  }
  const attempts = delivery.attempts + 1
  if (!error) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'SUCCEEDED', attempts, lastStatusCode: statusCode, lastError: null, deliveredAt: sentAt, nextAttemptAt: null } })
    return { outcome: 'delivered' }
  }
  if (attempts >= MAX_ATTEMPTS) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'FAILED', attempts, lastStatusCode: statusCode, lastError: error, nextAttemptAt: null } })
    return { outcome: 'failed' }
  }
  const retryInSeconds = retryDelaySeconds(attempts, retryBase)
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts, lastStatusCode: statusCode, lastError: error, nextAttemptAt: new Date(sentAt.getTime() + retryInSeconds * 1000) },
  })
  return { outcome: 'retry', retryInSeconds }
}
