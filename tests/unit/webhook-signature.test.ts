import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signPayload, verifySignature } from '@/lib/integration/signature'
import { retryDelaySeconds } from '@/lib/integration/dispatch'

describe('webhook signatures', () => {
  const secret = 'whsec_test'
  const body = '{"id":"1","type":"deal.won"}'

  it('is an HMAC-SHA256 of "<timestamp>.<body>" a receiver can recompute', () => {
    const header = signPayload(secret, body, 1_800_000_000)
    const expected = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex')
    expect(header).toBe(`t=1800000000,v1=${expected}`)
    expect(verifySignature(secret, body, header, 1_800_000_010)).toBe(true)
  })

  it('refuses another body, another secret, and an old timestamp', () => {
    const header = signPayload(secret, body, 1_800_000_000)
    expect(verifySignature(secret, body.replace('won', 'lost'), header, 1_800_000_000)).toBe(false)
    expect(verifySignature('whsec_other', body, header, 1_800_000_000)).toBe(false)
    expect(verifySignature(secret, body, header, 1_800_000_000 + 301)).toBe(false)
    expect(verifySignature(secret, body, 'garbage', 1_800_000_000)).toBe(false)
  })
})

describe('retry backoff', () => {
  it('doubles from 30 seconds and stops growing at two hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n))).toEqual([30, 60, 120, 240])
    expect(retryDelaySeconds(20)).toBe(7200)
  })
})
