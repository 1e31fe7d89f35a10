import { NextResponse, type NextRequest } from 'next/server'
import { sessionCookieName } from '@/lib/auth/session-cookie'

// Optimistic only: a visitor without a session cookie is sent to sign-in before any
// rendering. It is never the authorization check: every page, action and route handler
// checks the session, membership and role itself (lib/authz.ts).
export function proxy(request: NextRequest) {
  // A server action answers a signed-out caller itself ("You are signed out", lib/action.ts);
  // a redirect to the sign-in page would reach the form as a response it cannot read.
  if (request.headers.has('next-action')) return NextResponse.next()
  // An API route answers a signed-out caller with 401 JSON (lib/route.ts), not with a page.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next()
  if (sessionCookieName((name) => request.cookies.has(name))) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = '/sign-in'
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`
  return NextResponse.redirect(url)
}

export const config = {
  matcher: [
    {
      // Everything but sign-in, Auth.js's own routes, Next's assets and public files...
      source: '/((?!sign-in|api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|woff2)$).*)',
      // ...and only without a session cookie: Next matches cookies before it runs the proxy, so a
      // signed-in request skips it (3-4 ms of server time per page). A token split into chunks
      // (`<name>.0`) still comes here, and the check above lets it through. Next reads this config
      // without running it, so the names are written out: a unit test keeps them SESSION_COOKIES.
      missing: [
        { type: 'cookie', key: '__Secure-authjs.session-token' },
        { type: 'cookie', key: 'authjs.session-token' },
      ],
    },
  ],
}
