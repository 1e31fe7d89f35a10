'use server'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { searchCrm } from '@/lib/crm/search'
import { SearchInput, type SearchHit } from '@/lib/crm/search.schema'

/** The command palette's search: a few of each type, best first. */
export async function searchAction(input: z.input<typeof SearchInput> & { orgSlug: string }) {
  return runAction(SearchInput.extend({ orgSlug: z.string().min(1) }), input, async (data, session): Promise<SearchHit[]> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return searchCrm(db, ctxOf(member), data.q, { limit: 5, types: data.type ? [data.type] : undefined })
  })
}
