// Runs once when a server starts: a bad environment stops it here, with a message
// that names the variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { parseEnv } = await import('@/lib/env')
  try {
    parseEnv(process.env)
  } catch (error) {
    throw new Error(`${(error as Error).message}\nSee .env.example for what each variable means.`)
  }
}
