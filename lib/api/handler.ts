import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { authenticateApiToken, type ApiCaller } from '@/lib/integration/api-tokens'

// The REST API's one wrapper (/api/v1/*): the token -> the caller (their organization and
// current role), then the handler; expected failures become JSON errors with the right status
// ({ "error": { "code", "message", "fields"? } }), anything else a 500 with a reference.

export type ApiError = { code: string; message: string; fields?: Record<string, string[] | undefined> }

export function apiError(status: number, error: ApiError): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } })
}

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

export async function apiHandler(request: Request, handler: (caller: ApiCaller) => Promise<Response>): Promise<Response> {
  try {
    const caller = await authenticateApiToken(db, request.headers.get('authorization'))
    if (!caller) {
      return apiError(401, { code: 'UNAUTHENTICATED', message: 'Send a valid personal API token: Authorization: Bearer baton_… (Settings → API tokens).' })
    }
    return await handler(caller)
  } catch (error) {
    if (error instanceof AppError) return apiError(error.status, { code: error.code, message: error.message, ...(error.field ? { fields: { [error.field]: [error.message] } } : {}) })
    if (error instanceof z.ZodError) return apiError(422, { code: 'INVALID', message: 'Some values are not valid.', fields: z.flattenError(error).fieldErrors as ApiError['fields'] })
    const id = crypto.randomUUID().slice(0, 8)
    console.error(`[api ${id}]`, error)
    return apiError(500, { code: 'INTERNAL', message: `Something went wrong on our side (reference ${id}). Nothing was saved.` })
  }
}

/** A JSON body parsed with a schema (an empty body parses as {}). */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text()
  let raw: unknown = {}
  if (text.trim()) {
    try {
      raw = JSON.parse(text)
    } catch {
      throw new AppError('INVALID', 'The request body is not valid JSON.')
    }
  }
  return schema.parse(raw)
}
