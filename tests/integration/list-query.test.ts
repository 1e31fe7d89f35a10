import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { listCompanies } from '@/lib/crm/company-list'
import { listContacts } from '@/lib/crm/contact-list'
import { listDeals } from '@/lib/crm/deal-list'
import { companyListDef, contactListDef, dealListDef } from '@/lib/crm/list-defs'
import { decodeCursor, encodeCursor, parseListParams, type ListDef, type SearchParams } from '@/lib/crm/list-params'
import { COUNT_CAP, type ListPage } from '@/lib/crm/list-query'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  return { org, admin, rep }
}

/** n companies in one insert; every 7th without a domain, names repeating so ties need the id. */
async function seedCompanies(ctx: Ctx, n: number, extra: (i: number) => object = () => ({})) {
  await testDb.company.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      orgId: ctx.orgId,
      name: `Company ${String(i % 40).padStart(2, '0')}`,
      domain: i % 7 === 0 ? null : `c${i}.example`,
      industry: ['Retail', 'Software', 'Finance'][i % 3],
      country: ['DE', 'US'][i % 2],
      ownerId: i % 5 === 0 ? null : ctx.userId,
      createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000),
      ...extra(i),
    })),
  })
}

type Lister<R> = (params: ReturnType<typeof parseListParams>) => Promise<ListPage<R>>

/** Follows "next" from the first page to the end, then "previous" back; returns both walks. */
async function walk<R extends { id: string }>(def: ListDef, list: Lister<R>, search: SearchParams) {
  const forward: ListPage<R>[] = []
  let page = await list(parseListParams(def, search))
  forward.push(page)
  while (page.nextCursor) {
    page = await list(parseListParams(def, { ...search, after: page.nextCursor, from: String(page.from + page.rows.length) }))
    forward.push(page)
  }
  const backward: ListPage<R>[] = [page]
  while (page.prevCursor && page.from > 0) {
    const from = page.from - Number(search.size ?? 50)
    page = await list(from <= 0 ? parseListParams(def, search) : parseListParams(def, { ...search, before: page.prevCursor, from: String(from) }))
    backward.unshift(page)
  }
  return { forward, backward, ids: forward.flatMap((p) => p.rows.map((r) => r.id)) }
}

