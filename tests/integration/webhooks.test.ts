import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { attemptDelivery, dispatchOutbox, MAX_ATTEMPTS } from '@/lib/integration/dispatch'
import { recordEvent } from '@/lib/integration/outbox'
import { verifySignature } from '@/lib/integration/signature'
import { createEndpoint, listDeliveries, resendDelivery } from '@/lib/integration/webhooks'
import { kickOutbox, startWorker, type Worker } from '@/lib/integration/worker'
import { createMember, createOrg } from '../factories'
import { testDatabaseUrl, testDb } from '../setup/db'

type Received = { headers: IncomingMessage['headers']; body: string }

/** A real HTTP receiver that answers with the given statuses in turn (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.statusCode = statuses.shift() ?? 200
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  return { org, admin }
}

describe('outbox dispatch', () => {
  it('makes one delivery per subscribed endpoint of the same organization, once', async () => {
    const { admin } = await setup()
    const other = await setup()
    const wonOnly = await createEndpoint(testDb, admin.ctx, { url: 'https://example.test/won', description: null, events: ['deal.won'] })
    const all = await createEndpoint(testDb, admin.ctx, { url: 'https://example.test/all', description: null, events: [] })
    await createEndpoint(testDb, other.admin.ctx, { url: 'https://other.test/all', description: null, events: [] })
    const dealId = crypto.randomUUID()
    await recordEvent(testDb, admin.ctx, { type: 'deal.won', entityType: 'deal', entityId: dealId, payload: { dealId } })
    await recordEvent(testDb, admin.ctx, { type: 'project.created', entityType: 'project', entityId: dealId, payload: {} })

    const created = await dispatchOutbox(testDb)
    expect(created).toHaveLength(3)
    const rows = await testDb.webhookDelivery.findMany({ select: { endpointId: true, eventType: true, orgId: true } })
    expect(rows.filter((r) => r.endpointId === wonOnly.id).map((r) => r.eventType)).toEqual(['deal.won'])
    expect(rows.filter((r) => r.endpointId === all.id).map((r) => r.eventType).sort()).toEqual(['deal.won', 'project.created'])
    expect(rows.every((r) => r.orgId === admin.ctx.orgId)).toBe(true)
    expect(await dispatchOutbox(testDb)).toEqual([])
  })
})

describe('a delivery attempt', () => {
  it('POSTs the event signed with the endpoint secret, and records a failure to retry later', async () => {
    const { admin } = await setup()
    const hook = await receiver([500])
    cleanups.push(hook.close)
    const endpoint = await createEndpoint(testDb, admin.ctx, { url: hook.url, description: null, events: [] })
    const event = await recordEvent(testDb, admin.ctx, { type: 'deal.won', entityType: 'deal', entityId: crypto.randomUUID(), payload: { title: 'Northwind' } })
    const [deliveryId] = await dispatchOutbox(testDb)

    expect(await attemptDelivery(testDb, deliveryId!)).toEqual({ outcome: 'retry', retryInSeconds: 30 })
    let delivery = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500, lastError: 'The endpoint answered HTTP 500.' })
    expect(delivery.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 20_000)

    expect(await attemptDelivery(testDb, deliveryId!)).toEqual({ outcome: 'delivered' })
    delivery = await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastStatusCode: 200, lastError: null })

    const last = hook.received.at(-1)!
    expect(JSON.parse(last.body)).toMatchObject({ id: event.id, type: 'deal.won', data: { title: 'Northwind' } })
    expect(last.headers['baton-event']).toBe('deal.won')
    expect(verifySignature(endpoint.secret, last.body, String(last.headers['baton-signature']))).toBe(true)
    expect(verifySignature('whsec_wrong', last.body, String(last.headers['baton-signature']))).toBe(false)
    // a delivered one is not sent again by a stray job
    expect(await attemptDelivery(testDb, deliveryId!)).toEqual({ outcome: 'skipped' })
    expect(hook.received).toHaveLength(2)
  })

  it('gives up after the last attempt, and an admin can send it again', async () => {
    const { admin } = await setup()
    const endpoint = await createEndpoint(testDb, admin.ctx, { url: 'http://127.0.0.1:9/unreachable', description: null, events: [] })
    await recordEvent(testDb, admin.ctx, { type: 'deal.won', entityType: 'deal', entityId: crypto.randomUUID(), payload: {} })
    const [deliveryId] = await dispatchOutbox(testDb)
    for (let i = 1; i < MAX_ATTEMPTS; i++) expect((await attemptDelivery(testDb, deliveryId!)).outcome).toBe('retry')
    expect(await attemptDelivery(testDb, deliveryId!)).toEqual({ outcome: 'failed' })
    const [logged] = await listDeliveries(testDb, admin.ctx, endpoint.id)
    expect(logged).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS })
    expect(logged!.lastError).toMatch(/^Could not reach the endpoint/)

    await resendDelivery(testDb, admin.ctx, deliveryId!)
    expect(await testDb.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: 'PENDING', attempts: 0 })
    // another organization's admin cannot see or resend it
    const other = await setup()
    await expect(resendDelivery(testDb, other.admin.ctx, deliveryId!)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(listDeliveries(testDb, other.admin.ctx, endpoint.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('is managed by admins only', async () => {
    const { org } = await setup()
    const manager = await createMember(org, 'MANAGER')
    await expect(createEndpoint(testDb, manager.ctx, { url: 'https://example.test', description: null, events: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('the worker (pg-boss)', () => {
  it('delivers a recorded event after a kick, retrying a failed attempt', async () => {
    const { admin } = await setup()
    const hook = await receiver([503])
    cleanups.push(hook.close)
    await createEndpoint(testDb, admin.ctx, { url: hook.url, description: null, events: ['deal.won'] })
    const worker: Worker = await startWorker({ connectionString: testDatabaseUrl, db: testDb, pollingIntervalSeconds: 0.5, retryBase: 1, log: { log: () => {}, error: () => {} } })
    cleanups.push(worker.stop)
    await recordEvent(testDb, admin.ctx, { type: 'deal.won', entityType: 'deal', entityId: crypto.randomUUID(), payload: { n: 1 } })
    await kickOutbox(testDatabaseUrl)

    await expect.poll(() => hook.received.length, { timeout: 20_000, interval: 250 }).toBe(2)
    await expect
      .poll(async () => (await testDb.webhookDelivery.findFirst({ select: { status: true, attempts: true } })) ?? null, { timeout: 10_000 })
      .toEqual({ status: 'SUCCEEDED', attempts: 2 })
  })
})
