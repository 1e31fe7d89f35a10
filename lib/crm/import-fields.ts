// What a CSV import can fill, how columns are guessed from headers, and how one cell is read.
// Pure: the browser uses it for the mapping screen, the server to validate every row.
import { isDay } from '@/lib/dates'
import { DEAL_TYPES } from '@/lib/crm/deals.schema'

export const IMPORT_KINDS = ['COMPANIES', 'CONTACTS', 'DEALS'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export const importKindLabels: Record<ImportKind, string> = { COMPANIES: 'Companies', CONTACTS: 'Contacts', DEALS: 'Deals' }

export type FieldDef = { key: string; label: string; hint?: string; synonyms: string[] }

const companyRef = ['company', 'companyname', 'companydomain', 'organization', 'organisation', 'organizationname', 'account', 'accountname', 'employer', 'customer']

export const IMPORT_FIELDS: Record<ImportKind, FieldDef[]> = {
  COMPANIES: [
    { key: 'name', label: 'Name', hint: 'required', synonyms: ['name', 'companyname', 'company', 'organization', 'organisation', 'organizationname', 'account', 'accountname', 'customer', 'firm'] },
    { key: 'domain', label: 'Domain', hint: 'a company with the same domain is a duplicate', synonyms: ['domain', 'website', 'web', 'url', 'site', 'homepage', 'companydomain', 'companywebsite'] },
    { key: 'industry', label: 'Industry', synonyms: ['industry', 'sector', 'vertical'] },
    { key: 'country', label: 'Country', hint: 'a code like DE or a name like Germany', synonyms: ['country', 'countrycode', 'nation'] },
    { key: 'sizeBand', label: 'Size band', hint: '1-10, 11-50, 51-200, 201-1000, 1001+ or a head count', synonyms: ['sizeband', 'size', 'companysize', 'employees', 'headcount', 'numberofemployees', 'employeecount'] },
    { key: 'ownerEmail', label: 'Owner (email)', hint: 'empty: you', synonyms: ['owneremail', 'owner', 'companyowner', 'accountowner'] },
  ],
  CONTACTS: [
    { key: 'firstName', label: 'First name', synonyms: ['firstname', 'first', 'givenname', 'forename'] },
    { key: 'lastName', label: 'Last name', synonyms: ['lastname', 'last', 'surname', 'familyname'] },
    { key: 'name', label: 'Full name', hint: 'split into first and last name', synonyms: ['name', 'fullname', 'contactname', 'contact', 'person'] },
    { key: 'email', label: 'Email', hint: 'a contact with the same email is a duplicate', synonyms: ['email', 'emailaddress', 'mail', 'workemail', 'businessemail'] },
    { key: 'phone', label: 'Phone', synonyms: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'workphone'] },
    { key: 'jobTitle', label: 'Job title', synonyms: ['jobtitle', 'title', 'position', 'role'] },
    { key: 'company', label: 'Company', hint: 'name or domain of a company', synonyms: companyRef },
    { key: 'ownerEmail', label: 'Owner (email)', hint: 'empty: you', synonyms: ['owneremail', 'owner', 'contactowner'] },
  ],
  DEALS: [
    { key: 'title', label: 'Title', hint: 'required', synonyms: ['title', 'dealtitle', 'dealname', 'deal', 'name', 'opportunity', 'opportunityname', 'subject'] },
    { key: 'amount', label: 'Amount', hint: 'like 12,500.00 in the organization currency', synonyms: ['amount', 'dealamount', 'value', 'dealvalue', 'price', 'revenue', 'total'] },
    { key: 'pipeline', label: 'Pipeline', hint: 'by name; empty: the default pipeline', synonyms: ['pipeline', 'pipelinename'] },
    { key: 'stage', label: 'Stage', hint: 'by name; empty: the first stage', synonyms: ['stage', 'dealstage', 'pipelinestage', 'stagename', 'status'] },
    { key: 'ownerEmail', label: 'Owner (email)', hint: 'empty: you', synonyms: ['owneremail', 'owner', 'dealowner', 'salesrep', 'rep', 'assignee'] },
    { key: 'company', label: 'Company', hint: 'name or domain of a company', synonyms: companyRef },
    { key: 'expectedCloseOn', label: 'Expected close', hint: 'YYYY-MM-DD or DD/MM/YYYY', synonyms: ['expectedclosedate', 'expectedclose', 'expectedcloseon', 'closedate', 'closingdate', 'close', 'closeon'] },
    { key: 'dealType', label: 'Deal type', hint: 'new business, expansion or renewal', synonyms: ['dealtype', 'type', 'kind'] },
  ],
}

/** field key -> index of the column it is read from; a field not in it is not imported */
export type ColumnMapping = Record<string, number>

