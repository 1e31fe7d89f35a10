import { describe, expect, it } from 'vitest'
import {
  guessMapping,
  mappingProblem,
  parseCountry,
  parseDay,
  parseDealType,
  parseDomain,
  parseSizeBand,
  splitName,
  stagedRows,
} from '@/lib/crm/import-fields'
import { readContactRow, readDealRow } from '@/lib/crm/import-rows'

describe('guessMapping', () => {
  it('maps the usual contact headers, whatever their spelling', () => {
    const headers = ['First Name', 'Last name', 'E-mail', 'Phone number', 'Title', 'Company name', 'Notes']
    expect(guessMapping('CONTACTS', headers)).toEqual({ firstName: 0, lastName: 1, email: 2, phone: 3, jobTitle: 4, company: 5 })
  })

  it('reads the same header by what is imported: "Company name" and "Title" differ for companies and deals', () => {
    expect(guessMapping('COMPANIES', ['Company name', 'Website', 'Industry', 'Country', 'Employees'])).toEqual({ name: 0, domain: 1, industry: 2, country: 3, sizeBand: 4 })
    expect(guessMapping('DEALS', ['Title', 'Deal value', 'Stage', 'Deal owner', 'Account name', 'Expected close date', 'Deal type'])).toEqual({
      title: 0,
      amount: 1,
      stage: 2,
      ownerEmail: 3,
      company: 4,
      expectedCloseOn: 5,
      dealType: 6,
    })
  })

  it('falls back to a header that contains a field’s name, and uses each column once', () => {
    expect(guessMapping('CONTACTS', ['Full name', 'Primary email address', 'Mobile', 'Email'])).toEqual({ name: 0, email: 3, phone: 2 })
    expect(guessMapping('CONTACTS', ['Contact name', 'Work e-mail'])).toEqual({ name: 0, email: 1 })
  })

  it('takes first and last name over a full-name column when all three exist', () => {
    expect(guessMapping('CONTACTS', ['Name', 'First name', 'Last name'])).toEqual({ firstName: 1, lastName: 2 })
  })

  it('says what is missing before anything can be imported', () => {
    expect(mappingProblem('DEALS', { amount: 0 }, 1)).toBe('Choose the column with the deal title.')
    expect(mappingProblem('CONTACTS', { email: 0 }, 1)).toMatch(/contact’s name/)
    expect(mappingProblem('COMPANIES', { name: 3 }, 2)).toBe('A field is mapped to a column the file does not have.')
    expect(mappingProblem('COMPANIES', { name: 0 }, 1)).toBeNull()
  })
})

describe('cells', () => {
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['31/12/2026', '2026-12-31'],
    ['5/1/2027', '2027-01-05'],
    ['05.01.2027', '2027-01-05'],
  ])('reads the date %s as %s', (raw, day) => expect(parseDay(raw)).toEqual({ ok: true, value: day }))

  it.each(['31/02/2026', '2026-13-01', '12/31/2026', 'tomorrow'])('refuses the date %s', (raw) => expect(parseDay(raw).ok).toBe(false))

  it.each([
    ['1-10', 'S1_10'],
    ['11 – 50', 'S11_50'],
    ['250', 'S201_1000'],
    ['1000+', 'S1001_PLUS'],
    ['1,000+', 'S1001_PLUS'],
    ['>1000', 'S1001_PLUS'],
    ['S51_200', 'S51_200'],
  ])('reads the size %s as %s', (raw, band) => expect(parseSizeBand(raw)).toEqual({ ok: true, value: band }))

  it('reads domains from URLs and countries from codes or names', () => {
    expect(parseDomain('https://www.Northwind.example/about?x=1')).toEqual({ ok: true, value: 'northwind.example' })
    expect(parseDomain('not a domain').ok).toBe(false)
    expect(parseCountry('de')).toEqual({ ok: true, value: 'DE' })
    expect(parseCountry('Germany')).toEqual({ ok: true, value: 'DE' })
    expect(parseCountry('United Kingdom')).toEqual({ ok: true, value: 'GB' })
    expect(parseCountry('ZZ').ok).toBe(false)
  })

  it('reads deal types and splits full names', () => {
    expect(parseDealType('New business')).toEqual({ ok: true, value: 'NEW_BUSINESS' })
    expect(parseDealType('UPSELL')).toEqual({ ok: true, value: 'EXPANSION' })
    expect(splitName('  Anna  Maria Berger ')).toEqual({ firstName: 'Anna', lastName: 'Maria Berger' })
    expect(splitName('Berger, Anna')).toEqual({ firstName: 'Anna', lastName: 'Berger' })
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' })
  })

  it('numbers rows as a spreadsheet does, keeping the numbers of skipped blank lines', () => {
    const records = [['Name'], ['Ann'], [''], ['Bob']]
    expect(stagedRows(records, 0)).toEqual([
      { rowNumber: 2, cells: ['Ann'] },
      { rowNumber: 4, cells: ['Bob'] },
    ])
    // a later piece of the file continues the count
    expect(stagedRows([['Cy']], 4)).toEqual([{ rowNumber: 5, cells: ['Cy'] }])
  })
})

describe('rows', () => {
  it('reports every problem of a row in one message', () => {
    expect(readContactRow(['', 'not-mail', 'x'.repeat(60)], { name: 0, email: 1, phone: 2 })).toEqual({
      ok: false,
      error: 'the name is empty; “not-mail” is not an email address; the phone number is longer than 50 characters',
    })
  })

  it('reads a deal amount exactly in the currency, never through floats', () => {
    const row = readDealRow(['Rollout', '1,234.29'], { title: 0, amount: 1 }, 'EUR')
    expect(row).toMatchObject({ ok: true, values: { title: 'Rollout', amountMinor: 123429n, dealType: 'NEW_BUSINESS' } })
    expect(readDealRow(['Yen deal', '5000'], { title: 0, amount: 1 }, 'JPY')).toMatchObject({ ok: true, values: { amountMinor: 5000n } })
    expect(readDealRow(['Yen deal', '50.5'], { title: 0, amount: 1 }, 'JPY')).toEqual({ ok: false, error: 'amount “50.5”: JPY has no decimals' })
  })
})