describe('keyset pages', () => {
  it('walk every company by name, ties broken by id, without skipping or repeating a row, both ways', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 263)
    const expected = await testDb.company.findMany({ where: { orgId: admin.ctx.orgId }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true } })
    const { forward, backward, ids } = await walk(companyListDef, (p) => listCompanies(testDb, admin.ctx, p), { size: '25' })
    expect(ids).toEqual(expected.map((r) => r.id))
    expect(forward.map((p) => p.from)).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250])
    expect(forward.at(-1)!.rows).toHaveLength(13)
    expect(backward.flatMap((p) => p.rows.map((r) => r.id))).toEqual(ids)
    expect(forward.every((p) => p.total.value === 263 && p.total.kind === 'exact')).toBe(true)
  })

  it('sort a nullable column with the empty values last, in both directions, across page boundaries', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 100)
    for (const dir of ['asc', 'desc'] as const) {
      const { ids, forward } = await walk(companyListDef, (p) => listCompanies(testDb, admin.ctx, p), { sort: 'domain', dir, size: '25' })
      const rows = forward.flatMap((p) => p.rows)
      expect(new Set(ids).size).toBe(100)
      const withDomain = rows.filter((r) => r.domain !== null)
      expect(rows.slice(withDomain.length).every((r) => r.domain === null)).toBe(true)
      const domains = withDomain.map((r) => r.domain!)
      const sorted = await testDb.$queryRawUnsafe<{ domain: string }[]>(
        `SELECT domain FROM company WHERE org_id = $1::uuid AND domain IS NOT NULL ORDER BY domain ${dir}, id`,
        admin.ctx.orgId,
      )
      expect(domains).toEqual(sorted.map((r) => r.domain))
    }
  })

  it('sort contacts by last then first name, where many share both', async () => {
    const { admin } = await setup()
    await testDb.contact.createMany({
      data: Array.from({ length: 90 }, (_, i) => ({ orgId: admin.ctx.orgId, firstName: ['Anna', 'Ben', 'Carla'][i % 3]!, lastName: ['Berger', 'Costa'][i % 2]! })),
    })
    const expected = await testDb.contact.findMany({ where: { orgId: admin.ctx.orgId }, orderBy: [{ lastName: 'desc' }, { firstName: 'desc' }, { id: 'asc' }], select: { id: true } })
    const { ids } = await walk(contactListDef, (p) => listContacts(testDb, admin.ctx, p), { sort: 'name', dir: 'desc', size: '25' })
    expect(ids).toEqual(expected.map((r) => r.id))
  })

  it('land the last page on the last rows with their row numbers', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 60)
    const all = (await walk(companyListDef, (p) => listCompanies(testDb, admin.ctx, p), { size: '25' })).ids
    const last = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { size: '25', last: '1' }))
    expect(last.from).toBe(50)
    expect(last.rows.map((r) => r.id)).toEqual(all.slice(50))
    expect(last.nextCursor).toBeNull()
    expect(last.prevCursor).not.toBeNull()
  })

  it('start again at the first page for a cursor that does not fit the sort', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 30)
    const byName = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { size: '25' }))
    // a name cursor on the created-date sort: its value is not a timestamp
    const page = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { size: '25', sort: 'created', after: byName.nextCursor!, from: '25' }))
    const first = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { size: '25', sort: 'created' }))
    expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id))
    const forged = encodeCursor({ keys: ["'; DROP TABLE company; --"], id: crypto.randomUUID() })
    expect((await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { after: forged, from: '50' }))).rows).toHaveLength(30)
    expect(decodeCursor('not-a-cursor')).toBeNull()
  })

  it('page deals by amount, by close date (empty last) and by stage order', async () => {
    const { admin } = await setup()
    const { pipeline, stage } = await createSalesSetup(admin.ctx)
    for (let i = 0; i < 36; i++) {
      const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: `Deal ${i}`, amount: String((i % 9) * 100), expectedCloseOn: i % 4 === 0 ? undefined : `2026-0${(i % 9) + 1}-15` })
      if (i % 3 === 0) await testDb.deal.update({ where: { id: deal.id }, data: { stageId: stage('Proposal').id } })
    }
    const amounts = (await walk(dealListDef, (p) => listDeals(testDb, admin.ctx, p), { sort: 'amount', dir: 'desc', size: '25' })).forward.flatMap((p) => p.rows)
    expect(amounts).toHaveLength(36)
    expect(amounts.map((r) => Number(r.amountMinor))).toEqual([...amounts.map((r) => Number(r.amountMinor))].sort((a, b) => b - a))
    const closes = (await walk(dealListDef, (p) => listDeals(testDb, admin.ctx, p), { sort: 'close', size: '25' })).forward.flatMap((p) => p.rows)
    expect(new Set(closes.map((r) => r.id)).size).toBe(36)
    expect(closes.slice(-9).every((r) => r.expectedCloseOn === null)).toBe(true)
    const days = closes.slice(0, 27).map((r) => r.expectedCloseOn!)
    expect(days).toEqual([...days].sort())
    const stages = (await walk(dealListDef, (p) => listDeals(testDb, admin.ctx, p), { sort: 'stage', size: '25' })).forward.flatMap((p) => p.rows)
    expect(stages.map((r) => r.stageName)).toEqual([...Array(24).fill('Lead in'), ...Array(12).fill('Proposal')])
  })
})

