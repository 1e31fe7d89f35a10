import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember, type Ctx } from '@/lib/authz'
import { guessMapping, stagedRows, type ColumnMapping, type ImportKind } from '@/lib/crm/import-fields'
import { createImportJob, listImportErrors, previewImport, runImportChunk, stageImportRows } from '@/lib/crm/import-jobs'
import { StartImportInput, type ImportOptions } from '@/lib/crm/import.schema'
import { createMember, createOrg } from '../factories'
import { createSalesSetup } from '../factories/crm'
import { testDb } from '../setup/db'

/** What the browser does with a file: parse, guess the mapping, start, upload in batches, process chunk after chunk. */
async function importCsv(ctx: Ctx, kind: ImportKind, csv: string, options: Partial<ImportOptions> = {}, mapping?: ColumnMapping) {
  const records = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data
  const headers = records[0]!
  const job = await testDb.$transaction((tx) =>
    createImportJob(tx, ctx, {
      kind,
      fileName: 'people.csv',
      headers,
      mapping: mapping ?? guessMapping(kind, headers),
      options: { duplicateMode: 'SKIP', createMissingCompanies: false, ...options },
    }),
  )
  const rows = stagedRows(records, 0)
  for (let i = 0; i === 0 || i < rows.length; i += 300) {
    await testDb.$transaction((tx) => stageImportRows(tx, ctx, { jobId: job.id, rows: rows.slice(i, i + 300), done: i + 300 >= rows.length }))
  }
  const progress = []
  for (let chunk = await runImportChunk(testDb, ctx, job.id); ; chunk = await runImportChunk(testDb, ctx, job.id)) {
    progress.push(chunk.processedRows)
    if (chunk.done) return { job: chunk, progress, errors: await listImportErrors(testDb, ctx, job.id) }
  }
}

const csvOf = (rows: (string | number)[][]) => Papa.unparse(rows.map((r) => r.map(String)))
const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e)

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN', { email: 'admin@acme.example' })
  const sales = await createSalesSetup(admin.ctx)
  return { org, admin, ...sales }
}

