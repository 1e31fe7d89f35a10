import 'server-only'
import { getToken } from 'next-auth/jwt'
import { cookies, headers } from 'next/headers'
import { cache } from 'react'
import { sessionCookieName } from '@/lib/auth/session-cookie'
import { env } from '@/lib/env'

export type Session = { userId: string }

/**
 * The signed-in user of this request, or null. Decoded once per request, however many ask.
 * It reads the session token itself (Auth.js's `getToken`: decrypt and check expiry) instead
 * of `auth()`, which runs Auth.js's whole session endpoint per call and encrypts a refreshed
 * token that a page cannot set anyway. The token's subject is the user id (lib/auth.ts).
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const store = await cookies()
  const cookieName = sessionCookieName((name) => store.has(name))
  if (!cookieName) return null
  const token = await getToken({ req: { headers: await headers() }, secret: env().AUTH_SECRET, cookieName, secureCookie: cookieName.startsWith('__Secure-') })
  return typeof token?.sub === 'string' ? { userId: token.sub } : null
})
