import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { companyCsv, companyListSpec } from '@/lib/crm/company-list'
import { dealCsv, dealListSpec } from '@/lib/crm/deal-list'
import { companyListDef, dealListDef } from '@/lib/crm/list-defs'
import { csvLines } from '@/lib/csv'
import { exportCsv } from '@/lib/crm/list-export'
import { parseListParams } from '@/lib/crm/list-params'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

async function collect(chunks: AsyncGenerator<string>) {
  const parts: string[] = []
  for await (const chunk of chunks) parts.push(chunk)
  return parts
}

describe('csvLines', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas but not phone numbers', () => {
    const csv = csvLines([
      ['Smith, Jones & Co', 'He said "hi"', 'line one\nline two'],
      ['=HYPERLINK("http://evil")', '+49 30 1234567', '-42'],
      ['@SUM(A1)', '+cmd|calc', null],
    ])
    expect(csv).toBe(
      '"Smith, Jones & Co","He said ""hi""","line one\nline two"\r\n' +
        '"\'=HYPERLINK(""http://evil"")",+49 30 1234567,-42\r\n' +
        '"\'@SUM(A1)","\'+cmd|calc",\r\n',
    )
    expect(Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data[0]).toEqual(['Smith, Jones & Co', 'He said "hi"', 'line one\nline two'])
  })
})

describe('exportCsv', () => {
  it('streams every filtered row in batches, in the list’s order, with the visible columns only', async () => {
    const org = await createOrg()
    const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
    const outsider = await createMember(await createOrg(), 'ADMIN')
    await testDb.company.createMany({
      data: Array.from({ length: 2345 }, (_, i) => ({ orgId: org.id, name: `Company ${String(i).padStart(4, '0')}`, domain: `c${i}.example`, industry: i % 2 ? 'Retail' : 'Software', ownerId: admin.user.id })),
    })
    await testDb.company.create({ data: { orgId: org.id, name: 'Trashed', industry: 'Retail', deletedAt: new Date() } })
    await testDb.company.create({ data: { orgId: outsider.ctx.orgId, name: 'Foreign', industry: 'Retail' } })

    const params = parseListParams(companyListDef, { industry: 'Retail', sort: 'name', dir: 'desc', cols: 'name,owner' })
    const chunks = await collect(exportCsv(testDb, companyListSpec, admin.ctx, params, companyCsv, 500))
    expect(chunks).toHaveLength(1 + 3) // header, then 1172 rows in batches of 500
    const csv = chunks.join('')
    expect(csv.startsWith('\uFEFFName,Owner\r\n')).toBe(true)
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data
    expect(rows).toHaveLength(1 + 1172)
    expect(rows[1]).toEqual(['Company 2343', 'Ada Admin'])
    expect(rows.at(-1)).toEqual(['Company 0001', 'Ada Admin'])
    const names = rows.slice(1).map((r) => r[0])
    expect(new Set(names).size).toBe(1172)
    expect(names).not.toContain('Trashed')
    expect(names).not.toContain('Foreign')
  })

  it('writes amounts as exact decimals with their currency', async () => {
    const org = await createOrg({ currency: 'EUR' })
    const admin = await createMember(org, 'ADMIN')
    const { pipeline } = await createSalesSetup(admin.ctx)
    await createTestDeal(admin.ctx, { pipelineId: pipeline.id, title: 'Big, important', amount: '1,234,567.89', expectedCloseOn: '2026-12-31' })
    const params = parseListParams(dealListDef, { cols: 'title,amount,close,status' })
    const csv = (await collect(exportCsv(testDb, dealListSpec, admin.ctx, params, dealCsv))).join('')
    expect(csv).toBe('\uFEFFTitle,Amount,Currency,Status,Expected close\r\n"Big, important",1234567.89,EUR,Open,2026-12-31\r\n')
  })
})
