import 'server-only'
import type { ActionResult } from '@/lib/action'

/**
 * A route handler's answer from the same ActionResult a server action returns (so a GET
 * endpoint goes through runAction too: session, zod, authorization, error mapping):
 * 200 with the data, or the failure's status with { error, fieldErrors }.
 */
export function jsonResponse<T>(result: ActionResult<T>): Response {
  const headers = { 'cache-control': 'private, no-store' }
  if (result.ok) return Response.json(result.data, { headers })
  return Response.json({ error: result.formError ?? 'Some values are not valid.', fieldErrors: result.fieldErrors }, { status: result.status, headers })
}
