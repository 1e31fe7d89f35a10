import { db } from '@/lib/db'
import { apiHandler, apiJson } from '@/lib/api/handler'
import { assertCanReadCrm } from '@/lib/api/access'
import { getDeal } from '@/lib/crm/deal-detail'

/** GET /api/v1/deals/{id} — one deal with its line items and contacts. */
export async function GET(request: Request, { params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params
  return apiHandler(request, async (caller) => {
    assertCanReadCrm(caller.ctx)
    const { stages: _stages, canEdit: _edit, canReassign: _reassign, version: _version, ...deal } = await getDeal(db, caller.ctx, dealId)
    return apiJson({ data: deal })
  })
}
