import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import type { AppError } from '@/lib/errors'
import { lineItemTotal } from '@/lib/money'
import { updateDeal } from '@/lib/crm/deals'
import { UpdateDealInput } from '@/lib/crm/deals.schema'
import { getDeal } from '@/lib/crm/deal-detail'
import { addLineItem, removeLineItem, updateLineItem } from '@/lib/crm/line-items'
import { AddLineItemInput, UpdateLineItemInput } from '@/lib/crm/line-items.schema'
import { addDealContact, changeDealContactRole, removeDealContact, searchContacts } from '@/lib/crm/deal-contacts'
import { listTimeline, type TimelineChange } from '@/lib/crm/timeline'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  const sales = await createSalesSetup(admin.ctx)
  const deal = await createTestDeal(rep.ctx, { pipelineId: sales.pipeline.id, title: 'Northwind rollout', amount: '1000' })
  const [pro, seat] = await Promise.all([
    testDb.product.create({ data: { orgId: org.id, name: 'Onboarding Pro', sku: 'ONB-PRO', unitPriceMinor: 1_200_000n, currency: 'EUR' } }),
    testDb.product.create({ data: { orgId: org.id, name: 'Seat licence', sku: 'SEAT', unitPriceMinor: 33_333n, currency: 'EUR' } }),
  ])
  return { org, admin, rep, deal, pro, seat, ...sales }
}

const update = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => updateDeal(tx, ctx, UpdateDealInput.parse(input)))
const addLine = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => addLineItem(tx, ctx, AddLineItemInput.parse(input)))
const dealRow = (id: string) => testDb.deal.findUniqueOrThrow({ where: { id } })
const changes = async (ctx: Ctx, dealId: string) =>
  (await listTimeline(testDb, ctx, { entityType: 'deal', entityId: dealId })).filter((i): i is TimelineChange => i.type === 'change')

