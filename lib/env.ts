import { z } from 'zod'

// The server's environment, validated once. A bad or missing variable stops the
// server at start-up with a message that names it (see instrumentation.ts).
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required: the connection URL of a PostgreSQL 15+ database' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql:// (a PostgreSQL connection URL)'),
  AUTH_SECRET: z
    .string({ error: 'AUTH_SECRET is required: a random string of at least 32 characters (openssl rand -base64 32)' })
    .min(32, 'AUTH_SECRET must be at least 32 characters long (openssl rand -base64 32)'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** "off" when the worker runs as its own process (npm run worker) */
  BATON_WORKER: z.enum(['on', 'off'], 'BATON_WORKER must be "on" (the default: the worker runs inside the app) or "off"').default('on'),
})

export type Env = z.infer<typeof EnvSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return result.data
}

let cached: Env | undefined
export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
