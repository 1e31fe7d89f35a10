import { createHmac, timingSafeEqual } from 'node:crypto'

// Webhook signatures, as Stripe and GitHub do them: the receiver recomputes an HMAC-SHA256 of
// "<timestamp>.<raw body>" with the endpoint's secret and compares it with the header, and
// refuses old timestamps so a captured request cannot be replayed later. Pure.

export const SIGNATURE_HEADER = 'baton-signature'
export const TOLERANCE_SECONDS = 300

const mac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')

/** The header value for a body sent at `timestamp` (seconds): `t=<timestamp>,v1=<hex hmac>`. */
export function signPayload(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`
}

/** Whether a received header signs this exact body with this secret, within the tolerance. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds = Math.floor(Date.now() / 1000), tolerance = TOLERANCE_SECONDS): boolean {
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]))
  const timestamp = Number(parts.get('t'))
  const given = parts.get('v1')
  if (!Number.isInteger(timestamp) || !given || Math.abs(nowSeconds - timestamp) > tolerance) return false
  const expected = Buffer.from(mac(secret, timestamp, body), 'hex')
  const actual = Buffer.from(given, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
