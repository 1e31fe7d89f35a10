import { z } from 'zod'

export const SEARCH_TYPES = ['company', 'contact', 'deal'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export const searchTypeLabels: Record<SearchType, string> = { company: 'Companies', contact: 'Contacts', deal: 'Deals' }

/** Shorter queries match too much to rank usefully (a trigram needs two characters). */
export const MIN_QUERY_LENGTH = 2
export const MAX_QUERY_LENGTH = 100

export const SearchInput = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`),
  type: z.enum(SEARCH_TYPES).optional(),
  /** hits of each type (the palette shows 5, a company picker 8) */
  limit: z.coerce.number().int().min(1).max(20).default(5),
})
export type SearchInput = z.infer<typeof SearchInput>

/** The search page's URL: ?q=…&type=… (a bad type is ignored, a long query cut). */
export const SearchParams = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().catch('').transform((q) => q.slice(0, MAX_QUERY_LENGTH))).default(''),
  type: z.enum(SEARCH_TYPES).optional().catch(undefined),
})

export type SearchHit = {
  type: SearchType
  id: string
  title: string
  /** domain for a company; email and company for a contact; company and stage for a deal */
  subtitle: string | null
  /** deals only */
  amountMinor: string | null
  currency: string | null
  status: 'OPEN' | 'WON' | 'LOST' | null
  /** word similarity 0..1, higher is closer */
  score: number
}

export const hrefOf = (orgSlug: string, hit: Pick<SearchHit, 'type' | 'id'>) =>
  `/${orgSlug}/${hit.type === 'company' ? 'companies' : hit.type === 'contact' ? 'contacts' : 'deals'}/${hit.id}`
