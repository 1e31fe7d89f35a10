import { z } from 'zod'

// The URL of a list view is its whole state: search, sort, page (a keyset cursor plus the
// number of the first row, for "rows X-Y of N"), filters, visible columns and the trash.
// Pure: used by the pages, the services, the CSV export and the client components.

export type SortDir = 'asc' | 'desc'

export type ColumnDef = {
  key: string
  label: string
  sortable: boolean
  /** shown when the URL names no columns */
  defaultVisible: boolean
  /** always shown (the record's name, which links to it) */
  fixed?: boolean
  align?: 'right'
}

export type ListDef<F extends z.ZodRawShape = z.ZodRawShape> = {
  columns: readonly ColumnDef[]
  defaultSort: { key: string; dir: SortDir }
  /** each filter parses its own URL parameter; a bad value is dropped, never an error */
  filters: F
}

export type CursorValue = string | number | boolean
/** The sort-key values of a row and its id: where a page starts or ends. */
export type Cursor = { keys: CursorValue[]; id: string }

export const PAGE_SIZES = [25, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 50
/** Parameters that describe the page, not the view: dropped whenever the view changes. */
export const PAGING_PARAMS = ['after', 'before', 'last', 'from'] as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A record id from a URL: anything else is a 404 without asking the database. */
export const isUuid = (value: string) => UUID.test(value)

function toBase64Url(text: string) {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify([...cursor.keys, cursor.id]))
}

/** null for anything that is not a cursor we wrote (a hand-edited URL just starts at page one). */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text || text.length > 2000) return null
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(text))
    if (!Array.isArray(parsed) || parsed.length < 2) return null
    const id = parsed.at(-1)
    const keys = parsed.slice(0, -1)
    if (typeof id !== 'string' || !UUID.test(id)) return null
    if (!keys.every((k) => typeof k === 'string' || typeof k === 'boolean' || (typeof k === 'number' && Number.isFinite(k)))) return null
    return { keys: keys as CursorValue[], id }
  } catch {
    return null
  }
}

export type SearchParams = Record<string, string | string[] | undefined>

export type ListParams<F extends z.ZodRawShape = z.ZodRawShape> = {
  q: string
  sort: string
  dir: SortDir
  /** rows after this cursor (next page), or before it (previous page), or the last page */
  after: Cursor | null
  before: Cursor | null
  last: boolean
  /** 0-based number of the first row shown, carried in the URL (keyset pages do not know it) */
  from: number
  size: number
  /** visible columns, in the list's order */
  cols: string[]
  trash: boolean
  filters: Partial<z.infer<z.ZodObject<F>>>
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** URL search params -> a valid list state; anything unknown or malformed falls back to the default. */
export function parseListParams<F extends z.ZodRawShape>(def: ListDef<F>, search: SearchParams): ListParams<F> {
  const get = (key: string) => one(search[key])
  const sortable = def.columns.filter((c) => c.sortable).map((c) => c.key)
  const sortParam = get('sort')
  const sort = sortParam && sortable.includes(sortParam) ? sortParam : def.defaultSort.key
  const dirParam = get('dir')
  const dir: SortDir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : sort === def.defaultSort.key ? def.defaultSort.dir : 'asc'
  const sizeParam = Number(get('size'))
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE

  const colsParam = get('cols')
  const requested = colsParam ? colsParam.split(',') : null
  const cols = def.columns.filter((c) => c.fixed || (requested ? requested.includes(c.key) : c.defaultVisible)).map((c) => c.key)

  const filterShape = Object.fromEntries(Object.entries(def.filters).map(([key, schema]) => [key, (schema as z.ZodType).optional().catch(undefined)]))
  const rawFilters = Object.fromEntries(Object.keys(def.filters).map((key) => [key, get(key) || undefined]))
  const filters = z.object(filterShape).parse(rawFilters) as ListParams<F>['filters']

  const after = decodeCursor(get('after'))
  const before = after ? null : decodeCursor(get('before'))
  const last = !after && !before && get('last') === '1'
  const fromParam = Number(get('from'))
  const from = after || before ? (Number.isInteger(fromParam) && fromParam > 0 ? Math.min(fromParam, 1e9) : 0) : 0

  return {
    q: (get('q') ?? '').trim().slice(0, 200),
    sort,
    dir,
    after,
    before,
    last,
    from,
    size,
    cols,
    trash: get('trash') === '1',
    filters,
  }
}

/**
 * The URL of the same list with some parameters changed (null removes one). Any change
 * other than paging starts again at the first page.
 */
export function listHref(
  pathname: string,
  current: URLSearchParams | SearchParams,
  changes: Record<string, string | null>,
  { keepPage = false }: { keepPage?: boolean } = {},
): string {
  const search = current instanceof URLSearchParams ? new URLSearchParams(current) : toSearch(current)
  const paging = keepPage || Object.keys(changes).some((k) => (PAGING_PARAMS as readonly string[]).includes(k))
  if (!paging) for (const key of PAGING_PARAMS) search.delete(key)
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') search.delete(key)
    else search.set(key, value)
  }
  const query = search.toString()
  return query ? `${pathname}?${query}` : pathname
}

/** The export of a list: the same view (filters, sort, columns) without the page. */
export function exportHref(pathname: string, current: URLSearchParams | SearchParams): string {
  const search = current instanceof URLSearchParams ? new URLSearchParams(current) : toSearch(current)
  for (const key of [...PAGING_PARAMS, 'size']) search.delete(key)
  const query = search.toString()
  return `${pathname}/export${query ? `?${query}` : ''}`
}

export function toSearch(params: SearchParams): URLSearchParams {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    const v = one(value)
    if (v !== undefined && v !== '') search.set(key, v)
  }
  return search
}

/** The page links of a result: first/previous/next/last, or null where there is none. */
export function pageLinks(
  pathname: string,
  current: URLSearchParams | SearchParams,
  page: { from: number; count: number; size: number; prevCursor: string | null; nextCursor: string | null },
) {
  const clear = { after: null, before: null, last: null, from: null }
  const atStart = page.from === 0
  const atEnd = !page.nextCursor
  const prevFrom = page.from - page.size
  return {
    first: atStart ? null : listHref(pathname, current, clear),
    prev: atStart ? null : prevFrom <= 0 || !page.prevCursor ? listHref(pathname, current, clear) : listHref(pathname, current, { ...clear, before: page.prevCursor, from: String(prevFrom) }),
    next: page.nextCursor ? listHref(pathname, current, { ...clear, after: page.nextCursor, from: String(page.from + page.count) }) : null,
    last: atEnd ? null : listHref(pathname, current, { ...clear, last: '1' }),
  }
}

export const OwnerFilter = z.union([z.enum(['mine', 'none']), z.string().regex(UUID)])
export const UuidFilter = z.string().regex(UUID)
export const MonthFilter = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
export const CountryFilter = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((v) => v.toUpperCase())
export const TextFilter = z.string().trim().min(1).max(100)
