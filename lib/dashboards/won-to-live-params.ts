// The won-to-live dashboard's one filter beyond the shared ones: a product (`?product=<uuid>`),
// set by clicking a product in the distribution by product. Pure (no database).
import { z } from 'zod'

export type WonToLiveFilters = { productId?: string }

const Params = z.object({ product: z.uuid().optional().catch(undefined) })

/** Bad values are dropped (a stale bookmark still opens the dashboard). */
export function wonToLiveFilters(searchParams: Record<string, string | string[] | undefined>): WonToLiveFilters {
  const product = searchParams.product
  return { productId: Params.parse({ product: typeof product === 'string' ? product : undefined }).product }
}
