import Link from 'next/link'
import { Badge } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { formatMoney } from '@/lib/money'
import { MIN_QUERY_LENGTH, SEARCH_TYPES, hrefOf, searchTypeLabels, type SearchHit, type SearchType } from '@/lib/crm/search.schema'
import { SearchHitIcon } from './search-hit-icon'

const singular: Record<SearchType, string> = { company: 'Company', contact: 'Contact', deal: 'Deal' }
const statusLabels = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' } as const

/** The search page: a query box, a filter per type (in the URL), and the hits best first. */
export function SearchResults({ orgSlug, q, type, hits }: { orgSlug: string; q: string; type?: SearchType; hits: SearchHit[] }) {
  const link = (t?: SearchType) => `/${orgSlug}/search?${new URLSearchParams({ q, ...(t ? { type: t } : {}) })}`
  return (
    <div className="max-w-3xl space-y-4">
      <form action={`/${orgSlug}/search`} role="search" className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Company, person, email, domain or deal"
          className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-xs placeholder:text-ink-soft"
        />
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <button type="submit" className="rounded-md bg-accent px-4 text-sm font-medium text-white hover:bg-accent-strong">
          Search
        </button>
      </form>
      <nav aria-label="Result types" className="flex gap-1 text-sm">
        {[undefined, ...SEARCH_TYPES].map((t) => (
          <Link
            key={t ?? 'all'}
            href={link(t)}
            aria-current={t === type ? 'page' : undefined}
            className={cn('rounded-md px-2.5 py-1', t === type ? 'bg-accent/10 font-medium text-accent' : 'text-ink-soft hover:bg-muted')}
          >
            {t ? searchTypeLabels[t] : 'All'}
          </Link>
        ))}
      </nav>
      {q.length < MIN_QUERY_LENGTH ? (
        <p className="text-sm text-ink-soft">Type at least {MIN_QUERY_LENGTH} characters. Typos are fine: “nortwind” finds Northwind.</p>
      ) : hits.length === 0 ? (
        <p className="text-sm text-ink-soft" role="status">
          Nothing matches “{q}”.
        </p>
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="search-results">
          {hits.map((hit) => (
            <li key={`${hit.type}:${hit.id}`}>
              <Link href={hrefOf(orgSlug, hit)} className="flex items-center gap-3 px-4 py-3 hover:bg-muted/60" data-testid="search-result">
                <SearchHitIcon type={hit.type} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{hit.title}</span>
                  {hit.subtitle ? <span className="block truncate text-sm text-ink-soft">{hit.subtitle}</span> : null}
                </span>
                {hit.amountMinor && hit.currency ? <span className="shrink-0 text-sm tabular-nums">{formatMoney(hit.amountMinor, hit.currency)}</span> : null}
                {hit.status && hit.status !== 'OPEN' ? <Badge>{statusLabels[hit.status]}</Badge> : null}
                <Badge>{singular[hit.type]}</Badge>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
