import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { searchCrm, searchSql, THRESHOLD } from '@/lib/crm/search'
import { SearchInput } from '@/lib/crm/search.schema'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  const { pipeline } = await createSalesSetup(admin.ctx)
  const company = (name: string, domain: string | null = null, deletedAt: Date | null = null) =>
    testDb.company.create({ data: { orgId: org.id, name, domain, deletedAt } })
  return { org, admin, pipeline, company }
}

const titles = (hits: { title: string }[]) => hits.map((h) => h.title)

describe('searchCrm', () => {
  it("runs on connections set to the search's threshold, each one before its first query", async () => {
    // five at once: the pool opens new connections, and each is set up before it is used
    const rows = await Promise.all(Array.from({ length: 5 }, () => testDb.$queryRawUnsafe<{ t: string }[]>('SELECT current_setting($1) AS t, pg_sleep(0.05)::text AS slept', 'pg_trgm.word_similarity_threshold')))
    expect(rows.map((r) => Number(r[0]!.t))).toEqual(Array(5).fill(THRESHOLD))
  })

  it('finds companies, contacts and deals despite typos', async () => {
    const { admin, pipeline, company } = await setup()
    const northwind = await company('Northwind Traders', 'northwind.example')
    await company('Contoso Pharma', 'contoso.example')
    await testDb.contact.create({ data: { orgId: admin.ctx.orgId, firstName: 'Elif', lastName: 'Yilmaz', email: 'elif.yilmaz@fabrikam.example', companyId: northwind.id } })
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Fabrikam warehouse migration', companyId: northwind.id })

    expect(titles(await searchCrm(testDb, admin.ctx, 'nortwind'))).toContain('Northwind Traders')
    expect(titles(await searchCrm(testDb, admin.ctx, 'contso'))).toEqual(['Contoso Pharma'])
    const contact = await searchCrm(testDb, admin.ctx, 'elif yilmas')
    expect(contact[0]).toMatchObject({ type: 'contact', title: 'Elif Yilmaz', subtitle: 'elif.yilmaz@fabrikam.example · Northwind Traders' })
    const deal = await searchCrm(testDb, admin.ctx, 'warehous migraton')
    expect(deal[0]).toMatchObject({ type: 'deal', title: 'Fabrikam warehouse migration', subtitle: 'Northwind Traders · Lead in', amountMinor: '100000', currency: 'EUR', status: 'OPEN' })
    // by domain and by email
    expect((await searchCrm(testDb, admin.ctx, 'contoso.exmple'))[0]).toMatchObject({ type: 'company', title: 'Contoso Pharma' })
    expect((await searchCrm(testDb, admin.ctx, 'elif.yilmaz@fabrikam'))[0]).toMatchObject({ type: 'contact' })
    // a typo in the part before the @
    expect((await searchCrm(testDb, admin.ctx, 'elif.yilmas'))[0]).toMatchObject({ type: 'contact', title: 'Elif Yilmaz' })
  })

  it('ranks the closest match first', async () => {
    const { admin, company } = await setup()
    await company('Northwind Traders International Holding')
    await company('Northwind')
    await company('Southwind Energy')
    await company('Northwest Logistics')
    const hits = await searchCrm(testDb, admin.ctx, 'northwind')
    // exact word first, the shorter name ahead; near misses after them
    expect(titles(hits).slice(0, 2)).toEqual(['Northwind', 'Northwind Traders International Holding'])
    expect(titles(hits).slice(2)).toEqual(expect.arrayContaining(['Southwind Energy']))
    const scores = hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(scores[0]).toBe(1)
    expect(scores.at(-1)).toBeLessThan(1)
  })

  it('limits each type and can search one type', async () => {
    const { admin, pipeline, company } = await setup()
    for (let i = 1; i <= 8; i++) await company(`Acme Branch ${i}`)
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Acme rollout' })
    const hits = await searchCrm(testDb, admin.ctx, 'acme', { limit: 3 })
    expect(hits.filter((h) => h.type === 'company')).toHaveLength(3)
    expect(hits.filter((h) => h.type === 'deal')).toHaveLength(1)
    expect((await searchCrm(testDb, admin.ctx, 'acme', { types: ['deal'] })).map((h) => h.type)).toEqual(['deal'])
  })

  it('never shows another organization’s records, nor deleted ones', async () => {
    const { admin, pipeline, company } = await setup()
    await company('Globex Live')
    await company('Globex Deleted', null, new Date())
    await testDb.contact.create({ data: { orgId: admin.ctx.orgId, firstName: 'Gone', lastName: 'Globex', deletedAt: new Date() } })
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Globex expansion' })
    await testDb.deal.update({ where: { id: deal.id }, data: { deletedAt: new Date() } })
    const other = await createOrg()
    await testDb.company.create({ data: { orgId: other.id, name: 'Globex Foreign' } })

    expect(titles(await searchCrm(testDb, admin.ctx, 'globex'))).toEqual(['Globex Live'])
    const outsider = await createMember(other, 'ADMIN')
    expect(titles(await searchCrm(testDb, outsider.ctx, 'globex'))).toEqual(['Globex Foreign'])
  })

  it('finds what is typed so far, and works inside a caller’s transaction', async () => {
    const { admin, company } = await setup()
    await company('Northwind Traders')
    expect(titles(await searchCrm(testDb, admin.ctx, 'north'))).toEqual(['Northwind Traders'])
    expect(titles(await testDb.$transaction((tx) => searchCrm(tx, admin.ctx, 'nortwind')))).toEqual(['Northwind Traders'])
  })

  it('finds the exact email or company name among hundreds of look-alikes, and an address by its start', async () => {
    const { admin, company } = await setup()
    const org = admin.ctx.orgId
    await testDb.$executeRaw`
      INSERT INTO contact (id, org_id, first_name, last_name, email, updated_at)
      SELECT gen_random_uuid(), ${org}::uuid, 'Person', 'No' || g, 'lookalike-' || g || '@same.example', now() FROM generate_series(1, 1200) g`
    await testDb.$executeRaw`
      INSERT INTO company (id, org_id, name, updated_at) SELECT gen_random_uuid(), ${org}::uuid, 'Nova Labs ' || g, now() FROM generate_series(1, 1200) g`
    await company('NOVA')

    const exact = await searchCrm(testDb, admin.ctx, 'Lookalike-777@same.example')
    expect(exact[0]).toMatchObject({ type: 'contact', title: 'Person No777', score: 1 })
    const typed = await searchCrm(testDb, admin.ctx, 'lookalike-77@')
    expect(typed).toHaveLength(1)
    expect(typed[0]).toMatchObject({ title: 'Person No77' })
    expect((await searchCrm(testDb, admin.ctx, 'nova', { types: ['company'] }))[0]).toMatchObject({ title: 'NOVA', score: 1 })
  })

  it('returns nothing for an empty or one-letter query', async () => {
    const { admin, company } = await setup()
    await company('A')
    expect(await searchCrm(testDb, admin.ctx, '  ')).toEqual([])
    expect(await searchCrm(testDb, admin.ctx, 'a')).toEqual([])
  })

  it('uses the trigram indexes for every type at scale (the SQL matches the indexed expressions)', async () => {
    const { admin, pipeline } = await setup()
    const org = admin.ctx.orgId
    const stage = pipeline.stages[0]!.id
    await testDb.$executeRaw`
      INSERT INTO company (id, org_id, name, domain, updated_at)
      SELECT gen_random_uuid(), ${org}::uuid, 'Company ' || md5(g::text), 'c' || g || '.example', now() FROM generate_series(1, 20000) g`
    await testDb.$executeRaw`
      INSERT INTO contact (id, org_id, first_name, last_name, email, updated_at)
      SELECT gen_random_uuid(), ${org}::uuid, left(md5(g::text), 8), left(md5((g * 7)::text), 10), 'p' || g || '@mail.example', now() FROM generate_series(1, 20000) g`
    await testDb.$executeRaw`
      INSERT INTO deal (id, org_id, title, currency, pipeline_id, stage_id, probability, owner_id, position, updated_at)
      SELECT gen_random_uuid(), ${org}::uuid, 'Deal ' || md5(g::text), 'EUR', ${pipeline.id}::uuid, ${stage}::uuid, 10, ${admin.user.id}::uuid, g, now()
      FROM generate_series(1, 20000) g`
    await testDb.$executeRawUnsafe('VACUUM ANALYZE company, contact, deal')
    const sql = searchSql(admin.ctx, 'nortwind')!
    const rows = await testDb.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql.text}`, ...sql.values)
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
    expect(plan).toMatch(/Bitmap Index Scan on company_search_idx[^\n]*\n\s+Index Cond: \(name %>/)
    expect(plan).toMatch(/Bitmap Index Scan on company_search_idx[^\n]*\n\s+Index Cond: \(domain %>/)
    expect(plan).toMatch(/Bitmap Index Scan on contact_search_idx[^\n]*\n\s+Index Cond: \(\(\(first_name \|\| ' '::text\) \|\| last_name\) %>/)
    expect(plan).toMatch(/Bitmap Index Scan on contact_search_idx[^\n]*\n\s+Index Cond: \(split_part\(email, '@'::text, 1\) %>/)
    expect(plan).toMatch(/Bitmap Index Scan on deal_search_idx[^\n]*\n\s+Index Cond: \(title %>/)
    expect(plan).not.toMatch(/Seq Scan on (company|contact|deal)\b/)
  })
})

describe('the search action', () => {
  const flow = (input: unknown, session: { userId: string } | null) =>
    runAction(SearchInput.extend({ orgSlug: z.string() }), input, async (data, s) => {
      const member = await requireMember(testDb, s, data.orgSlug, 'crm:read')
      return searchCrm(testDb, ctxOf(member), data.q)
    }, { getSession: async () => session })

  it('searches the org in the URL for its members only: others get the 404 answer', async () => {
    const { org, admin, company } = await setup()
    await company('Initech')
    const delivery = await createMember(org, 'DELIVERY')
    expect(await flow({ orgSlug: org.slug, q: 'initec' }, delivery.session)).toMatchObject({ ok: true, data: [{ title: 'Initech' }] })
    const other = await createOrg()
    const stranger = await createMember(other, 'ADMIN')
    expect(await flow({ orgSlug: org.slug, q: 'initec' }, stranger.session)).toMatchObject({ ok: false, status: 404 })
    expect(await flow({ orgSlug: org.slug, q: 'x'.repeat(101) }, admin.session)).toMatchObject({ ok: false, status: 422 })
  })
})