/** "E-mail" -> "email", "Company name" -> "companyname", "Größe" -> "grosse". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * A mapping guessed from the header row: exact synonyms first, then headers that contain a
 * synonym ("Primary email address" -> email), the longest synonym winning. Each field takes
 * at most one column and each column feeds at most one field.
 */
export function guessMapping(kind: ImportKind, headers: string[]): ColumnMapping {
  const fields = IMPORT_FIELDS[kind]
  const normalized = headers.map(normalizeHeader)
  const mapping: ColumnMapping = {}
  const used = new Set<number>()
  const take = (field: string, column: number) => {
    mapping[field] = column
    used.add(column)
  }
  // 1. exact matches, in the order of each field's synonyms
  for (const field of fields) {
    for (const synonym of field.synonyms) {
      const column = normalized.findIndex((h, i) => h === synonym && !used.has(i))
      if (column >= 0) {
        take(field.key, column)
        break
      }
    }
  }
  // 2. a header containing a synonym (4+ letters), longest synonym first
  const candidates: { field: string; column: number; length: number }[] = []
  for (const field of fields) {
    if (field.key in mapping) continue
    for (const synonym of field.synonyms) {
      if (synonym.length < 4) continue
      normalized.forEach((h, column) => {
        if (!used.has(column) && h.includes(synonym)) candidates.push({ field: field.key, column, length: synonym.length })
      })
    }
  }
  candidates.sort((a, b) => b.length - a.length || a.column - b.column)
  for (const c of candidates) if (!(c.field in mapping) && !used.has(c.column)) take(c.field, c.column)
  // a contact file with first and last name columns needs no full-name column
  if (kind === 'CONTACTS' && 'name' in mapping && 'firstName' in mapping && 'lastName' in mapping) delete mapping.name
  return mapping
}

/** What is missing from a mapping before anything can be imported, or null. */
export function mappingProblem(kind: ImportKind, mapping: ColumnMapping, columnCount: number): string | null {
  for (const [field, column] of Object.entries(mapping)) {
    if (!IMPORT_FIELDS[kind].some((f) => f.key === field)) return `“${field}” is not a field of ${importKindLabels[kind].toLowerCase()}.`
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) return 'A field is mapped to a column the file does not have.'
  }
  if (kind === 'COMPANIES' && !('name' in mapping)) return 'Choose the column with the company name.'
  if (kind === 'DEALS' && !('title' in mapping)) return 'Choose the column with the deal title.'
  if (kind === 'CONTACTS' && !('name' in mapping) && !('firstName' in mapping) && !('lastName' in mapping)) {
    return 'Choose the column with the contact’s name (full name, or first and last name).'
  }
  return null
}

// ---------------------------------------------------------------- cells

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (error: string): Parsed<never> => ({ ok: false, error })

/** The trimmed cell of a mapped field; '' when the field is not mapped or the cell is empty. */
export function cellOf(cells: readonly string[], mapping: ColumnMapping, field: string): string {
  const column = mapping[field]
  return column === undefined ? '' : (cells[column] ?? '').trim()
}

const quote = (raw: string) => `“${raw.length > 60 ? `${raw.slice(0, 57)}…` : raw}”`

/** "https://www.Northwind.example/about" -> "northwind.example". */
export function parseDomain(raw: string): Parsed<string> {
  const domain = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
  if (domain.length > 253 || !/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u.test(domain)) {
    return bad(`${quote(raw)} is not a domain like example.com`)
  }
  return ok(domain)
}

/** A company reference that reads as a domain ("northwind.example", "https://…") rather than a name. */
export function looksLikeDomain(raw: string): boolean {
  return !/\s/.test(raw.trim()) && raw.includes('.') && parseDomain(raw).ok
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function parseEmail(raw: string): Parsed<string> {
  const email = raw.trim()
  if (email.length > 254 || !EMAIL.test(email)) return bad(`${quote(raw)} is not an email address`)
  return ok(email)
}

/** 'YYYY-MM-DD', or 'DD/MM/YYYY' (also D/M/YYYY and DD.MM.YYYY) -> 'YYYY-MM-DD'. */
export function parseDay(raw: string): Parsed<string> {
  const value = raw.trim()
  let day: string | null = null
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value)
  if (iso) day = `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`
  else if (dmy) day = `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`
  if (!day || !isDay(day)) return bad(`${quote(raw)} is not a date (use YYYY-MM-DD or DD/MM/YYYY)`)
  return ok(day)
}

export type DealTypeValue = (typeof DEAL_TYPES)[number]
const dealTypeWords: Record<string, DealTypeValue> = {
  newbusiness: 'NEW_BUSINESS',
  new: 'NEW_BUSINESS',
  newbiz: 'NEW_BUSINESS',
  newcustomer: 'NEW_BUSINESS',
  expansion: 'EXPANSION',
  upsell: 'EXPANSION',
  upgrade: 'EXPANSION',
  crosssell: 'EXPANSION',
  renewal: 'RENEWAL',
  renew: 'RENEWAL',
}

