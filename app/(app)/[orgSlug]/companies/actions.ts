'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { bulkChangeOwner, bulkDelete, bulkRestore, type BulkResult } from '@/lib/crm/bulk'
import { BulkIdsInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'
import { createCompany, deleteCompany, restoreCompany, updateCompany } from '@/lib/crm/companies'
import { CreateCompanyInput, UpdateCompanyInput } from '@/lib/crm/companies.schema'

const OrgSlug = { orgSlug: z.string().min(1) }
const IdInput = z.object({ ...OrgSlug, id: z.uuid() })

function revalidateCompanies(orgSlug: string, id?: string) {
  revalidatePath(`/${orgSlug}/companies`)
  if (id) revalidatePath(`/${orgSlug}/companies/${id}`)
}

export async function createCompanyAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(CreateCompanyInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const company = await db.$transaction((tx) => createCompany(tx, ctxOf(member), data))
    revalidateCompanies(data.orgSlug)
    return { ok: true as const, data: { id: company.id }, message: `Company “${company.name}” created.` }
  })
}

/** An inline edit: `{ orgSlug, id, <field>: value }`; a bad value comes back as that field's error. */
export async function updateCompanyAction(input: z.input<typeof UpdateCompanyInput> & { orgSlug: string }) {
  return runAction(UpdateCompanyInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => updateCompany(tx, ctxOf(member), data))
    revalidateCompanies(data.orgSlug, data.id)
    return result
  })
}

export async function deleteCompanyAction(input: z.input<typeof IdInput>) {
  return runAction(IdInput, input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    await db.$transaction((tx) => deleteCompany(tx, ctxOf(member), data))
    revalidateCompanies(data.orgSlug, data.id)
    return { ok: true as const, data: { id: data.id }, message: 'Company moved to the trash.' }
  })
}

export async function restoreCompanyAction(input: z.input<typeof IdInput>) {
  return runAction(IdInput, input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    await db.$transaction((tx) => restoreCompany(tx, ctxOf(member), data))
    revalidateCompanies(data.orgSlug, data.id)
    return { ok: true as const, data: { id: data.id }, message: 'Company restored.' }
  })
}

export async function bulkDeleteCompaniesAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkDelete(tx, ctxOf(member), 'company', data))
    revalidateCompanies(data.orgSlug)
    return result
  })
}

export async function bulkRestoreCompaniesAction(input: z.input<typeof BulkIdsInput> & { orgSlug: string }) {
  return runAction(BulkIdsInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkRestore(tx, ctxOf(member), 'company', data))
    revalidateCompanies(data.orgSlug)
    return result
  })
}

export async function bulkOwnerCompaniesAction(input: z.input<typeof BulkOwnerInput> & { orgSlug: string }) {
  return runAction(BulkOwnerInput.extend(OrgSlug), input, async (data, session): Promise<BulkResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const result = await db.$transaction((tx) => bulkChangeOwner(tx, ctxOf(member), 'company', data))
    revalidateCompanies(data.orgSlug)
    return result
  })
}