describe('contacts import', () => {
  it('writes 997 of 1,000 rows and reports the three bad ones with their row numbers and reasons', async () => {
    const { admin } = await setup()
    const bad = new Map<number, string[]>([
      [37, ['Ben', 'Bad', 'not-an-email', 'Buyer']], // file row 39
      [500, ['', '', 'nobody@example.test', 'Nobody']], // file row 502
      [998, ['Cara', 'Clash', 'cara@example.test', 'x'.repeat(201)]], // file row 1000
    ])
    const data = Array.from({ length: 1000 }, (_, i) => bad.get(i) ?? [`First${i}`, `Last${i}`, `person${i}@example.test`, 'Buyer'])
    const csv = csvOf([['First Name', 'Last Name', 'E-mail', 'Job title'], ...data])

    const { job, progress, errors } = await importCsv(admin.ctx, 'CONTACTS', csv)

    expect(job).toMatchObject({ status: 'COMPLETED', totalRows: 1000, processedRows: 1000, createdCount: 997, errorCount: 3, skippedCount: 0 })
    expect(progress).toEqual([500, 1000])
    expect(errors).toEqual([
      { rowNumber: 39, message: '“not-an-email” is not an email address' },
      { rowNumber: 502, message: 'the name is empty' },
      { rowNumber: 1000, message: 'the job title is longer than 200 characters' },
    ])
    expect(await testDb.contact.count({ where: { orgId: admin.ctx.orgId } })).toBe(997)
    // nothing of a bad row was written
    expect(await testDb.contact.count({ where: { OR: [{ lastName: 'Bad' }, { email: 'nobody@example.test' }, { lastName: 'Clash' }] } })).toBe(0)
    expect(await testDb.contact.findFirst({ where: { email: 'person10@example.test' } })).toMatchObject({ firstName: 'First10', lastName: 'Last10', jobTitle: 'Buyer', ownerId: admin.user.id })

    const logs = await testDb.activityLog.groupBy({ by: ['action'], where: { orgId: admin.ctx.orgId }, _count: true })
    expect(Object.fromEntries(logs.map((l) => [l.action, l._count]))).toMatchObject({ 'contact.created': 997, 'import.started': 1, 'import.completed': 1 })
    const summary = await testDb.activityLog.findFirstOrThrow({ where: { action: 'import.completed' } })
    expect(summary).toMatchObject({ entityType: 'import_job', entityId: job.id, changes: { kind: 'CONTACTS', created: 997, failed: 3, rows: 1000 } })
    expect(await testDb.importRow.count()).toBe(0)
  })

  it('skips or updates a contact with the same email, as chosen', async () => {
    const { admin } = await setup()
    await testDb.contact.create({ data: { orgId: admin.ctx.orgId, firstName: 'Anna', lastName: 'Berger', email: 'Anna@Example.test', phone: '+49 1', jobTitle: 'CFO' } })
    const csv = csvOf([
      ['Name', 'Email', 'Phone'],
      ['Anna Maria Berger', 'anna@example.test', '+49 2'],
      ['New Person', 'new@example.test', ''],
      ['New Again', 'NEW@example.test', '+49 3'],
    ])

    const skipped = await importCsv(admin.ctx, 'CONTACTS', csv, { duplicateMode: 'SKIP' })
    expect(skipped.job).toMatchObject({ createdCount: 1, skippedCount: 2, updatedCount: 0, errorCount: 0 })
    expect(await testDb.contact.findFirst({ where: { email: 'Anna@Example.test' } })).toMatchObject({ firstName: 'Anna', phone: '+49 1', jobTitle: 'CFO' })

    await testDb.contact.deleteMany({ where: { email: 'new@example.test' } })
    const updated = await importCsv(admin.ctx, 'CONTACTS', csv, { duplicateMode: 'UPDATE' })
    expect(updated.job).toMatchObject({ createdCount: 1, updatedCount: 2, skippedCount: 0 })
    // the row's non-empty cells win; empty cells leave the record alone
    expect(await testDb.contact.findFirst({ where: { email: 'Anna@Example.test' } })).toMatchObject({ firstName: 'Anna', lastName: 'Maria Berger', phone: '+49 2', jobTitle: 'CFO' })
    expect(await testDb.contact.findMany({ where: { email: { equals: 'new@example.test', mode: 'insensitive' } }, select: { firstName: true, phone: true } })).toEqual([{ firstName: 'New', phone: '+49 3' }])
    const change = await testDb.activityLog.findFirstOrThrow({ where: { action: 'contact.updated' } })
    expect(change.changes).toMatchObject({ lastName: { from: 'Berger', to: 'Maria Berger' }, phone: { from: '+49 1', to: '+49 2' } })
  })

  it('links contacts to companies by name or domain, and reports a missing company unless asked to create it', async () => {
    const { admin } = await setup()
    const northwind = await testDb.company.create({ data: { orgId: admin.ctx.orgId, name: 'Northwind Traders', domain: 'northwind.example' } })
    const csv = csvOf([
      ['Full name', 'Company name'],
      ['Ann One', 'northwind traders'],
      ['Bob Two', 'https://www.northwind.example/'],
      ['Cy Three', 'Initech'],
    ])
    const first = await importCsv(admin.ctx, 'CONTACTS', csv)
    expect(first.errors).toEqual([{ rowNumber: 4, message: 'company “Initech” not found' }])
    expect(await testDb.contact.count({ where: { companyId: northwind.id } })).toBe(2)

    const second = await importCsv(admin.ctx, 'CONTACTS', csvOf([['Full name', 'Company name'], ['Cy Three', 'Initech'], ['Di Four', 'initech']]), { createMissingCompanies: true })
    expect(second.errors).toEqual([])
    const initech = await testDb.company.findMany({ where: { orgId: admin.ctx.orgId, name: { equals: 'Initech', mode: 'insensitive' } } })
    expect(initech).toHaveLength(1)
    expect(await testDb.contact.count({ where: { companyId: initech[0]!.id } })).toBe(2)
  })
})

describe('companies import', () => {
  it('reads domains, countries and size bands, and skips or updates a company with the same domain', async () => {
    const { admin } = await setup()
    await testDb.company.create({ data: { orgId: admin.ctx.orgId, name: 'Contoso', domain: 'contoso.example', industry: 'Pharma' } })
    const csv = csvOf([
      ['Company name', 'Website', 'Industry', 'Country', 'Employees'],
      ['Contoso Pharma', 'https://contoso.example', '', 'United States', '201-1000'],
      ['Fabrikam', 'fabrikam.example', 'Logistics', 'nl', '1,000+'],
      ['Broken Domain', 'not a domain', '', 'Atlantis', 'lots'],
    ])
    const skip = await importCsv(admin.ctx, 'COMPANIES', csv)
    expect(skip.job).toMatchObject({ createdCount: 1, skippedCount: 1, errorCount: 1 })
    expect(skip.errors).toEqual([
      {
        rowNumber: 4,
        message: '“not a domain” is not a domain like example.com; “Atlantis” is not a country (use a code like DE or a name like Germany); “lots” is not a size band (use 1-10, 11-50, 51-200, 201-1000 or 1001+)',
      },
    ])
    expect(await testDb.company.findFirst({ where: { domain: 'fabrikam.example' } })).toMatchObject({ name: 'Fabrikam', country: 'NL', sizeBand: 'S1001_PLUS', industry: 'Logistics' })

    const update = await importCsv(admin.ctx, 'COMPANIES', csv, { duplicateMode: 'UPDATE' })
    expect(update.job).toMatchObject({ createdCount: 0, updatedCount: 2, errorCount: 1 })
    expect(await testDb.company.findFirst({ where: { domain: 'contoso.example' } })).toMatchObject({ name: 'Contoso Pharma', industry: 'Pharma', country: 'US', sizeBand: 'S201_1000' })
    expect(await testDb.company.count({ where: { orgId: admin.ctx.orgId } })).toBe(2)
  })
})

