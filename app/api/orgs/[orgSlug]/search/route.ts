import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { searchCrm } from '@/lib/crm/search'
import { SearchInput } from '@/lib/crm/search.schema'
import { jsonResponse } from '@/lib/route'

/**
 * Search as one types (the command palette, company pickers): GET ?q=…[&type=…][&limit=…]
 * -> a few hits of each type,
 * best first. A GET (not a server action) so that the browser can cancel a stale request and
 * answers do not queue behind each other.
 */
export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const query = new URL(request.url).searchParams
  const input = { q: query.get('q') ?? '', type: query.get('type') ?? undefined, limit: query.get('limit') ?? undefined }
  const result = await runAction(SearchInput, input, async (data, session) => {
    const member = await requireMember(db, session, orgSlug, 'crm:read')
    return searchCrm(db, ctxOf(member), data.q, { limit: data.limit, types: data.type ? [data.type] : undefined })
  })
  return jsonResponse(result)
}
