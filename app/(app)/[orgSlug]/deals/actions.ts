'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { bulkChangeOwner, bulkDelete, bulkMoveDeals, bulkRestore, type BulkResult } from '@/lib/crm/bulk'
import { BulkIdsInput, BulkMoveInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'

// Bulk actions of the deals list. One deal's own edits live in deals/[id]/actions.ts.
const OrgSlug = { orgSlug: z.string().min(1) }

function revalidateDeals(orgSlug: string) {
  revalidatePath(`/${orgSlug}/deals`)
  revalidatePath(`/${orgSlug}/pipeline`)
}

export async function bulkDeleteDealsAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkDelete(tx, ctxOf(member), 'deal', data))
    revalidateDeals(data.orgSlug)
    return result
  })
}

export async function bulkRestoreDealsAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkRestore(tx, ctxOf(member), 'deal', data))
    revalidateDeals(data.orgSlug)
    return result
  })
}

export async function bulkOwnerDealsAction(input: z.input<typeof BulkOwnerInput> & { orgSlug: string }) {
  return runAction(BulkOwnerInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkChangeOwner(tx, ctxOf(member), 'deal', data))
    revalidateDeals(data.orgSlug)
    return result
  })
}

export async function bulkMoveDealsAction(input: z.input<typeof BulkMoveInput> & { orgSlug: string }) {
  return runAction(BulkMoveInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkMoveDeals(tx, ctxOf(member), data), { timeout: 20_000 })
    revalidateDeals(data.orgSlug)
    return result
  })
}
