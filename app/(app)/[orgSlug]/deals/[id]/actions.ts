'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { updateDeal, type UpdatedDeal } from '@/lib/crm/deals'
import { UpdateDealInput } from '@/lib/crm/deals.schema'
import { addLineItem, removeLineItem, updateLineItem } from '@/lib/crm/line-items'
import { AddLineItemInput, RemoveLineItemInput, UpdateLineItemInput } from '@/lib/crm/line-items.schema'
import { addDealContact, changeDealContactRole, removeDealContact, searchContacts, type ContactOption } from '@/lib/crm/deal-contacts'
import { AddDealContactInput, ChangeDealContactRoleInput, RemoveDealContactInput, SearchContactsInput } from '@/lib/crm/deal-contacts.schema'

const OrgSlug = { orgSlug: z.string().min(1) }

function revalidateDeal(orgSlug: string, dealId: string) {
  revalidatePath(`/${orgSlug}/deals/${dealId}`)
  revalidatePath(`/${orgSlug}/pipeline`)
}

/** One inline edit of the deal page (a field or two), guarded by the version the user saw. */
export async function updateDealAction(input: z.input<typeof UpdateDealInput> & { orgSlug: string }) {
  return runAction(UpdateDealInput.extend(OrgSlug), input, async (data, session): Promise<UpdatedDeal> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const updated = await db.$transaction((tx) => updateDeal(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, data.dealId)
    return updated
  })
}

export async function addLineItemAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(AddLineItemInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const line = await db.$transaction((tx) => addLineItem(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, line.dealId)
    return { ok: true as const, data: { id: line.id }, message: 'Line item added.' }
  })
}

export async function updateLineItemAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(UpdateLineItemInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const line = await db.$transaction((tx) => updateLineItem(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, line.dealId)
    return { ok: true as const, data: { id: line.id }, message: 'Line item saved.' }
  })
}

export async function removeLineItemAction(input: z.input<typeof RemoveLineItemInput> & { orgSlug: string }) {
  return runAction(RemoveLineItemInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const line = await db.$transaction((tx) => removeLineItem(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, line.dealId)
    return { id: line.id }
  })
}

export async function addDealContactAction(_: ActionState<{ contactId: string }>, form: FormData) {
  return runAction(AddDealContactInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const link = await db.$transaction((tx) => addDealContact(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, data.dealId)
    return { ok: true as const, data: { contactId: link.contactId }, message: 'Contact added to the deal.' }
  })
}

export async function changeDealContactRoleAction(input: z.input<typeof ChangeDealContactRoleInput> & { orgSlug: string }) {
  return runAction(ChangeDealContactRoleInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const link = await db.$transaction((tx) => changeDealContactRole(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, data.dealId)
    return link
  })
}

export async function removeDealContactAction(input: z.input<typeof RemoveDealContactInput> & { orgSlug: string }) {
  return runAction(RemoveDealContactInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const link = await db.$transaction((tx) => removeDealContact(tx, ctxOf(member), data))
    revalidateDeal(data.orgSlug, data.dealId)
    return link
  })
}

/** The contact picker's search: by name or email, at most 10, none already on the deal. */
export async function searchContactsAction(input: z.input<typeof SearchContactsInput> & { orgSlug: string }) {
  return runAction(SearchContactsInput.extend(OrgSlug), input, async (data, session): Promise<ContactOption[]> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return searchContacts(db, ctxOf(member), data)
  })
}
