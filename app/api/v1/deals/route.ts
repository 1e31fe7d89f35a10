import { db } from '@/lib/db'
import { apiHandler, apiJson } from '@/lib/api/handler'
import { assertCanReadCrm } from '@/lib/api/access'
import { listDeals } from '@/lib/crm/deal-list'
import { dealListDef } from '@/lib/crm/list-defs'
import { parseListParams } from '@/lib/crm/list-params'

/**
 * GET /api/v1/deals — the deal list with the deal list page's query parameters (q, owner,
 * pipeline, stage, status, type, company, close, sort, dir, size, after), 50 per page by
 * default; follow `nextCursor` with ?after=….
 */
export async function GET(request: Request) {
  return apiHandler(request, async (caller) => {
    assertCanReadCrm(caller.ctx)
    const search = Object.fromEntries(new URL(request.url).searchParams)
    const page = await listDeals(db, caller.ctx, parseListParams(dealListDef, search))
    return apiJson({
      data: page.rows.filter((row) => row.deletedAt === null).map(({ deletedAt: _deleted, ...row }) => row),
      total: page.total,
      nextCursor: page.nextCursor,
    })
  })
}
