'use client'
import { Command } from 'cmdk'
import { Dialog } from 'radix-ui'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { LoaderCircle, Search } from 'lucide-react'
import { formatMoney } from '@/lib/money'
import { MIN_QUERY_LENGTH, hrefOf, searchTypeLabels, type SearchHit } from '@/lib/crm/search.schema'
import { SearchHitIcon } from './search-hit-icon'

const DEBOUNCE_MS = 150
const valueOf = (hit: SearchHit) => `${hit.type}:${hit.id}`
const ALL = 'all-results'

type Outcome = { ok: true; hits: SearchHit[] } | { ok: false; message: string }

/** GET /api/orgs/<org>/search; a cancelled request resolves as a failure nobody reads. */
async function searchFor(orgSlug: string, q: string, signal: AbortSignal): Promise<Outcome> {
  try {
    const response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/search?${new URLSearchParams({ q })}`, { signal })
    if (response.ok) return { ok: true, hits: (await response.json()) as SearchHit[] }
    const body = (await response.json().catch(() => null)) as { error?: string } | null
    return { ok: false, message: body?.error ?? 'Search failed. Try again.' }
  } catch {
    return { ok: false, message: signal.aborted ? '' : 'Search failed: check your connection and try again.' }
  }
}

/**
 * Ctrl/Cmd-K (or the sidebar's Search button) opens a palette that searches companies,
 * contacts and deals as one types; arrows move, Enter opens the record.
 */
export function CommandPalette({ orgSlug }: { orgSlug: string }) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [searched, setSearched] = useState('')
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [selected, setSelected] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inFlight = useRef<AbortController | null>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault()
        setOpen((wasOpen) => !wasOpen)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  useEffect(
    () => () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    },
    [],
  )

  function type(value: string) {
    setQuery(value)
    clearTimeout(timer.current)
    const q = value.trim()
    inFlight.current?.abort() // a later keystroke has its own answer coming
    inFlight.current = null
    if (q.length < MIN_QUERY_LENGTH) {
      setHits([])
      setSearched('')
      setLoading(false)
      return
    }
    setLoading(true)
    timer.current = setTimeout(async () => {
      const request = new AbortController()
      inFlight.current = request
      const outcome = await searchFor(orgSlug, q, request.signal)
      if (request.signal.aborted) return
      setLoading(false)
      if (!outcome.ok) return setFailure(outcome.message)
      setFailure(null)
      setHits(outcome.hits)
      setSearched(q)
      setSelected(outcome.hits[0] ? valueOf(outcome.hits[0]) : ALL)
    }, DEBOUNCE_MS)
  }

  function go(href: string) {
    setOpen(false)
    router.push(href)
  }

  const q = query.trim()
  // groups in the order of their best hit, so the first row shown is the best match (and selected)
  const groups = [...new Set(hits.map((h) => h.type))].map((type) => ({ type, hits: hits.filter((h) => h.type === type) }))
  const status = failure
    ? failure
    : q.length < MIN_QUERY_LENGTH
      ? 'Type a company, person, email, domain or deal; typos are fine.'
      : loading && !searched
        ? 'Searching…'
        : searched && hits.length === 0 && !loading
          ? `Nothing matches “${searched}”.`
          : null

  return (
    <>
      <div className="px-2 pb-1">
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-keyshortcuts="Control+K Meta+K"
          className="flex w-full items-center gap-2 rounded-md border border-line px-2.5 py-1.5 text-sm text-ink-soft hover:bg-muted hover:text-ink"
        >
          <Search className="size-4" aria-hidden />
          <span className="flex-1 text-left">Search…</span>
          <kbd className="rounded border border-line bg-muted px-1.5 font-sans text-[11px]">⌘K</kbd>
        </button>
      </div>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed left-1/2 top-[12vh] z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface shadow-xl"
          >
            <Dialog.Title className="sr-only">Search the CRM</Dialog.Title>
            <Command label="Search companies, contacts and deals" shouldFilter={false} loop value={selected} onValueChange={setSelected}>
              <div className="flex items-center gap-2 border-b border-line px-3">
                <Search className="size-4 shrink-0 text-ink-soft" aria-hidden />
                <Command.Input
                  value={query}
                  onValueChange={type}
                  placeholder="Search companies, contacts and deals…"
                  className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-ink-soft"
                />
                {loading ? <LoaderCircle className="size-4 shrink-0 animate-spin text-ink-soft" aria-label="Searching" /> : null}
              </div>
              <Command.List className="max-h-[min(60vh,28rem)] overflow-y-auto p-2" data-testid="search-palette-results">
                {status ? (
                  <p className="px-2 py-6 text-center text-sm text-ink-soft" role="status">
                    {status}
                  </p>
                ) : null}
                {groups.map((group) => (
                  <Command.Group
                    key={group.type}
                    heading={searchTypeLabels[group.type]}
                    className="mb-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-ink-soft"
                  >
                    {group.hits.map((hit) => (
                      <Command.Item
                        key={valueOf(hit)}
                        value={valueOf(hit)}
                        onSelect={() => go(hrefOf(orgSlug, hit))}
                        className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-sm data-[selected=true]:bg-accent/10"
                      >
                        <SearchHitIcon type={hit.type} />
                        <span className="min-w-0 flex-1">
                          <span className="block truncate font-medium">{hit.title}</span>
                          {hit.subtitle ? <span className="block truncate text-xs text-ink-soft">{hit.subtitle}</span> : null}
                        </span>
                        {hit.amountMinor && hit.currency ? <span className="shrink-0 text-xs tabular-nums text-ink-soft">{formatMoney(hit.amountMinor, hit.currency)}</span> : null}
                      </Command.Item>
                    ))}
                  </Command.Group>
                ))}
                {q.length >= MIN_QUERY_LENGTH ? (
                  <Command.Item
                    value={ALL}
                    onSelect={() => go(`/${orgSlug}/search?q=${encodeURIComponent(q)}`)}
                    className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-sm text-ink-soft data-[selected=true]:bg-accent/10 data-[selected=true]:text-ink"
                  >
                    <Search className="size-4 shrink-0" aria-hidden />
                    Show all results for “{q}”
                  </Command.Item>
                ) : null}
              </Command.List>
            </Command>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  )
}
