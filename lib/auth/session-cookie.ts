// The names Auth.js gives the session cookie: `__Secure-` over HTTPS, plain over HTTP.
// A large token is split into `<name>.0`, `<name>.1`, ... chunks.
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const

/** Which session cookie this request carries, if any. */
export function sessionCookieName(has: (name: string) => boolean): (typeof SESSION_COOKIES)[number] | null {
  return SESSION_COOKIES.find((name) => has(name) || has(`${name}.0`)) ?? null
}
