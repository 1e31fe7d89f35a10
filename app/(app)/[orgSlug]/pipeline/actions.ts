'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { loadColumnPage, type DealCard } from '@/lib/crm/board'
import { createDeal, type MovedDeal } from '@/lib/crm/deals'
import { BoardFilters, CreateDealInput, MoveDealInput } from '@/lib/crm/deals.schema'
import type { ActionState } from '@/lib/action'
import { boardQuery } from '@/lib/crm/board-query'
import { changeDealStage } from '@/lib/handoff/change-stage'
import { planWin, type WinPlan } from '@/lib/handoff/win-plan'
import { winDeal, type WinResult } from '@/lib/handoff/win-deal'
import { WinDealInput } from '@/lib/handoff/win-deal.schema'
import { deliverEventsSoon } from '@/lib/integration/after-commit'

const OrgSlug = { orgSlug: z.string().min(1) }

/** A win queues behind other wins of the same deal (the row lock): give it time. */
const WIN_TRANSACTION = { timeout: 15_000, maxWait: 10_000 }

export async function moveDealAction(input: z.input<typeof MoveDealInput> & { orgSlug: string }) {
  return runAction(MoveDealInput.extend(OrgSlug), input, async (data, session): Promise<MovedDeal & { projectId?: string | null }> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    const moved = await db.$transaction((tx) => changeDealStage(tx, ctxOf(member), data), WIN_TRANSACTION)
    if (moved.status === 'WON' || moved.previousStatus === 'WON') {
      deliverEventsSoon()
      revalidatePath(`/${data.orgSlug}/projects`)
    }
    return moved
  })
}

const PlanWinInput = z.object({ ...OrgSlug, dealId: z.uuid() })

/** What the "Mark as won" dialog offers: the template the rules pick and why, roles and people. */
export async function planWinAction(input: z.input<typeof PlanWinInput>) {
  return runAction(PlanWinInput, input, async (data, session): Promise<WinPlan> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return planWin(db, ctxOf(member), data.dealId)
  })
}

/** Wins a deal and builds its project (or hands back the one it has), in one transaction. */
export async function winDealAction(input: z.input<typeof WinDealInput> & { orgSlug: string }) {
  return runAction(WinDealInput.extend(OrgSlug), input, async (data, session): Promise<WinResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => winDeal(tx, ctxOf(member), data), WIN_TRANSACTION)
    deliverEventsSoon()
    revalidatePath(`/${data.orgSlug}/pipeline`)
    revalidatePath(`/${data.orgSlug}/deals/${data.dealId}`)
    revalidatePath(`/${data.orgSlug}/projects`)
    return result
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