describe('filters and search', () => {
  it('filter companies by owner, industry (any case), country and size', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 30, (i) => ({ sizeBand: i < 3 ? 'S11_50' : null }))
    const count = async (search: SearchParams) => (await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { size: '100', ...search }))).rows.length
    expect(await count({ owner: 'none' })).toBe(6)
    expect(await count({ owner: 'mine' })).toBe(24)
    expect(await count({ owner: crypto.randomUUID() })).toBe(0)
    expect(await count({ industry: 'retail' })).toBe(10)
    expect(await count({ country: 'de', industry: 'Retail' })).toBe(5)
    expect(await count({ size: 'S11_50' })).toBe(3)
    // a bad filter value is ignored, not an error
    expect(await count({ size: 'HUGE', country: 'Germany' })).toBe(30)
  })

  it('search companies by name or domain, contacts by full name or email, deals by title; % and _ are literal', async () => {
    const { admin } = await setup()
    const { pipeline } = await createSalesSetup(admin.ctx)
    await testDb.company.createMany({
      data: [
        { orgId: admin.ctx.orgId, name: 'Northwind Traders', domain: 'nw.example' },
        { orgId: admin.ctx.orgId, name: 'Contoso', domain: 'northwind-partner.example' },
        { orgId: admin.ctx.orgId, name: '100% Juice', domain: null },
        { orgId: admin.ctx.orgId, name: '1000 Juices', domain: null },
      ],
    })
    await testDb.contact.createMany({
      data: [
        { orgId: admin.ctx.orgId, firstName: 'Anna', lastName: 'Berger', email: 'ab@x.example' },
        { orgId: admin.ctx.orgId, firstName: 'Ben', lastName: 'Annaberg', email: 'ben@anna.example' },
        { orgId: admin.ctx.orgId, firstName: 'Carla', lastName: 'Costa', email: 'carla@x.example' },
      ],
    })
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Northwind rollout' })
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Contoso pilot' })

    const companies = async (q: string) => (await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { q }))).rows.map((r) => r.name).sort()
    expect(await companies('NORTHWIND')).toEqual(['Contoso', 'Northwind Traders'])
    expect(await companies('100%')).toEqual(['100% Juice'])
    expect(await companies('_')).toEqual([])
    const contacts = async (q: string) => (await listContacts(testDb, admin.ctx, parseListParams(contactListDef, { q }))).rows.map((r) => r.firstName).sort()
    expect(await contacts('anna berger')).toEqual(['Anna'])
    expect(await contacts('anna')).toEqual(['Anna', 'Ben'])
    expect(await contacts('x.example')).toEqual(['Anna', 'Carla'])
    const deals = await listDeals(testDb, admin.ctx, parseListParams(dealListDef, { q: 'rollout' }))
    expect(deals.rows.map((r) => r.title)).toEqual(['Northwind rollout'])
    expect(deals.total).toEqual({ value: 1, kind: 'exact' })
  })

  it('filter contacts by their company’s industry and country, and by company', async () => {
    const { admin } = await setup()
    const [retail, software] = await Promise.all([
      testDb.company.create({ data: { orgId: admin.ctx.orgId, name: 'Shop', industry: 'Retail', country: 'DE' } }),
      testDb.company.create({ data: { orgId: admin.ctx.orgId, name: 'Code', industry: 'Software', country: 'US' } }),
    ])
    await testDb.contact.createMany({
      data: [
        { orgId: admin.ctx.orgId, firstName: 'A', lastName: 'Shop', companyId: retail.id },
        { orgId: admin.ctx.orgId, firstName: 'B', lastName: 'Code', companyId: software.id },
        { orgId: admin.ctx.orgId, firstName: 'C', lastName: 'Nowhere' },
      ],
    })
    const names = async (search: SearchParams) => (await listContacts(testDb, admin.ctx, parseListParams(contactListDef, search))).rows.map((r) => r.firstName)
    expect(await names({ industry: 'Retail' })).toEqual(['A'])
    expect(await names({ country: 'US' })).toEqual(['B'])
    expect(await names({ company: software.id })).toEqual(['B'])
  })

  it('filter deals by stage, status, type, close month and owner', async () => {
    const { admin, rep } = await setup()
    const { pipeline, stage, reasons } = await createSalesSetup(admin.ctx)
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'March', expectedCloseOn: '2026-03-31', dealType: 'RENEWAL' })
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'April', expectedCloseOn: '2026-04-01', stageId: stage('Proposal').id })
    const lost = await createTestDeal(rep.ctx, { pipelineId: pipeline.id, title: 'Rep lost' })
    await testDb.deal.update({ where: { id: lost.id }, data: { stageId: stage('Lost').id, status: 'LOST', lostReasonId: reasons[0]!.id } })
    const titles = async (search: SearchParams) => (await listDeals(testDb, admin.ctx, parseListParams(dealListDef, search))).rows.map((r) => r.title).sort()
    expect(await titles({ close: '2026-03' })).toEqual(['March'])
    expect(await titles({ stage: stage('Proposal').id })).toEqual(['April'])
    expect(await titles({ status: 'LOST' })).toEqual(['Rep lost'])
    expect(await titles({ type: 'RENEWAL' })).toEqual(['March'])
    expect(await titles({ owner: rep.user.id })).toEqual(['Rep lost'])
    expect(await titles({ owner: 'mine', status: 'OPEN' })).toEqual(['April', 'March'])
    expect(await titles({ pipeline: crypto.randomUUID() })).toEqual([])
  })
})

