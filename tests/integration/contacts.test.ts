import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { deleteContact, getContact, restoreContact, updateContact } from '@/lib/crm/contacts'
import { ContactFields, UpdateContactInput } from '@/lib/crm/contacts.schema'
import { createMember, createOrg } from '../factories'
import { createTestCompany, createTestContact } from '../factories/companies'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)
type Ctx = Parameters<typeof updateContact>[1]
const update = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => updateContact(tx, ctx, UpdateContactInput.parse(input)))
const remove = (ctx: Ctx, id: string) => testDb.$transaction((tx) => deleteContact(tx, ctx, { id }))
const restore = (ctx: Ctx, id: string) => testDb.$transaction((tx) => restoreContact(tx, ctx, { id }))

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  return { org, admin, rep }
}

describe('createContact', () => {
  it('stores the email in lower case, owned by the creator, at a company of the organization', async () => {
    const { rep } = await setup()
    const company = await createTestCompany(rep.ctx, { name: 'Northwind' })
    const contact = await createTestContact(rep.ctx, { firstName: 'Anna', lastName: 'Berger', email: ' Anna.Berger@Northwind.example ', companyId: company.id })
    expect(contact).toMatchObject({ firstName: 'Anna', email: 'anna.berger@northwind.example', ownerId: rep.user.id, companyId: company.id })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: contact.id } })
    expect(log).toMatchObject({ action: 'contact.created', entityType: 'contact' })
    expect(log.changes).toMatchObject({ firstName: 'Anna', company: 'Northwind', owner: 'Sam Sales' })
  })

  it('refuses an email another live contact uses, whatever its case, on the email field', async () => {
    const { admin } = await setup()
    await createTestContact(admin.ctx, { firstName: 'Anna', lastName: 'Berger', email: 'anna@example.com' })
    expect(await fail(createTestContact(admin.ctx, { email: 'ANNA@example.com' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'email',
      message: 'anna@example.com already belongs to Anna Berger.',
    })
  })

  it('answers 404 on the company field for a company of another organization or in the trash', async () => {
    const { admin } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const foreign = await createTestCompany(outsider.ctx)
    const trashed = await createTestCompany(admin.ctx)
    await testDb.company.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } })
    expect(await fail(createTestContact(admin.ctx, { companyId: foreign.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
    expect(await fail(createTestContact(admin.ctx, { companyId: trashed.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
  })

  it('gives each bad value its own message', () => {
    const parsed = ContactFields.safeParse({ firstName: ' ', lastName: '', email: 'not-an-email', phone: 'call me', jobTitle: null, companyId: 'x', ownerId: null })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.flatten().fieldErrors).toEqual({
      firstName: ['Enter a first name.'],
      email: ['Enter a valid email address.'],
      phone: ['Enter a phone number like +49 30 1234567.'],
      companyId: ['Choose a company.'],
    })
  })
})

describe('updateContact', () => {
  it('moves a contact to another company and records it by name', async () => {
    const { admin } = await setup()
    const a = await createTestCompany(admin.ctx, { name: 'Alpha' })
    const b = await createTestCompany(admin.ctx, { name: 'Beta' })
    const contact = await createTestContact(admin.ctx, { companyId: a.id })
    await update(admin.ctx, { id: contact.id, companyId: b.id })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: contact.id, action: 'contact.updated' } })
    expect(log.changes).toMatchObject({ companyId: { from: a.id, to: b.id }, company: { from: 'Alpha', to: 'Beta' } })
  })

  it('reports a duplicate email next to the email field and keeps the old one', async () => {
    const { admin } = await setup()
    await createTestContact(admin.ctx, { email: 'taken@example.com' })
    const contact = await createTestContact(admin.ctx, { email: 'mine@example.com' })
    expect(await fail(update(admin.ctx, { id: contact.id, email: 'Taken@Example.com' }))).toMatchObject({ code: 'CONFLICT', field: 'email' })
    expect((await testDb.contact.findUniqueOrThrow({ where: { id: contact.id } })).email).toBe('mine@example.com')
  })

  it('lets a rep edit their own and unowned contacts but not a colleague’s; delivery none', async () => {
    const { org, admin, rep } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    const theirs = await createTestContact(admin.ctx)
    const unowned = await createTestContact(admin.ctx, { ownerId: null })
    expect(await fail(update(rep.ctx, { id: theirs.id, jobTitle: 'CFO' }))).toMatchObject({ code: 'FORBIDDEN', message: 'You can only change contacts you own or that have no owner.' })
    expect(await fail(update(delivery.ctx, { id: unowned.id, jobTitle: 'CFO' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect((await update(rep.ctx, { id: unowned.id, jobTitle: 'CFO' })).changed).toEqual(['jobTitle'])
  })

  it('answers 404 for another organization’s contact', async () => {
    const { admin } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const contact = await createTestContact(admin.ctx, { firstName: 'Mine' })
    expect(await fail(update(outsider.ctx, { id: contact.id, firstName: 'Stolen' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(getContact(testDb, outsider.ctx, contact.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(restore(outsider.ctx, contact.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect((await testDb.contact.findUniqueOrThrow({ where: { id: contact.id } })).firstName).toBe('Mine')
  })
})

describe('delete and restore', () => {
  it('trashes and restores a contact, refusing the restore while its email is taken', async () => {
    const { admin } = await setup()
    const contact = await createTestContact(admin.ctx, { email: 'anna@example.com' })
    await remove(admin.ctx, contact.id)
    const twin = await createTestContact(admin.ctx, { firstName: 'Twin', lastName: '', email: 'anna@example.com' })
    expect(await fail(restore(admin.ctx, contact.id))).toMatchObject({ code: 'CONFLICT', field: 'email' })
    await remove(admin.ctx, twin.id)
    await restore(admin.ctx, contact.id)
    expect((await getContact(testDb, admin.ctx, contact.id)).deletedAt).toBeNull()
    const actions = await testDb.activityLog.findMany({ where: { entityId: contact.id }, orderBy: { createdAt: 'asc' }, select: { action: true } })
    expect(actions.map((a) => a.action)).toEqual(['contact.created', 'contact.deleted', 'contact.restored'])
  })
})

describe('getContact', () => {
  it('shows the deals the contact is on with their role, and the other live deals of the company', async () => {
    const { admin } = await setup()
    const { pipeline } = await createSalesSetup(admin.ctx)
    const company = await createTestCompany(admin.ctx, { name: 'Fabrikam' })
    const contact = await createTestContact(admin.ctx, { companyId: company.id })
    const onIt = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'With contact', companyId: company.id })
    const elsewhere = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Other company deal', companyId: company.id })
    const trashed = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Trashed', companyId: company.id })
    await testDb.deal.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } })
    const otherCompanyDeal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Not their company' })
    await testDb.dealContact.createMany({
      data: [
        { orgId: admin.ctx.orgId, dealId: onIt.id, contactId: contact.id, role: 'CHAMPION' },
        { orgId: admin.ctx.orgId, dealId: otherCompanyDeal.id, contactId: contact.id, role: 'BILLING' },
      ],
    })

    const detail = await getContact(testDb, admin.ctx, contact.id)
    expect(detail.company).toMatchObject({ id: company.id, name: 'Fabrikam', deleted: false })
    expect(detail.deals.map((d) => [d.title, d.role]).sort()).toEqual([
      ['Not their company', 'BILLING'],
      ['With contact', 'CHAMPION'],
    ])
    expect(detail.companyDeals.map((d) => d.id)).toEqual([elsewhere.id])
  })
})
