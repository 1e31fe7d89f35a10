import 'server-only'
import { z } from 'zod'
import { AppError } from '@/lib/errors'
import type { Session } from '@/lib/session'

export type FieldErrors = Record<string, string[] | undefined>

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; status: number; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> }

/** The state a form starts with before its first submit. */
export type ActionState<T = undefined> = ActionResult<T> | null

type Deps = { getSession: () => Promise<Session | null> }

// Loaded on use so that services and this wrapper stay importable outside Next (tests, scripts).
const requestSession: Deps['getSession'] = async () => (await import('@/lib/session')).currentSession()

/** Plain object from FormData (a key given twice becomes an array); files are dropped. */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue
    const values = form.getAll(key).filter((v): v is string => typeof v === 'string')
    if (values.length === 1) out[key] = values[0]!
    else if (values.length > 1) out[key] = values
  }
  return out
}

function echo(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const entries = Object.entries(raw as Record<string, unknown>).filter(
    ([key, value]) => typeof value === 'string' && !/password|secret|token/i.test(key),
  )
  return Object.fromEntries(entries) as Record<string, string>
}

/**
 * Every server action goes through here, in this order: session -> parse -> handler
 * (which authorizes with requireMember and calls a service). Expected failures come back
 * as messages; anything else is logged with an id and the user sees a generic message.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: FormData | unknown,
  handler: (input: z.infer<S>, session: Session) => Promise<T | ActionResult<T>>,
  deps: Deps = { getSession: requestSession },
): Promise<ActionResult<T>> {
  const raw = input instanceof FormData ? formToObject(input) : input
  const session = await deps.getSession()
  if (!session) return { ok: false, status: 401, formError: 'You are signed out. Sign in again to continue.' }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, status: 422, fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors, values: echo(raw) }
  }
  try {
    const result = await handler(parsed.data, session)
    if (result && typeof result === 'object' && 'ok' in result) return result as ActionResult<T>
    return { ok: true, data: result as T }
  } catch (error) {
    if (error instanceof AppError) {
      const base = { ok: false as const, status: error.status, values: echo(raw) }
      return error.field ? { ...base, fieldErrors: { [error.field]: [error.message] } } : { ...base, formError: error.message }
    }
    if (isNextControlFlow(error)) throw error
    const id = crypto.randomUUID().slice(0, 8)
    console.error(`[action ${id}]`, error)
    return { ok: false, status: 500, formError: `Something went wrong on our side (reference ${id}). Nothing was saved.`, values: echo(raw) }
  }
}

/** redirect() and notFound() throw errors that Next must see. */
function isNextControlFlow(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'))
}
