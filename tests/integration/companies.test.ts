import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { createCompany, deleteCompany, getCompany, restoreCompany, updateCompany } from '@/lib/crm/companies'
import { CreateCompanyInput, UpdateCompanyInput } from '@/lib/crm/companies.schema'
import { createMember, createOrg } from '../factories'
import { createTestCompany, createTestContact } from '../factories/companies'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)
type Ctx = Parameters<typeof updateCompany>[1]
const update = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => updateCompany(tx, ctx, UpdateCompanyInput.parse(input)))
const remove = (ctx: Ctx, id: string) => testDb.$transaction((tx) => deleteCompany(tx, ctx, { id }))
const restore = (ctx: Ctx, id: string) => testDb.$transaction((tx) => restoreCompany(tx, ctx, { id }))

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  return { org, admin, rep }
}

describe('createCompany', () => {
  it('stores the bare domain of a pasted URL, owned by the creator, and records the creation', async () => {
    const { rep } = await setup()
    const company = await createTestCompany(rep.ctx, { name: ' Northwind ', domain: 'https://www.Northwind.example/about', country: 'de', industry: '' })
    expect(company).toMatchObject({ name: 'Northwind', domain: 'northwind.example', country: 'DE', industry: null, ownerId: rep.user.id })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: company.id } })
    expect(log).toMatchObject({ action: 'company.created', actorId: rep.user.id, entityType: 'company' })
    expect(log.changes).toMatchObject({ name: 'Northwind', domain: 'northwind.example', owner: 'Sam Sales' })
  })

  it('refuses a domain another live company of the organization uses, whatever its case, on the domain field', async () => {
    const { admin } = await setup()
    await createTestCompany(admin.ctx, { name: 'Northwind', domain: 'northwind.example' })
    const error = await fail(createTestCompany(admin.ctx, { name: 'Copy', domain: 'NorthWind.example' }))
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'domain', message: 'northwind.example already belongs to “Northwind”.' })
    expect(await testDb.company.count()).toBe(1)
  })

  it('maps the unique index itself to the domain field when a concurrent creation slips past the check', async () => {
    const { admin } = await setup()
    // A inserts and holds its transaction open; B checks (sees nothing yet), then waits on the index.
    let inserted!: () => void
    let release!: () => void
    const aInserted = new Promise<void>((r) => (inserted = r))
    const aRelease = new Promise<void>((r) => (release = r))
    const a = testDb.$transaction(async (tx) => {
      await createCompany(tx, admin.ctx, CreateCompanyInput.parse({ name: 'A', domain: 'race.example' }))
      inserted()
      await aRelease
    })
    await aInserted
    const b = fail(testDb.$transaction((tx) => createCompany(tx, admin.ctx, CreateCompanyInput.parse({ name: 'B', domain: 'race.example' }))))
    await expect.poll(async () => (await testDb.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_locks WHERE NOT granted`)[0]!.n, { timeout: 10_000 }).toBeGreaterThan(0n)
    release()
    await a
    expect(await b).toMatchObject({ code: 'CONFLICT', field: 'domain', message: 'Another company already uses race.example.' })
    expect(await testDb.company.count()).toBe(1)
  })

  it('lets another organization use the same domain, and a deleted company’s domain be reused', async () => {
    const { admin } = await setup()
    const other = await createMember(await createOrg(), 'ADMIN')
    const first = await createTestCompany(admin.ctx, { domain: 'shared.example' })
    await createTestCompany(other.ctx, { domain: 'shared.example' })
    await remove(admin.ctx, first.id)
    await createTestCompany(admin.ctx, { domain: 'shared.example' })
    expect(await testDb.company.count({ where: { domain: 'shared.example' } })).toBe(3)
  })

  it('refuses delivery, and a sales rep giving the company to someone else', async () => {
    const { org, admin, rep } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    expect(await fail(createTestCompany(delivery.ctx))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(createTestCompany(rep.ctx, { ownerId: admin.user.id }))).toMatchObject({ code: 'FORBIDDEN', field: 'ownerId' })
    expect((await createTestCompany(rep.ctx, { ownerId: null })).ownerId).toBeNull()
  })
})

describe('updateCompany', () => {
  it('changes one field and records it as {field: {from, to}}', async () => {
    const { admin } = await setup()
    const company = await createTestCompany(admin.ctx, { name: 'Contoso', industry: 'Pharma' })
    const result = await update(admin.ctx, { id: company.id, industry: 'Healthcare' })
    expect(result.changed).toEqual(['industry'])
    expect((await testDb.company.findUniqueOrThrow({ where: { id: company.id } })).industry).toBe('Healthcare')
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: company.id, action: 'company.updated' } })
    expect(log.changes).toEqual({ industry: { from: 'Pharma', to: 'Healthcare' } })
  })

  it('clears a field with an empty value and writes nothing when nothing changed', async () => {
    const { admin } = await setup()
    const company = await createTestCompany(admin.ctx, { industry: 'Pharma' })
    await update(admin.ctx, { id: company.id, industry: '' })
    expect((await testDb.company.findUniqueOrThrow({ where: { id: company.id } })).industry).toBeNull()
    expect((await update(admin.ctx, { id: company.id, industry: '' })).changed).toEqual([])
    expect(await testDb.activityLog.count({ where: { entityId: company.id, action: 'company.updated' } })).toBe(1)
  })

  it('reports a duplicate domain next to the domain field and keeps the old one', async () => {
    const { admin } = await setup()
    await createTestCompany(admin.ctx, { name: 'Northwind', domain: 'northwind.example' })
    const company = await createTestCompany(admin.ctx, { name: 'Other', domain: 'other.example' })
    expect(await fail(update(admin.ctx, { id: company.id, domain: 'NORTHWIND.example' }))).toMatchObject({ code: 'CONFLICT', field: 'domain' })
    expect((await testDb.company.findUniqueOrThrow({ where: { id: company.id } })).domain).toBe('other.example')
    // its own domain in another case is not a duplicate
    expect((await update(admin.ctx, { id: company.id, domain: 'Other.example' })).changed).toEqual([])
  })

  it('rejects bad values with a message for the field', () => {
    const parsed = UpdateCompanyInput.safeParse({ id: crypto.randomUUID(), name: '', domain: 'not a domain', country: 'Germany', sizeBand: 'HUGE' })
    expect(parsed.success).toBe(false)
    const errors = parsed.error!.flatten().fieldErrors
    expect(errors).toMatchObject({
      name: ['Give the company a name.'],
      domain: ['Enter a domain like example.com.'],
      country: ['Use a two-letter country code like DE or US.'],
      sizeBand: ['Choose a size.'],
    })
  })

  it('lets a rep edit their own and unowned companies but not a colleague’s; delivery none', async () => {
    const { org, admin, rep } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    const theirs = await createTestCompany(admin.ctx)
    const unowned = await createTestCompany(admin.ctx, { ownerId: null })
    const own = await createTestCompany(rep.ctx)
    expect(await fail(update(rep.ctx, { id: theirs.id, industry: 'X' }))).toMatchObject({ code: 'FORBIDDEN', message: 'You can only change companies you own or that have no owner.' })
    expect(await fail(update(delivery.ctx, { id: own.id, industry: 'X' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect((await update(rep.ctx, { id: own.id, industry: 'X' })).changed).toEqual(['industry'])
    // a rep claims an unowned company, and cannot hand their own to someone else
    expect((await update(rep.ctx, { id: unowned.id, ownerId: rep.user.id })).changed).toEqual(['ownerId'])
    expect(await fail(update(rep.ctx, { id: own.id, ownerId: admin.user.id }))).toMatchObject({ code: 'FORBIDDEN', field: 'ownerId' })
    // a manager reassigns; the audit names both owners
    await update(admin.ctx, { id: own.id, ownerId: admin.user.id })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: own.id, action: 'company.updated', actorId: admin.user.id } })
    expect(log.changes).toMatchObject({ owner: { from: 'Sam Sales', to: 'Ada Admin' } })
  })

  it('refuses an owner from another organization or one who cannot work the CRM', async () => {
    const { org, admin } = await setup()
    const company = await createTestCompany(admin.ctx)
    const outsider = await createMember(await createOrg(), 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    expect(await fail(update(admin.ctx, { id: company.id, ownerId: outsider.user.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' })
    expect(await fail(update(admin.ctx, { id: company.id, ownerId: delivery.user.id }))).toMatchObject({ code: 'INVALID', field: 'ownerId' })
  })

  it('answers 404 for another organization’s company and leaves it alone', async () => {
    const { admin } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const company = await createTestCompany(admin.ctx, { name: 'Mine' })
    expect(await fail(update(outsider.ctx, { id: company.id, name: 'Stolen' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(remove(outsider.ctx, company.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(getCompany(testDb, outsider.ctx, company.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({ name: 'Mine', deletedAt: null })
  })
})

describe('delete and restore', () => {
  it('moves a company to the trash and back, with an audit entry each way', async () => {
    const { admin } = await setup()
    const company = await createTestCompany(admin.ctx, { name: 'Trashy' })
    await remove(admin.ctx, company.id)
    expect((await getCompany(testDb, admin.ctx, company.id)).deletedAt).not.toBeNull()
    expect(await fail(update(admin.ctx, { id: company.id, name: 'Edited' }))).toMatchObject({ code: 'INVALID' })
    await restore(admin.ctx, company.id)
    expect((await getCompany(testDb, admin.ctx, company.id)).deletedAt).toBeNull()
    const actions = await testDb.activityLog.findMany({ where: { entityId: company.id }, orderBy: { createdAt: 'asc' }, select: { action: true } })
    expect(actions.map((a) => a.action)).toEqual(['company.created', 'company.deleted', 'company.restored'])
  })

  it('cannot restore a company whose domain a live company took meanwhile', async () => {
    const { admin } = await setup()
    const old = await createTestCompany(admin.ctx, { name: 'Old', domain: 'taken.example' })
    await remove(admin.ctx, old.id)
    await createTestCompany(admin.ctx, { name: 'New', domain: 'taken.example' })
    expect(await fail(restore(admin.ctx, old.id))).toMatchObject({ code: 'CONFLICT', field: 'domain', message: 'It cannot be restored: taken.example already belongs to “New”.' })
    expect((await testDb.company.findUniqueOrThrow({ where: { id: old.id } })).deletedAt).not.toBeNull()
  })

  it('lets a rep delete only companies they may edit', async () => {
    const { admin, rep } = await setup()
    const theirs = await createTestCompany(admin.ctx)
    expect(await fail(remove(rep.ctx, theirs.id))).toMatchObject({ code: 'FORBIDDEN' })
    expect((await testDb.company.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull()
  })
})

describe('getCompany', () => {
  it('returns the live contacts and deals of the company with their counts', async () => {
    const { admin } = await setup()
    const { pipeline } = await createSalesSetup(admin.ctx)
    const company = await createTestCompany(admin.ctx, { name: 'Fabrikam' })
    const anna = await createTestContact(admin.ctx, { firstName: 'Anna', lastName: 'Berger', companyId: company.id })
    const gone = await createTestContact(admin.ctx, { firstName: 'Gone', lastName: 'Person', companyId: company.id })
    await testDb.contact.update({ where: { id: gone.id }, data: { deletedAt: new Date() } })
    await createTestContact(admin.ctx, { firstName: 'Elsewhere' })
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Fabrikam rollout', companyId: company.id, amount: '1,500.00' })
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Unrelated' })

    const detail = await getCompany(testDb, admin.ctx, company.id)
    expect(detail.contacts.map((c) => c.id)).toEqual([anna.id])
    expect(detail.contactCount).toBe(1)
    expect(detail.deals).toEqual([expect.objectContaining({ id: deal.id, title: 'Fabrikam rollout', amountMinor: '150000', stageName: 'Lead in', status: 'OPEN' })])
    expect(detail.dealCount).toBe(1)
    expect(detail.canEdit).toBe(true)
  })
})