describe('updateDeal', () => {
  it('saves a field, bumps the version and records {field: {from, to}} that the timeline shows', async () => {
    const { rep, deal } = await setup()
    const result = await update(rep.ctx, { dealId: deal.id, version: 1, amount: '2,500.50' })
    expect(result).toMatchObject({ version: 2, changed: ['amountMinor'] })
    expect(await dealRow(deal.id)).toMatchObject({ amountMinor: 250050n, version: 2 })
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: deal.id, action: 'deal.updated' } })
    expect(log.changes).toEqual({ amountMinor: { from: '100000', to: '250050' } })
    const [latest] = await changes(rep.ctx, deal.id)
    expect(latest).toMatchObject({ summary: 'changed the amount', actor: { name: 'Sam Sales' }, lines: [{ label: 'Amount', from: '€1,000.00', to: '€2,500.50' }] })
  })

  it('refuses a stale version with CONFLICT and keeps the other person’s change', async () => {
    const { rep, admin, deal } = await setup()
    await update(admin.ctx, { dealId: deal.id, version: 1, title: 'Northwind rollout (phase 1)' })
    const error = await fail(update(rep.ctx, { dealId: deal.id, version: 1, title: 'Northwind pilot' }))
    expect(error).toMatchObject({ code: 'CONFLICT' })
    expect(await dealRow(deal.id)).toMatchObject({ title: 'Northwind rollout (phase 1)', version: 2 })
  })

  it('puts bad values next to their field and writes nothing', async () => {
    const { rep, deal } = await setup()
    const parse = (input: Record<string, unknown>) => UpdateDealInput.safeParse({ dealId: deal.id, version: 1, ...input }).error?.flatten().fieldErrors
    expect(parse({ expectedCloseOn: '2026-13-01' })).toEqual({ expectedCloseOn: ['Enter a date like 2026-12-31.'] })
    expect(parse({ probability: '120' })).toEqual({ probability: ['Enter a whole number from 0 to 100.'] })
    expect(parse({ probability: 'lots' })).toEqual({ probability: ['Enter a whole number from 0 to 100.'] })
    expect(parse({ title: ' ' })).toEqual({ title: ['Give the deal a title.'] })
    expect(await fail(update(rep.ctx, { dealId: deal.id, version: 1, amount: '12.345' }))).toMatchObject({ code: 'INVALID', field: 'amount' })
    expect((await dealRow(deal.id)).version).toBe(1)
  })

  it('sets a per-deal probability override and returns to the stage default when cleared', async () => {
    const { rep, deal } = await setup()
    await update(rep.ctx, { dealId: deal.id, version: 1, probability: '35' })
    expect(await dealRow(deal.id)).toMatchObject({ probability: 35, probabilityOverridden: true })
    await update(rep.ctx, { dealId: deal.id, version: 2, probability: '' })
    expect(await dealRow(deal.id)).toMatchObject({ probability: 10, probabilityOverridden: false })
  })

  it('clears the close date, company and commitments with an empty value', async () => {
    const { org, rep, deal } = await setup()
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Northwind' } })
    await update(rep.ctx, { dealId: deal.id, version: 1, expectedCloseOn: '2026-12-31', companyId: company.id, commitments: 'Go-live by March\nWeekly calls' })
    expect(await getDeal(testDb, rep.ctx, deal.id)).toMatchObject({ expectedCloseOn: '2026-12-31', company: { name: 'Northwind' }, commitments: 'Go-live by March\nWeekly calls' })
    await update(rep.ctx, { dealId: deal.id, version: 2, expectedCloseOn: '', companyId: '', commitments: '' })
    expect(await getDeal(testDb, rep.ctx, deal.id)).toMatchObject({ expectedCloseOn: null, company: null, commitments: null })
  })

  it('lets only a manager or admin reassign, records the owner by name, and keeps sales reps to their own deals', async () => {
    const { org, admin, rep, deal } = await setup()
    const otherRep = await createMember(org, 'SALES', { name: 'Olga Other' })
    const delivery = await createMember(org, 'DELIVERY')
    expect(await fail(update(rep.ctx, { dealId: deal.id, version: 1, ownerId: otherRep.user.id }))).toMatchObject({ code: 'FORBIDDEN', field: 'ownerId' })
    expect(await fail(update(otherRep.ctx, { dealId: deal.id, version: 1, title: 'Mine now' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(update(delivery.ctx, { dealId: deal.id, version: 1, title: 'x' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(update(admin.ctx, { dealId: deal.id, version: 1, ownerId: delivery.user.id }))).toMatchObject({ code: 'INVALID', field: 'ownerId' })
    await update(admin.ctx, { dealId: deal.id, version: 1, ownerId: otherRep.user.id })
    expect((await dealRow(deal.id)).ownerId).toBe(otherRep.user.id)
    const [latest] = await changes(admin.ctx, deal.id)
    expect(latest).toMatchObject({ summary: 'changed the owner', lines: [{ label: 'Owner', from: 'Sam Sales', to: 'Olga Other' }] })
  })

  it('answers 404 for another organization’s deal, and for its company as a field', async () => {
    const { rep, deal } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const foreignCompany = await testDb.company.create({ data: { orgId: outsider.ctx.orgId, name: 'Foreign' } })
    expect(await fail(update(outsider.ctx, { dealId: deal.id, version: 1, title: 'Taken' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(getDeal(testDb, outsider.ctx, deal.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(getDeal(testDb, outsider.ctx, 'not-a-uuid'))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(update(rep.ctx, { dealId: deal.id, version: 1, companyId: foreignCompany.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
    expect(await dealRow(deal.id)).toMatchObject({ title: 'Northwind rollout', version: 1 })
  })
})

describe('line items', () => {
  it('make the deal amount the exact sum of their rounded totals, in the same transaction', async () => {
    const { rep, deal, pro, seat } = await setup()
    await addLine(rep.ctx, { dealId: deal.id, productId: pro.id, quantity: '2', unitPrice: '12,000.00', discount: '10' })
    // 7 x 333.33 less 12.5 %: 2,333.31 x 0.875 = 2,041.646... -> 2,041.65
    await addLine(rep.ctx, { dealId: deal.id, productId: seat.id, quantity: '7', unitPrice: '333.33', discount: '12.5' })
    const expected = lineItemTotal(2, 1_200_000n, 1000) + lineItemTotal(7, 33_333n, 1250)
    expect(expected).toBe(2_160_000n + 204_165n)
    expect(await dealRow(deal.id)).toMatchObject({ amountMinor: expected, version: 3 })
    const detail = await getDeal(testDb, rep.ctx, deal.id)
    expect(detail.lineItems.map((l) => [l.name, l.quantity, l.discountBp, l.totalMinor])).toEqual([
      ['Onboarding Pro', 2, 1000, '2160000'],
      ['Seat licence', 7, 1250, '204165'],
    ])
    // The amount cannot be typed over while line items exist.
    expect(await fail(update(rep.ctx, { dealId: deal.id, version: 3, amount: '5' }))).toMatchObject({ code: 'INVALID', field: 'amount' })
    const [latest] = await changes(rep.ctx, deal.id)
    expect(latest).toMatchObject({ summary: 'added a line item', lines: expect.arrayContaining([{ label: 'Amount', from: '€21,600.00', to: '€23,641.65' }]) })
  })

  it('recomputes on edit and removal; removing the last line leaves the amount editable', async () => {
    const { rep, deal, pro, seat } = await setup()
    const a = await addLine(rep.ctx, { dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '12000' })
    const b = await addLine(rep.ctx, { dealId: deal.id, productId: seat.id, quantity: '10', unitPrice: '100' })
    expect((await dealRow(deal.id)).amountMinor).toBe(1_300_000n)
    await testDb.$transaction((tx) => updateLineItem(tx, rep.ctx, UpdateLineItemInput.parse({ lineItemId: b.id, quantity: '20', unitPrice: '100', discount: '' })))
    expect((await dealRow(deal.id)).amountMinor).toBe(1_400_000n)
    await testDb.$transaction((tx) => removeLineItem(tx, rep.ctx, { lineItemId: a.id }))
    expect((await dealRow(deal.id)).amountMinor).toBe(200_000n)
    await testDb.$transaction((tx) => removeLineItem(tx, rep.ctx, { lineItemId: b.id }))
    const row = await dealRow(deal.id)
    expect(row.amountMinor).toBe(200_000n)
    await update(rep.ctx, { dealId: deal.id, version: row.version, amount: '3000' })
    expect((await dealRow(deal.id)).amountMinor).toBe(300_000n)
  })

  it('two people adding lines at once both count: the sum is never stale', async () => {
    const { rep, admin, deal, pro, seat } = await setup()
    await Promise.all([
      addLine(rep.ctx, { dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '12000' }),
      addLine(admin.ctx, { dealId: deal.id, productId: seat.id, quantity: '3', unitPrice: '100' }),
    ])
    expect((await dealRow(deal.id)).amountMinor).toBe(1_230_000n)
  })

  it('puts bad input next to its field', async () => {
    const { rep, deal, pro } = await setup()
    const parse = (input: Record<string, unknown>) => AddLineItemInput.safeParse({ dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '1', ...input }).error?.flatten().fieldErrors
    expect(parse({ quantity: '0' })).toEqual({ quantity: ['The quantity is at least 1.'] })
    expect(parse({ quantity: '1.5' })).toEqual({ quantity: ['Use a whole number.'] })
    expect(parse({ discount: '120' })).toEqual({ discount: ['Enter a discount from 0 to 100 %, like 12.5.'] })
    expect(parse({ productId: '' })).toEqual({ productId: ['Choose a product.'] })
    expect(await fail(addLine(rep.ctx, { dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '1.999' }))).toMatchObject({ field: 'unitPrice' })
    expect(await testDb.dealLineItem.count()).toBe(0)
  })

  it('keeps sales reps to their own deals and answers 404 for another organization’s deal, line or product', async () => {
    const { org, rep, deal, pro } = await setup()
    const otherRep = await createMember(org, 'SALES')
    const line = await addLine(rep.ctx, { dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '1' })
    expect(await fail(addLine(otherRep.ctx, { dealId: deal.id, productId: pro.id, quantity: '1', unitPrice: '1' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(testDb.$transaction((tx) => removeLineItem(tx, otherRep.ctx, { lineItemId: line.id })))).toMatchObject({ code: 'FORBIDDEN' })

    const outsider = await createMember(await createOrg(), 'ADMIN')
    const { pipeline } = await createSalesSetup(outsider.ctx)
    const foreignProduct = await testDb.product.create({ data: { orgId: outsider.ctx.orgId, name: 'Foreign', unitPriceMinor: 1n, currency: 'EUR' } })
    const foreignDeal = await createTestDeal(outsider.ctx, { pipelineId: pipeline.id })
    expect(await fail(addLine(outsider.ctx, { dealId: deal.id, productId: foreignProduct.id, quantity: '1', unitPrice: '1' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(testDb.$transaction((tx) => removeLineItem(tx, outsider.ctx, { lineItemId: line.id })))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(addLine(outsider.ctx, { dealId: foreignDeal.id, productId: pro.id, quantity: '1', unitPrice: '1' }))).toMatchObject({ code: 'NOT_FOUND', field: 'productId' })
    expect(await testDb.dealLineItem.count()).toBe(1)
  })
})

describe('deal contacts', () => {
  async function withContacts() {
    const base = await setup()
    const company = await testDb.company.create({ data: { orgId: base.org.id, name: 'Northwind' } })
    const anna = await testDb.contact.create({
      data: { orgId: base.org.id, firstName: 'Anna', lastName: 'Berger', email: 'anna@northwind.example', phone: '+49 30 1234567', companyId: company.id },
    })
    const jonas = await testDb.contact.create({ data: { orgId: base.org.id, firstName: 'Jonas', lastName: 'Keller', email: 'jk@contoso.example' } })
    return { ...base, anna, jonas }
  }

  it('adds a contact with a role, shows email and phone, changes the role and removes it, all in the timeline', async () => {
    const { rep, deal, anna } = await withContacts()
    await testDb.$transaction((tx) => addDealContact(tx, rep.ctx, { dealId: deal.id, contactId: anna.id, role: 'CHAMPION' }))
    expect((await getDeal(testDb, rep.ctx, deal.id)).contacts).toEqual([
      { contactId: anna.id, name: 'Anna Berger', email: 'anna@northwind.example', phone: '+49 30 1234567', jobTitle: null, companyName: 'Northwind', role: 'CHAMPION' },
    ])
    const again = await fail(testDb.$transaction((tx) => addDealContact(tx, rep.ctx, { dealId: deal.id, contactId: anna.id, role: 'USER' })))
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'contactId', message: 'Anna Berger is already on this deal.' })

    await testDb.$transaction((tx) => changeDealContactRole(tx, rep.ctx, { dealId: deal.id, contactId: anna.id, role: 'DECISION_MAKER' }))
    expect((await getDeal(testDb, rep.ctx, deal.id)).contacts[0]!.role).toBe('DECISION_MAKER')
    await testDb.$transaction((tx) => removeDealContact(tx, rep.ctx, { dealId: deal.id, contactId: anna.id }))
    expect((await getDeal(testDb, rep.ctx, deal.id)).contacts).toEqual([])

    const [removed, changed, added] = await changes(rep.ctx, deal.id)
    expect(added).toMatchObject({ summary: 'added a contact', lines: [{ label: 'Contact', to: 'Anna Berger' }, { label: 'Role', to: 'Champion' }] })
    expect(changed).toMatchObject({ summary: 'changed a contact’s role', lines: [{ label: 'Contact', to: 'Anna Berger' }, { label: 'Role', from: 'Champion', to: 'Decision maker' }] })
    expect(removed!.summary).toBe('removed a contact')
  })

  it('finds contacts by part of a name or email, with a typo, leaving out those already on the deal', async () => {
    const { rep, deal, anna, jonas } = await withContacts()
    const search = (q: string) => searchContacts(testDb, rep.ctx, { q, excludeDealId: deal.id }).then((r) => r.map((c) => c.name))
    expect(await search('berg')).toEqual(['Anna Berger'])
    expect(await search('contoso')).toEqual(['Jonas Keller'])
    expect(await search('Jonas Kellr')).toEqual(['Jonas Keller'])
    expect(await search('%')).toEqual([])
    expect(await search('a')).toEqual([])
    await testDb.$transaction((tx) => addDealContact(tx, rep.ctx, { dealId: deal.id, contactId: anna.id, role: 'USER' }))
    expect(await search('berg')).toEqual([])
    expect((await searchContacts(testDb, rep.ctx, { q: 'keller' }))[0]).toMatchObject({ id: jonas.id, email: 'jk@contoso.example' })
  })

  it('keeps sales reps to their own deals and answers 404 for another organization’s deal or contact', async () => {
    const { org, rep, deal, anna } = await withContacts()
    const otherRep = await createMember(org, 'SALES')
    expect(await fail(testDb.$transaction((tx) => addDealContact(tx, otherRep.ctx, { dealId: deal.id, contactId: anna.id, role: 'USER' })))).toMatchObject({ code: 'FORBIDDEN' })

    const outsider = await createMember(await createOrg(), 'ADMIN')
    const foreignContact = await testDb.contact.create({ data: { orgId: outsider.ctx.orgId, firstName: 'Xena', lastName: 'Berger' } })
    expect(await fail(testDb.$transaction((tx) => addDealContact(tx, rep.ctx, { dealId: deal.id, contactId: foreignContact.id, role: 'USER' })))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'contactId',
    })
    expect(await fail(testDb.$transaction((tx) => addDealContact(tx, outsider.ctx, { dealId: deal.id, contactId: foreignContact.id, role: 'USER' })))).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await searchContacts(testDb, rep.ctx, { q: 'Berger' })).map((c) => c.name)).toEqual(['Anna Berger'])
    expect(await testDb.dealContact.count()).toBe(0)
  })
})