describe('deals import', () => {
  it('parses amounts exactly in the org currency, dates in both formats, and finds pipeline, stage, owner and company by name', async () => {
    const { org, admin, pipeline, stage } = await setup()
    const rep = await createMember(org, 'SALES', { email: 'rep@acme.example' })
    const company = await testDb.company.create({ data: { orgId: org.id, name: 'Litware', domain: 'litware.example' } })
    const csv = csvOf([
      ['Deal name', 'Amount', 'Pipeline', 'Stage', 'Owner', 'Company', 'Close date', 'Type'],
      ['Rollout', '1,234.56', '', '', '', 'litware.example', '2026-12-31', ''],
      ['Pilot', '0.29', 'new business', 'proposal', 'REP@acme.example', 'Litware', '05/01/2027', 'Renewal'],
      ['Big one', '€ 12,500,000.10', '', 'Won', '', '', '', 'expansion'],
      ['Too precise', '12.345', '', '', '', '', '', ''],
      ['Bad date', '10', '', '', '', '', '31/02/2026', ''],
      ['Lost one', '10', '', 'Lost', '', '', '', ''],
      ['Nobody’s', '10', '', '', 'ghost@acme.example', '', '', ''],
      ['Foreign', '10', 'Enterprise', '', '', 'Umbrella', '', 'sideways'],
    ])
    const { job, errors } = await importCsv(admin.ctx, 'DEALS', csv)
    expect(job).toMatchObject({ createdCount: 3, errorCount: 5 })
    expect(errors).toEqual([
      { rowNumber: 5, message: 'amount “12.345”: use at most 2 decimals for EUR' },
      { rowNumber: 6, message: '“31/02/2026” is not a date (use YYYY-MM-DD or DD/MM/YYYY)' },
      { rowNumber: 7, message: '“Lost” is a lost stage: a lost deal needs a reason, so import it open or won and mark it lost on the board' },
      { rowNumber: 8, message: 'owner “ghost@acme.example” is not a member of this organization' },
      { rowNumber: 9, message: '“sideways” is not a deal type (use new business, expansion or renewal)' },
    ])
    const deals = await testDb.deal.findMany({ where: { orgId: org.id }, orderBy: { title: 'asc' } })
    expect(deals.map((d) => [d.title, d.amountMinor, d.currency, d.stageId, d.status, d.ownerId, d.companyId, d.expectedCloseOn?.toISOString().slice(0, 10) ?? null, d.dealType, d.probability])).toEqual([
      ['Big one', 1_250_000_010n, 'EUR', stage('Won').id, 'WON', admin.user.id, null, null, 'EXPANSION', 100],
      ['Pilot', 29n, 'EUR', stage('Proposal').id, 'OPEN', rep.user.id, company.id, '2027-01-05', 'RENEWAL', 50],
      ['Rollout', 123_456n, 'EUR', pipeline.stages[0]!.id, 'OPEN', admin.user.id, company.id, '2026-12-31', 'NEW_BUSINESS', 10],
    ])
    expect(deals.every((d) => d.pipelineId === pipeline.id)).toBe(true)
    expect(await testDb.activityLog.count({ where: { action: 'deal.created' } })).toBe(3)
  })

  it('reports an unknown company, pipeline or stage, and creates missing companies only for rows it writes', async () => {
    const { admin } = await setup()
    const csv = csvOf([
      ['Title', 'Amount', 'Company', 'Pipeline', 'Stage'],
      ['A', '10', 'Umbrella', '', ''],
      ['B', 'ten', 'Hooli', '', ''],
      ['C', '10', '', 'Enterprise', ''],
      ['D', '10', '', '', 'Closing'],
    ])
    const plain = await importCsv(admin.ctx, 'DEALS', csv)
    expect(plain.errors).toEqual([
      { rowNumber: 2, message: 'company “Umbrella” not found' },
      { rowNumber: 3, message: 'amount “ten”: enter an amount like 1,234.56' },
      { rowNumber: 4, message: 'pipeline “Enterprise” not found' },
      { rowNumber: 5, message: 'stage “Closing” not found in the pipeline “New business”' },
    ])
    const creating = await importCsv(admin.ctx, 'DEALS', csv, { createMissingCompanies: true })
    expect(creating.job).toMatchObject({ createdCount: 1, errorCount: 3 })
    expect((await testDb.company.findMany({ select: { name: true } })).map((c) => c.name)).toEqual(['Umbrella'])
  })

  it('lets a sales rep import only deals they own', async () => {
    const { org, admin } = await setup()
    const rep = await createMember(org, 'SALES', { email: 'rep@acme.example' })
    const csv = csvOf([['Title', 'Owner'], ['Mine', 'rep@acme.example'], ['Also mine', ''], ['Theirs', 'admin@acme.example']])
    const { job, errors } = await importCsv(rep.ctx, 'DEALS', csv)
    expect(job).toMatchObject({ createdCount: 2, errorCount: 1 })
    expect(errors).toEqual([{ rowNumber: 4, message: 'you can only import deals you own, not deals of “admin@acme.example”' }])
    expect(await testDb.deal.count({ where: { ownerId: admin.user.id } })).toBe(0)
  })
})

