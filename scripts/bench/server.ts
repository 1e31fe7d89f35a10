// The production server the bench measures: build (when the sources changed), start on a
// free port against the scale database, sign in through Auth.js, time requests.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { bins, root, runBin } from '../lib/run'

export const DIST_DIR = '.next-bench'

function newestMtime(target: string): number {
  const full = path.join(root, target)
  if (!existsSync(full)) return 0
  const stat = statSync(full)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(full)) {
    if (entry === 'generated' || entry === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** When the build in DIST_DIR was made, or null. */
export function builtAt(): number | null {
  const buildId = path.join(root, DIST_DIR, 'BUILD_ID')
  return existsSync(buildId) ? statSync(buildId).mtimeMs : null
}

/** True when there is no build in DIST_DIR or a source is newer than it. */
export function buildIsStale() {
  const buildId = path.join(root, DIST_DIR, 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const sources = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'prisma/schema.prisma', 'package-lock.json']
  return Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs
}

export async function build(env: Record<string, string>) {
  const code = await runBin(bins.next, ['build'], { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' })
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see its output above.`)
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`No free port between ${from} and ${from + 99}.`)
}

export type Server = { url: string; child: ChildProcess; log: string; stop: () => Promise<void> }

/** `next start` on the port; its output goes to a log file so the bench's table stays readable. */
export async function startServer(port: number, env: Record<string, string>, logDir: string): Promise<Server> {
  mkdirSync(logDir, { recursive: true })
  const log = path.join(logDir, 'server.log')
  const out = createWriteStream(log)
  const child = spawn(process.execPath, [path.join(root, bins.next), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ...env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.pipe(out, { end: false })
  child.stderr!.pipe(out, { end: false })
  child.once('exit', () => out.end())
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
  }
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${path.relative(root, log)}.`)
    try {
      const response = await fetch(`${url}/sign-in`, { redirect: 'manual' })
      if (response.status < 500) return { url, child, log, stop }
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`next start did not answer within 60 s; see ${path.relative(root, log)}.`)
}

/** A cookie jar of one signed-in user. */
export class Session {
  private jar = new Map<string, string>()
  constructor(readonly email: string) {}
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
  }
}

/** Signs in through Auth.js's own credentials endpoint (csrf token, then the callback), as the sign-in form does. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const session = new Session(email)
  const csrf = await fetch(`${base}/api/auth/csrf`)
  session.keep(csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  })
  session.keep(callback)
  const me = await fetch(`${base}/api/auth/session`, { headers: { cookie: session.cookie } })
  const body = (await me.json()) as { user?: { email?: string } } | null
  if (body?.user?.email !== email) throw new Error(`Signing in as ${email} failed (callback answered ${callback.status} ${callback.headers.get('location') ?? ''}).`)
  return session
}

export type Timed = { ms: number; status: number; bytes: number; serverTimingMs: number | null; problem: string | null }

/** One GET, timed from sending to the last byte of the body (on loopback: the server's time). */
export async function timedGet(base: string, pathAndQuery: string, session: Session, expect: (body: string) => string | null): Promise<Timed> {
  const started = performance.now()
  const response = await fetch(`${base}${pathAndQuery}`, { redirect: 'manual', headers: { cookie: session.cookie } })
  const body = await response.text()
  const ms = performance.now() - started
  const total = /(?:^|,)\s*total;[^,]*dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')
  const problem = response.status !== 200 ? `HTTP ${response.status}${response.headers.get('location') ? ` -> ${response.headers.get('location')}` : ''}` : expect(body)
  return { ms, status: response.status, bytes: Buffer.byteLength(body), serverTimingMs: total ? Number(total[1]) : null, problem }
}
