// The outside world's view of the handoff: an admin registers a webhook and a personal API
// token; a deal won through the REST API (twice, with one Idempotency-Key) gives one project,
// and the webhook receives deal.won and project.created, signed with the endpoint's secret.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test, expect } from '@playwright/test'
import { verifySignature } from '../../lib/integration/signature'
import { authFile, signedOut } from './fixtures'

type Received = { event: string; signature: string; body: string }

test.use({ storageState: authFile('ADMIN') })

let server: Server
const received: Received[] = []
let hookUrl = ''

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ event: String(request.headers['baton-event']), signature: String(request.headers['baton-signature']), body })
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
})
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('a deal won through the API gives one project and signed webhooks', async ({ page, playwright }) => {
  test.setTimeout(90_000)
  const stamp = Date.now().toString(36)
  const title = `API win ${stamp}`

  // A webhook for the handoff events; its secret is shown on demand.
  await page.goto('/acme/settings/webhooks')
  const add = page.getByRole('form', { name: 'Add a webhook' })
  await add.getByLabel('URL').fill(hookUrl)
  await add.getByLabel('Description (optional)').fill(`e2e ${stamp}`)
  await add.getByRole('checkbox', { name: /deal\.won/ }).check()
  await add.getByRole('checkbox', { name: /project\.created/ }).check()
  await add.getByRole('button', { name: 'Add webhook' }).click()
  const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: hookUrl })
  await expect(endpoint).toBeVisible()
  await endpoint.getByRole('button', { name: 'Show the signing secret' }).click()
  const secret = (await endpoint.getByTestId('webhook-secret').textContent())!.trim()
  expect(secret).toMatch(/^whsec_/)

  // A personal token, shown once.
  await page.goto('/acme/settings/api-tokens')
  await page.getByLabel('Name').fill(`e2e ${stamp}`)
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = (await page.getByTestId('new-token-value').textContent())!.trim()
  expect(token).toMatch(/^baton_/)

  // A fresh deal to win.
  await page.goto('/acme/pipeline?owner=all')
  await page.getByRole('button', { name: 'New deal' }).click()
  const dialog = page.getByRole('dialog', { name: 'New deal' })
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel(/^Amount/).fill('24,000')
  await dialog.getByRole('button', { name: 'Create deal' }).click()
  await expect(page.getByText(`Deal “${title}” created.`)).toBeVisible()

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedOut, extraHTTPHeaders: { authorization: `Bearer ${token}` } })
  const list = await api.get(`/api/v1/deals?q=${encodeURIComponent(title)}`)
  expect(list.status()).toBe(200)
  const [deal] = (await list.json()).data as { id: string; title: string; status: string }[]
  expect(deal).toMatchObject({ title, status: 'OPEN' })

  const key = `win-${stamp}`
  const first = await api.post(`/api/v1/deals/${deal!.id}/win`, { headers: { 'idempotency-key': key }, data: {} })
  expect(first.status()).toBe(200)
  const won = (await first.json()).data as { alreadyWon: boolean; project: { id: string; created: boolean; taskCount: number } }
  expect(won).toMatchObject({ alreadyWon: false, project: { created: true } })
  expect(won.project.taskCount).toBeGreaterThan(0)

  // The same key again: the first answer, replayed; another key: the same project, nothing new.
  const replay = await api.post(`/api/v1/deals/${deal!.id}/win`, { headers: { 'idempotency-key': key }, data: {} })
  expect(replay.headers()['idempotent-replayed']).toBe('true')
  expect((await replay.json()).data.project.id).toBe(won.project.id)
  const again = await api.post(`/api/v1/deals/${deal!.id}/win`, { data: {} })
  expect((await again.json()).data).toMatchObject({ alreadyWon: true, project: { id: won.project.id, created: false } })

  const project = await api.get(`/api/v1/projects/${won.project.id}`)
  expect(project.status()).toBe(200)
  const body = (await project.json()).data as { sourceDealId: string; tasks: unknown[]; handoff: { deal: { id: string } }; handoffBrief: string }
  expect(body.sourceDealId).toBe(deal!.id)
  expect(body.tasks).toHaveLength(won.project.taskCount)
  // the handoff brief travels with the project, as data and as Markdown
  expect(body.handoff.deal.id).toBe(deal!.id)
  expect(body.handoffBrief).toContain('### What was sold')

  // Bad input and bad tokens get JSON errors, never a 500.
  const bad = await api.post(`/api/v1/deals/${deal!.id}/win`, { data: { closeOn: 'yesterday' } })
  expect(bad.status()).toBe(422)
  expect((await bad.json()).error.fields.closeOn).toBeTruthy()
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedOut })
  expect((await anonymous.get('/api/v1/deals')).status()).toBe(401)
  expect((await anonymous.get('/api/v1/deals', { headers: { authorization: 'Bearer baton_nope' } })).status()).toBe(401)

  // The webhook got both events of this deal, signed with the endpoint's secret.
  await expect.poll(() => received.filter((r) => r.body.includes(deal!.id)).map((r) => r.event).sort(), { timeout: 30_000 }).toEqual(['deal.won', 'project.created'])
  for (const r of received.filter((x) => x.body.includes(deal!.id))) expect(verifySignature(secret, r.body, r.signature)).toBe(true)

  // …and its delivery log says so.
  await page.goto('/acme/settings/webhooks')
  await page.getByTestId('webhook-endpoint').filter({ hasText: hookUrl }).getByRole('link', { name: /Delivery log/ }).click()
  await expect(page.getByTestId('webhook-delivery').filter({ hasText: 'Delivered' })).toHaveCount(2)
  await api.dispose()
  await anonymous.dispose()
})