describe('trash and tenancy', () => {
  it('hides deleted rows from the list and shows only them in the trash', async () => {
    const { admin } = await setup()
    await seedCompanies(admin.ctx, 10)
    const [gone] = await testDb.company.findMany({ where: { orgId: admin.ctx.orgId }, take: 1 })
    await testDb.company.update({ where: { id: gone!.id }, data: { deletedAt: new Date() } })
    const live = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, {}))
    const trash = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { trash: '1' }))
    expect(live.rows.map((r) => r.id)).not.toContain(gone!.id)
    expect(live.total.value).toBe(9)
    expect(trash.rows.map((r) => r.id)).toEqual([gone!.id])
    expect(trash.rows[0]!.deletedAt).not.toBeNull()
  })

  it('never shows another organization’s rows, even filtered by its ids', async () => {
    const { admin } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    await seedCompanies(outsider.ctx, 5)
    const foreign = await testDb.company.findFirstOrThrow({ where: { orgId: outsider.ctx.orgId } })
    await testDb.contact.create({ data: { orgId: outsider.ctx.orgId, firstName: 'Foreign', lastName: 'Person', companyId: foreign.id } })
    expect((await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, {}))).rows).toEqual([])
    expect((await listContacts(testDb, admin.ctx, parseListParams(contactListDef, { company: foreign.id }))).rows).toEqual([])
    expect((await listDeals(testDb, admin.ctx, parseListParams(dealListDef, { owner: outsider.user.id }))).rows).toEqual([])
  })
})

describe('totals', () => {
  it('count a filtered list up to the cap, and estimate a large unfiltered one from statistics', async () => {
    const { admin } = await setup()
    const other = await createMember(await createOrg(), 'ADMIN')
    await seedCompanies(other.ctx, 50)
    await seedCompanies(admin.ctx, COUNT_CAP + 500)
    await testDb.$executeRawUnsafe('ANALYZE company')
    const unfiltered = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, {}))
    expect(unfiltered.total.kind).toBe('about')
    expect(Math.abs(unfiltered.total.value - (COUNT_CAP + 500))).toBeLessThan(200)
    const filtered = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { q: 'company' }))
    expect(filtered.total).toEqual({ value: COUNT_CAP, kind: 'atLeast' })
    const small = await listCompanies(testDb, admin.ctx, parseListParams(companyListDef, { owner: 'none', country: 'DE' }))
    expect(small.total.kind).toBe('exact')
    // the small organization is counted exactly, whatever the statistics say
    expect((await listCompanies(testDb, other.ctx, parseListParams(companyListDef, {}))).total).toEqual({ value: 50, kind: 'exact' })
  })
})
