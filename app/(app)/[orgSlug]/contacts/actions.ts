'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { bulkChangeOwner, bulkDelete, bulkRestore, type BulkResult } from '@/lib/crm/bulk'
import { BulkIdsInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'
import { createContact, deleteContact, restoreContact, updateContact } from '@/lib/crm/contacts'
import { CreateContactInput, UpdateContactInput } from '@/lib/crm/contacts.schema'

const OrgSlug = { orgSlug: z.string().min(1) }
const IdInput = z.object({ ...OrgSlug, id: z.uuid() })

function revalidateContacts(orgSlug: string, id?: string) {
  revalidatePath(`/${orgSlug}/contacts`)
  if (id) revalidatePath(`/${orgSlug}/contacts/${id}`)
}

export async function createContactAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(CreateContactInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const contact = await db.$transaction((tx) => createContact(tx, ctxOf(member), data))
    revalidateContacts(data.orgSlug)
    return { ok: true as const, data: { id: contact.id }, message: `Contact “${`${contact.firstName} ${contact.lastName}`.trim()}” created.` }
  })
}

/** An inline edit: `{ orgSlug, id, <field>: value }`; a bad value comes back as that field's error. */
export async function updateContactAction(input: z.input<typeof UpdateContactInput> & { orgSlug: string }) {
  return runAction(UpdateContactInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => updateContact(tx, ctxOf(member), data))
    revalidateContacts(data.orgSlug, data.id)
    return result
  })
}

export async function deleteContactAction(input: z.input<typeof IdInput>) {
  return runAction(IdInput, input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    await db.$transaction((tx) => deleteContact(tx, ctxOf(member), data))
    revalidateContacts(data.orgSlug, data.id)
    return { ok: true as const, data: { id: data.id }, message: 'Contact moved to the trash.' }
  })
}

export async function restoreContactAction(input: z.input<typeof IdInput>) {
  return runAction(IdInput, input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    await db.$transaction((tx) => restoreContact(tx, ctxOf(member), data))
    revalidateContacts(data.orgSlug, data.id)
    return { ok: true as const, data: { id: data.id }, message: 'Contact restored.' }
  })
}

export async function bulkDeleteContactsAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkDelete(tx, ctxOf(member), 'contact', data))
    revalidateContacts(data.orgSlug)
    return result
  })
}

export async function bulkRestoreContactsAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkRestore(tx, ctxOf(member), 'contact', data))
    revalidateContacts(data.orgSlug)
    return result
  })
}

export async function bulkOwnerContactsAction(input: z.input<typeof BulkOwnerInput> & { orgSlug: string }) {
  return runAction(BulkOwnerInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkChangeOwner(tx, ctxOf(member), 'contact', data))
    revalidateContacts(data.orgSlug)
    return result
  })
}
