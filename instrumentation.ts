// Runs once when a server starts: a bad environment stops it here, with a message
// that names the variable, instead of failing on the first request. Then the background
// worker (outbox -> webhooks) starts in this process, unless BATON_WORKER=off says it runs
// as its own process (`npm run worker`, for several app servers).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { parseEnv } = await import('@/lib/env')
  let env
  try {
    env = parseEnv(process.env)
  } catch (error) {
    throw new Error(`${(error as Error).message}\nSee .env.example for what each variable means.`)
  }
  if (env.BATON_WORKER === 'off') return
  const [{ startWorker }, { db }] = await Promise.all([import('@/lib/integration/worker'), import('@/lib/db')])
  try {
    await startWorker({ connectionString: env.DATABASE_URL, db })
  } catch (error) {
    // The app still serves; events wait in the outbox until a worker runs.
    console.error('[worker] did not start; webhooks wait in the outbox until it does:', error)
  }
}
