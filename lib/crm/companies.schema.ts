import { z } from 'zod'

export const COMPANY_SIZES = ['S1_10', 'S11_50', 'S51_200', 'S201_1000', 'S1001_PLUS'] as const
export type CompanySize = (typeof COMPANY_SIZES)[number]
export const companySizeLabels: Record<CompanySize, string> = {
  S1_10: '1–10',
  S11_50: '11–50',
  S51_200: '51–200',
  S201_1000: '201–1,000',
  S1001_PLUS: '1,001+',
}

/** '' (a cleared field) -> null; an absent key stays undefined ("leave as it is"). */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)
const nullableText = (max: number, message: string) => z.preprocess(blankToNull, z.string().trim().max(max, message).nullable())

/**
 * "https://www.Example.com/about" -> "example.com": what people paste is a URL; what is
 * stored (and unique per organization) is the bare host name, lower case.
 */
export function normalizeDomain(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
const DOMAIN_MESSAGE = 'Enter a domain like example.com.'

export const DomainInput = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : normalizeDomain(v)) : v),
  z.string().regex(HOST, DOMAIN_MESSAGE).nullable(),
)

export const CountryInput = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toUpperCase()) : v),
  z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code like DE or US.').nullable(),
)

/** Every editable field of a company; each one is also validated alone by inline edits. */
export const CompanyFields = z.object({
  name: z.string().trim().min(1, 'Give the company a name.').max(200, 'Keep the name under 200 characters.'),
  domain: DomainInput,
  industry: nullableText(100, 'Keep the industry under 100 characters.'),
  sizeBand: z.preprocess(blankToNull, z.enum(COMPANY_SIZES, 'Choose a size.').nullable()),
  address: nullableText(500, 'Keep the address under 500 characters.'),
  country: CountryInput,
  ownerId: z.preprocess(blankToNull, z.uuid('Choose an owner.').nullable()),
  notes: nullableText(5000, 'Keep the notes under 5,000 characters.'),
})
export type CompanyField = keyof typeof CompanyFields.shape
export const COMPANY_FIELDS = Object.keys(CompanyFields.shape) as CompanyField[]

/** A new company: only the name is required. */
export const CreateCompanyInput = CompanyFields.partial().required({ name: true })
export type CreateCompanyInput = z.infer<typeof CreateCompanyInput>

/** An edit of some fields (inline editing sends one): an absent key is left as it is. */
export const UpdateCompanyInput = CompanyFields.partial().extend({ id: z.uuid() })
export type UpdateCompanyInput = z.infer<typeof UpdateCompanyInput>
