import 'server-only'
import { db } from '@/lib/db'
import { ctxOf, requireMember } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import { currentSession } from '@/lib/session'
import { companyCsv, companyListSpec } from '@/lib/crm/company-list'
import { contactCsv, contactListSpec } from '@/lib/crm/contact-list'
import { dealCsv, dealListSpec } from '@/lib/crm/deal-list'
import { csvResponse, exportCsv } from '@/lib/crm/list-export'
import { parseListParams } from '@/lib/crm/list-params'

export type ExportedList = 'companies' | 'contacts' | 'deals'

/**
 * GET /[orgSlug]/<list>/export?<the list's own URL parameters>: the list as filtered, sorted
 * and with its visible columns, streamed as CSV. Signed out: 401; not a member of the
 * organization: 404 (as for a missing one); no CRM access: 403.
 */
export async function exportListResponse(request: Request, orgSlug: string, list: ExportedList): Promise<Response> {
  let member
  try {
    member = await requireMember(db, await currentSession(), orgSlug, 'crm:read')
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    throw error
  }
  const search = Object.fromEntries(new URL(request.url).searchParams)
  const ctx = ctxOf(member)
  const filename = `${member.org.slug}-${list}-${todayIn(member.org.timeZone)}.csv`
  switch (list) {
    case 'companies':
      return csvResponse(exportCsv(db, companyListSpec, ctx, parseListParams(companyListSpec.def, search), companyCsv), filename)
    case 'contacts':
      return csvResponse(exportCsv(db, contactListSpec, ctx, parseListParams(contactListSpec.def, search), contactCsv), filename)
    case 'deals':
      return csvResponse(exportCsv(db, dealListSpec, ctx, parseListParams(dealListSpec.def, search), dealCsv), filename)
  }
}