describe('import jobs', () => {
  it('shows a preview of the first rows without writing anything', async () => {
    const { admin } = await setup()
    await testDb.contact.create({ data: { orgId: admin.ctx.orgId, firstName: 'Anna', lastName: 'Berger', email: 'anna@example.test' } })
    const outcomes = await previewImport(testDb, admin.ctx, {
      kind: 'CONTACTS',
      headers: ['Name', 'Email'],
      mapping: { name: 0, email: 1 },
      options: { duplicateMode: 'SKIP', createMissingCompanies: false },
      rows: [
        { rowNumber: 2, cells: ['Anna Berger', 'anna@example.test'] },
        { rowNumber: 3, cells: ['Ben Costa', 'ben@'] },
        { rowNumber: 4, cells: ['Carla Dubois', 'carla@example.test'] },
      ],
    })
    expect(outcomes).toEqual([
      { rowNumber: 2, action: 'skip', message: 'a contact with the email “anna@example.test” already exists' },
      { rowNumber: 3, action: 'error', message: '“ben@” is not an email address' },
      { rowNumber: 4, action: 'create', message: null },
    ])
    expect(await testDb.contact.count()).toBe(1)
  })

  it('refuses a mapping without the required columns, next to the mapping', async () => {
    const { admin } = await setup()
    const error = await fail(testDb.$transaction((tx) => createImportJob(tx, admin.ctx, { kind: 'DEALS', fileName: 'x.csv', headers: ['Amount'], mapping: { amount: 0 }, options: { duplicateMode: 'SKIP', createMissingCompanies: false } })))
    expect(error).toMatchObject({ code: 'INVALID', field: 'mapping', message: 'Choose the column with the deal title.' })
  })

  it('keeps organizations apart: another org cannot drive a job, nor match its companies', async () => {
    const { admin } = await setup()
    const other = await createOrg()
    const outsider = await createMember(other, 'ADMIN')
    await testDb.company.create({ data: { orgId: other.id, name: 'Umbrella', domain: 'umbrella.example' } })

    const { errors } = await importCsv(admin.ctx, 'CONTACTS', csvOf([['Name', 'Company'], ['Ann One', 'Umbrella'], ['Bob Two', 'umbrella.example']]))
    expect(errors.map((e) => e.message)).toEqual(['company “Umbrella” not found', 'company “umbrella.example” not found'])

    const job = await testDb.$transaction((tx) => createImportJob(tx, admin.ctx, { kind: 'COMPANIES', fileName: 'x.csv', headers: ['Name'], mapping: { name: 0 }, options: { duplicateMode: 'SKIP', createMissingCompanies: false } }))
    expect(await fail(testDb.$transaction((tx) => stageImportRows(tx, outsider.ctx, { jobId: job.id, rows: [{ rowNumber: 2, cells: ['Sneaky'] }], done: true })))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(runImportChunk(testDb, outsider.ctx, job.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(listImportErrors(testDb, outsider.ctx, job.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.company.count({ where: { name: 'Sneaky' } })).toBe(0)
  })

  it('refuses a role without crm:write, in the service and in the action', async () => {
    const { org } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    const input = { kind: 'COMPANIES' as const, fileName: 'x.csv', headers: ['Name'], mapping: { name: 0 }, options: { duplicateMode: 'SKIP' as const, createMissingCompanies: false } }
    expect(await fail(testDb.$transaction((tx) => createImportJob(tx, delivery.ctx, input)))).toMatchObject({ code: 'FORBIDDEN' })

    const action = await runAction(
      StartImportInput.extend({ orgSlug: z.string() }),
      { ...input, orgSlug: org.slug },
      async (data, session) => {
        const member = await requireMember(testDb, session, data.orgSlug, 'crm:write')
        return testDb.$transaction((tx) => createImportJob(tx, ctxOf(member), data))
      },
      { getSession: async () => delivery.session },
    )
    expect(action).toMatchObject({ ok: false, status: 403 })
    expect(await testDb.importJob.count()).toBe(0)
  })
})
