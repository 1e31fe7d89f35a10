// One CSV row read into the values of a company, contact or deal, with every problem of the
// row in one message. Pure (no lookups): the checks that need the database (owner, company,
// pipeline, stage, duplicates) happen in the import services.
import { parseMoney } from '@/lib/money'
import {
  cellOf,
  parseCountry,
  parseDay,
  parseDealType,
  parseDomain,
  parseEmail,
  parseSizeBand,
  parseText,
  splitName,
  type ColumnMapping,
  type CompanySizeValue,
  type DealTypeValue,
  type Parsed,
} from '@/lib/crm/import-fields'

export type RowRead<T> = { ok: true; values: T } | { ok: false; error: string }

/** Collects the problems of one row; `value` returns the parsed value or null after a problem. */
function reader(cells: readonly string[], mapping: ColumnMapping) {
  const problems: string[] = []
  return {
    problems,
    cell: (field: string) => cellOf(cells, mapping, field),
    value<T>(parsed: Parsed<T>): T | null {
      if (parsed.ok) return parsed.value
      problems.push(parsed.error)
      return null
    },
    optional<T>(field: string, parse: (raw: string) => Parsed<T>): T | null {
      const raw = cellOf(cells, mapping, field)
      return raw ? this.value(parse(raw)) : null
    },
  }
}

const done = <T>(problems: string[], values: T): RowRead<T> => (problems.length ? { ok: false, error: problems.join('; ') } : { ok: true, values })

export type CompanyValues = {
  name: string
  domain: string | null
  industry: string | null
  country: string | null
  sizeBand: CompanySizeValue | null
  ownerEmail: string | null
}

export function readCompanyRow(cells: readonly string[], mapping: ColumnMapping): RowRead<CompanyValues> {
  const r = reader(cells, mapping)
  const name = r.value(parseText(r.cell('name'), 'the company name', 200))
  if (!name && r.problems.length === 0) r.problems.push('the company name is empty')
  const values = {
    name: name ?? '',
    domain: r.optional('domain', parseDomain),
    industry: r.value(parseText(r.cell('industry'), 'the industry', 100)),
    country: r.optional('country', parseCountry),
    sizeBand: r.optional('sizeBand', parseSizeBand),
    ownerEmail: r.optional('ownerEmail', parseEmail),
  }
  return done(r.problems, values)
}

export type ContactValues = {
  firstName: string
  lastName: string
  email: string | null
  phone: string | null
  jobTitle: string | null
  company: string | null
  ownerEmail: string | null
}

export function readContactRow(cells: readonly string[], mapping: ColumnMapping): RowRead<ContactValues> {
  const r = reader(cells, mapping)
  const split = splitName(r.cell('name'))
  const firstName = r.value(parseText(r.cell('firstName') || split.firstName, 'the first name', 100)) ?? ''
  const lastName = r.value(parseText(r.cell('lastName') || split.lastName, 'the last name', 100)) ?? ''
  if (!firstName && !lastName && r.problems.length === 0) r.problems.push('the name is empty')
  const values = {
    firstName,
    lastName,
    email: r.optional('email', parseEmail),
    phone: r.value(parseText(r.cell('phone'), 'the phone number', 50)),
    jobTitle: r.value(parseText(r.cell('jobTitle'), 'the job title', 200)),
    company: r.value(parseText(r.cell('company'), 'the company', 200)),
    ownerEmail: r.optional('ownerEmail', parseEmail),
  }
  return done(r.problems, values)
}

export type DealValues = {
  title: string
  amountMinor: bigint
  pipeline: string | null
  stage: string | null
  ownerEmail: string | null
  company: string | null
  expectedCloseOn: string | null
  dealType: DealTypeValue
}

export function readDealRow(cells: readonly string[], mapping: ColumnMapping, currency: string): RowRead<DealValues> {
  const r = reader(cells, mapping)
  const title = r.value(parseText(r.cell('title'), 'the deal title', 200))
  if (!title && r.problems.length === 0) r.problems.push('the deal title is empty')
  const amount = r.optional('amount', (raw) => {
    const money = parseMoney(raw, currency)
    return money.ok ? { ok: true as const, value: money.minor } : { ok: false as const, error: `amount “${raw}”: ${lowerFirst(money.error)}` }
  })
  const values = {
    title: title ?? '',
    amountMinor: amount ?? 0n,
    pipeline: r.value(parseText(r.cell('pipeline'), 'the pipeline', 200)),
    stage: r.value(parseText(r.cell('stage'), 'the stage', 200)),
    ownerEmail: r.optional('ownerEmail', parseEmail),
    company: r.value(parseText(r.cell('company'), 'the company', 200)),
    expectedCloseOn: r.optional('expectedCloseOn', parseDay),
    dealType: r.optional('dealType', parseDealType) ?? 'NEW_BUSINESS',
  }
  return done(r.problems, values)
}

/** "Use at most…" -> "use at most…" in the middle of a message (but "JPY has…" stays). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s).replace(/\.$/, '')
