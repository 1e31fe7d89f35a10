import { describe, expect, it } from 'vitest'
import { companyListDef, dealListDef } from '@/lib/crm/list-defs'
import { decodeCursor, encodeCursor, exportHref, listHref, pageLinks, parseListParams } from '@/lib/crm/list-params'

const id = '0b6f3a1e-8c2d-4f7a-9e1b-2c3d4e5f6a7b'

describe('parseListParams', () => {
  it('gives the list’s defaults for an empty URL', () => {
    const params = parseListParams(dealListDef, {})
    expect(params).toMatchObject({ q: '', sort: 'created', dir: 'desc', after: null, before: null, last: false, from: 0, size: 50, trash: false, filters: {} })
    expect(params.cols).toEqual(['title', 'company', 'amount', 'stage', 'status', 'close', 'owner', 'created'])
  })

  it('keeps valid values and drops invalid ones instead of failing', () => {
    const params = parseListParams(dealListDef, {
      q: '  rollout ',
      sort: 'amount',
      dir: 'sideways',
      size: '37',
      status: 'WON',
      type: 'BOGUS',
      close: '2026-13',
      owner: 'mine',
      stage: 'not-a-uuid',
      cols: 'amount,nonsense',
      trash: '1',
    })
    expect(params).toMatchObject({ q: 'rollout', sort: 'amount', dir: 'asc', size: 50, trash: true, filters: { status: 'WON', owner: 'mine' } })
    expect(params.filters).not.toHaveProperty('type', 'BOGUS')
    expect(params.filters.close).toBeUndefined()
    expect(params.filters.stage).toBeUndefined()
    // the title is always shown; unknown columns are ignored
    expect(params.cols).toEqual(['title', 'amount'])
  })

  it('sorts an unknown or unsortable column by the default instead', () => {
    expect(parseListParams(companyListDef, { sort: 'contacts' }).sort).toBe('name')
    expect(parseListParams(companyListDef, { sort: 'industry' })).toMatchObject({ sort: 'industry', dir: 'asc' })
  })

  it('reads a page position only together with a cursor', () => {
    const cursor = encodeCursor({ keys: ['Acme'], id })
    expect(parseListParams(companyListDef, { from: '500' }).from).toBe(0)
    expect(parseListParams(companyListDef, { after: cursor, from: '500' })).toMatchObject({ from: 500, after: { keys: ['Acme'], id } })
    expect(parseListParams(companyListDef, { after: cursor, before: cursor }).before).toBeNull()
    expect(parseListParams(companyListDef, { last: '1' }).last).toBe(true)
  })

  it('upper-cases a country filter', () => {
    expect(parseListParams(companyListDef, { country: 'de' }).filters.country).toBe('DE')
  })
})

describe('cursors', () => {
  it('round-trip text with any characters, booleans and numbers-as-text', () => {
    const cursor = { keys: [false, 'Müller & Søn, "Ltd" 🚀', '2026-01-01T00:00:00.000Z'], id }
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor)
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('reject anything we did not write', () => {
    expect(decodeCursor('')).toBeNull()
    expect(decodeCursor('%%%')).toBeNull()
    expect(decodeCursor(btoa(JSON.stringify(['a', 'not-an-id'])))).toBeNull()
    expect(decodeCursor(btoa(JSON.stringify([{ $gt: 1 }, id])))).toBeNull()
    expect(decodeCursor(btoa(JSON.stringify([id])))).toBeNull()
  })
})

describe('listHref', () => {
  const current = new URLSearchParams({ q: 'acme', after: 'abc', from: '50', sort: 'name' })

  it('starts again at the first page when the view changes', () => {
    expect(listHref('/acme/companies', current, { sort: 'domain', dir: 'asc' })).toBe('/acme/companies?q=acme&sort=domain&dir=asc')
    expect(listHref('/acme/companies', current, { q: null })).toBe('/acme/companies?sort=name')
  })

  it('keeps the page for paging and for the column choice', () => {
    expect(listHref('/acme/companies', current, { cols: 'name,owner' }, { keepPage: true })).toBe('/acme/companies?q=acme&after=abc&from=50&sort=name&cols=name%2Cowner')
  })

  it('exports the view without its page', () => {
    expect(exportHref('/acme/companies', current)).toBe('/acme/companies/export?q=acme&sort=name')
  })
})

describe('pageLinks', () => {
  it('offers no way back on the first page, and none forward on the last', () => {
    const first = pageLinks('/x', {}, { from: 0, count: 50, size: 50, prevCursor: null, nextCursor: 'n' })
    expect(first).toEqual({ first: null, prev: null, next: '/x?after=n&from=50', last: '/x?last=1' })
    const last = pageLinks('/x', { after: 'n', from: '50' }, { from: 50, count: 3, size: 50, prevCursor: 'p', nextCursor: null })
    expect(last).toEqual({ first: '/x', prev: '/x', next: null, last: null })
  })

  it('goes back with the cursor of the page’s first row', () => {
    const links = pageLinks('/x', { after: 'n', from: '150' }, { from: 150, count: 50, size: 50, prevCursor: 'p', nextCursor: 'n2' })
    expect(links.prev).toBe('/x?from=100&before=p')
    expect(links.next).toBe('/x?after=n2&from=200')
  })
})
