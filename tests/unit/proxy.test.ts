import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { SESSION_COOKIES } from '@/lib/auth/session-cookie'
import { config, proxy } from '@/proxy'

const visit = (path: string, cookie?: string) => proxy(new NextRequest(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }))

describe('the sign-in proxy', () => {
  it('runs only for requests without a session cookie, by the names Auth.js gives it', () => {
    const matcher = config.matcher[0]!
    expect(matcher.missing.map((m) => m.key).sort()).toEqual([...SESSION_COOKIES].sort())
    expect(matcher.missing.every((m) => m.type === 'cookie')).toBe(true)
  })

  it('sends a visitor without a session to sign-in, keeping the page and its query to come back to', () => {
    const response = visit('/acme/projects/p1?task=t1')
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`http://localhost/sign-in?callbackUrl=${encodeURIComponent('/acme/projects/p1?task=t1')}`)
  })

  it('lets a token split into chunks through (the matcher cannot see those names)', () => {
    expect(visit('/acme/pipeline', 'authjs.session-token.0=abc; authjs.session-token.1=def').headers.get('x-middleware-next')).toBe('1')
  })
})
