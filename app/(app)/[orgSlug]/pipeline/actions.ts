'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { loadColumnPage, type DealCard } from '@/lib/crm/board'
import { createDeal, moveDeal, type MovedDeal } from '@/lib/crm/deals'
import { BoardFilters, CreateDealInput, MoveDealInput } from '@/lib/crm/deals.schema'
import type { ActionState } from '@/lib/action'
import { boardQuery } from '@/lib/crm/board-query'

const OrgSlug = { orgSlug: z.string().min(1) }

export async function moveDealAction(input: z.input<typeof MoveDealInput> & { orgSlug: string }) {
  return runAction(MoveDealInput.extend(OrgSlug), input, async (data, session): Promise<MovedDeal> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return db.$transaction((tx) => moveDeal(tx, ctxOf(member), data))
  })
}

const LoadMoreInput = z.object({ ...OrgSlug, stageId: z.uuid(), cursor: z.string().max(100), filters: BoardFilters })

export async function loadMoreAction(input: z.input<typeof LoadMoreInput>) {
  return runAction(LoadMoreInput, input, async (data, session): Promise<{ cards: DealCard[]; nextCursor: string | null }> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return loadColumnPage(db, ctxOf(member), data.stageId, data.cursor, boardQuery(member, data.filters))
  })
}

export async function createDealAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(CreateDealInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const deal = await db.$transaction((tx) => createDeal(tx, ctxOf(member), data))
    revalidatePath(`/${data.orgSlug}/pipeline`)
    return { ok: true as const, data: { id: deal.id }, message: `Deal “${deal.title}” created.` }
  })
}