export function parseDealType(raw: string): Parsed<DealTypeValue> {
  const type = dealTypeWords[normalizeHeader(raw)]
  return type ? ok(type) : bad(`${quote(raw)} is not a deal type (use new business, expansion or renewal)`)
}

export const COMPANY_SIZES = ['S1_10', 'S11_50', 'S51_200', 'S201_1000', 'S1001_PLUS'] as const
export type CompanySizeValue = (typeof COMPANY_SIZES)[number]
const sizeBounds: [CompanySizeValue, number, number][] = [
  ['S1_10', 1, 10],
  ['S11_50', 11, 50],
  ['S51_200', 51, 200],
  ['S201_1000', 201, 1000],
  ['S1001_PLUS', 1001, Infinity],
]

/** "11-50", "1001+", "1,000+", "250" (a head count) or "S11_50" -> a size band. */
export function parseSizeBand(raw: string): Parsed<CompanySizeValue> {
  const value = raw.trim().toUpperCase().replace(/[\s,.']/g, '').replace(/[–—]/g, '-')
  if ((COMPANY_SIZES as readonly string[]).includes(value)) return ok(value as CompanySizeValue)
  const range = /^(\d+)-(\d+)$/.exec(value)
  const plus = /^(?:>|OVER)?(\d+)\+?$/.exec(value)
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])]
    const band = sizeBounds.find(([, min, max]) => from >= min && to <= max && from <= to)
    if (band) return ok(band[0])
  } else if (plus) {
    // "1000+", ">1000": more than a band's upper bound starts the next band
    const more = value.startsWith('>') || value.startsWith('OVER') || value.endsWith('+')
    const n = Number(plus[1]) + (more && sizeBounds.some(([, , max]) => max === Number(plus[1])) ? 1 : 0)
    const band = sizeBounds.find(([, min, max]) => n >= min && n <= max)
    if (band) return ok(band[0])
  }
  return bad(`${quote(raw)} is not a size band (use 1-10, 11-50, 51-200, 201-1000 or 1001+)`)
}

/** Region codes Intl names that are not countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'])

let regions: { codes: Set<string>; byName: Map<string, string> } | undefined

function regionTable() {
  if (regions) return regions
  const names = new Intl.DisplayNames(['en'], { type: 'region' })
  const codes = new Set<string>()
  const byName = new Map<string, string>()
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b)
      const name = names.of(code)
      // an old code (DD, UK, YU …) canonicalizes to today's (DE, GB, RS): only today's are stored
      if (!name || name === code || NOT_COUNTRIES.has(code) || /unknown|pseudo/i.test(name) || new Intl.Locale(`und-${code}`).region !== code) continue
      codes.add(code)
      byName.set(normalizeHeader(name), code)
    }
  }
  for (const [alias, code] of [['usa', 'US'], ['unitedstatesofamerica', 'US'], ['uk', 'GB'], ['england', 'GB'], ['greatbritain', 'GB'], ['deutschland', 'DE'], ['holland', 'NL']] as const) {
    byName.set(alias, code)
  }
  regions = { codes, byName }
  return regions
}

/** "DE", "de" or "Germany" -> "DE". */
export function parseCountry(raw: string): Parsed<string> {
  const table = regionTable()
  const code = raw.trim().toUpperCase()
  if (/^[A-Z]{2}$/.test(code) && table.codes.has(code)) return ok(code)
  const byName = table.byName.get(normalizeHeader(raw))
  return byName ? ok(byName) : bad(`${quote(raw)} is not a country (use a code like DE or a name like Germany)`)
}

/** "Anna Maria Berger" -> Anna / Maria Berger; "Berger, Anna" -> Anna / Berger. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const name = full.replace(/\s+/g, ' ').trim()
  const comma = name.indexOf(',')
  if (comma > 0) return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() }
  const space = name.indexOf(' ')
  return space < 0 ? { firstName: name, lastName: '' } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) }
}

/** A text cell with a length limit: null when empty. */
export function parseText(raw: string, label: string, max: number): Parsed<string | null> {
  const value = raw.replace(/\s+/g, ' ').trim()
  if (!value) return ok(null)
  if (value.length > max) return bad(`${label} is longer than ${max} characters`)
  return ok(value)
}

/**
 * CSV records (record 0 is the header) -> rows to stage, numbered as a spreadsheet shows
 * them (the header is row 1). Blank lines are left out but keep their numbers.
 */
export function stagedRows(records: readonly string[][], firstIndex: number): { rowNumber: number; cells: string[] }[] {
  const rows: { rowNumber: number; cells: string[] }[] = []
  records.forEach((cells, i) => {
    const index = firstIndex + i
    if (index === 0 || cells.every((c) => c.trim() === '')) return
    rows.push({ rowNumber: index + 1, cells })
  })
  return rows
}
