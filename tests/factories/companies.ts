import type { Ctx } from '@/lib/authz'
import { createCompany } from '@/lib/crm/companies'
import { CreateCompanyInput } from '@/lib/crm/companies.schema'
import { createContact } from '@/lib/crm/contacts'
import { CreateContactInput } from '@/lib/crm/contacts.schema'
import { testDb } from '../setup/db'

let n = 0

/** A company created through its schema and service (so normalized, with its audit entry); returns the row. */
export async function createTestCompany(ctx: Ctx, input: Partial<Record<keyof CreateCompanyInput, string | null>> = {}) {
  const i = ++n
  const data = CreateCompanyInput.parse({ name: `Company ${i}`, ...input })
  const company = await testDb.$transaction((tx) => createCompany(tx, ctx, data))
  return testDb.company.findUniqueOrThrow({ where: { id: company.id } })
}

export async function createTestContact(ctx: Ctx, input: Partial<Record<keyof CreateContactInput, string | null>> = {}) {
  const i = ++n
  const data = CreateContactInput.parse({ firstName: `Person${i}`, lastName: 'Test', ...input })
  const contact = await testDb.$transaction((tx) => createContact(tx, ctx, data))
  return testDb.contact.findUniqueOrThrow({ where: { id: contact.id } })
}
