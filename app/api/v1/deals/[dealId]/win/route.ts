import { db } from '@/lib/db'
import { apiHandler, apiJson, readJson } from '@/lib/api/handler'
import { IDEMPOTENCY_HEADER, withIdempotency } from '@/lib/api/idempotency'
import { winDeal } from '@/lib/handoff/win-deal'
import { WinDealInput } from '@/lib/handoff/win-deal.schema'
import { kickOutbox } from '@/lib/integration/worker'
import { env } from '@/lib/env'

const Body = WinDealInput.omit({ dealId: true, version: true, afterId: true, beforeId: true })

/**
 * POST /api/v1/deals/{id}/win — the same winDeal as the board and the deal page, in one
 * transaction: 200 with the deal and its project (created, or the one it already had).
 * Body (all optional): { closeOn, project: "auto" | "none", templateId, kickoffOn, roleAssignments }.
 * With an Idempotency-Key header, a retry gets the first answer back.
 */
export async function POST(request: Request, { params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params
  return apiHandler(request, async (caller) => {
    const body = await readJson(request, Body)
    const answer = await withIdempotency(db, caller, request.headers.get(IDEMPOTENCY_HEADER), `POST /api/v1/deals/${dealId}/win`, async () => {
      const input = WinDealInput.parse({ ...body, dealId })
      const result = await db.$transaction((tx) => winDeal(tx, caller.ctx, input), { timeout: 15_000, maxWait: 10_000 })
      return { status: 200, body: { data: result } }
    })
    if (!answer.replayed) void kickOutbox(env().DATABASE_URL)
    const response = apiJson(answer.body, answer.status)
    if (answer.replayed) response.headers.set('idempotent-replayed', 'true')
    return response
  })
}
