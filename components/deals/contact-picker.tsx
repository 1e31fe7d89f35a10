'use client'
import { useEffect, useId, useRef, useState } from 'react'
import { X } from 'lucide-react'
import { searchContactsAction } from '@/app/(app)/[orgSlug]/deals/[id]/actions'
import type { ContactOption } from '@/lib/crm/deal-contacts'
import { cn } from '@/components/ui/cn'

/**
 * A search box over the organization's contacts (name or email, at most 10 results from the
 * server), not a select of every contact. The chosen one is submitted as `name`.
 */
export function ContactPicker({
  orgSlug,
  excludeDealId,
  name,
  label = 'Contact',
  error,
  resetKey,
}: {
  orgSlug: string
  excludeDealId?: string
  name: string
  label?: string
  error?: string[]
  /** changes after a successful submit, to clear the choice */
  resetKey?: number
}) {
  const id = useId()
  const listId = `${id}-list`
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<ContactOption[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [chosen, setChosen] = useState<ContactOption | null>(null)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<string>()
  const [seenReset, setSeenReset] = useState(resetKey)
  const latest = useRef(0)
  if (seenReset !== resetKey) {
    setSeenReset(resetKey)
    setChosen(null)
    setQuery('')
    setResults([])
  }

  useEffect(() => {
    const q = query.trim()
    if (chosen || q.length < 2) return
    const ticket = ++latest.current
    const timer = setTimeout(async () => {
      setSearching(true)
      const result = await searchContactsAction({ orgSlug, q, excludeDealId })
      if (ticket !== latest.current) return
      setSearching(false)
      if (!result.ok) {
        setSearchError(result.fieldErrors?.q?.[0] ?? result.formError ?? 'Search failed.')
        setResults([])
        return
      }
      setSearchError(undefined)
      setResults(result.data)
      setActive(0)
      setOpen(true)
    }, 200)
    return () => clearTimeout(timer)
  }, [query, chosen, orgSlug, excludeDealId])

  function choose(contact: ContactOption) {
    setChosen(contact)
    setOpen(false)
    setQuery('')
  }

  const message = error?.[0] ?? searchError
  const describedBy = message ? `${id}-error` : `${id}-hint`

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      {chosen ? (
        <div className="flex items-center justify-between gap-2 rounded-md border border-line bg-muted px-3 py-2 text-sm" data-testid="picked-contact">
          <span className="min-w-0 truncate">
            <span className="font-medium">{chosen.name}</span>
            {chosen.email ? <span className="text-ink-soft"> · {chosen.email}</span> : null}
          </span>
          <button
            type="button"
            id={id}
            className="rounded p-0.5 text-ink-soft hover:bg-surface hover:text-ink"
            aria-label={`Clear ${chosen.name}`}
            onClick={() => setChosen(null)}
          >
            <X className="size-4" aria-hidden />
          </button>
        </div>
      ) : (
        <input
          id={id}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-expanded={open && query.trim().length >= 2}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && results[active] ? `${listId}-${results[active].id}` : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          placeholder="Search by name or email…"
          className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-xs placeholder:text-ink-soft aria-invalid:border-danger"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            if (e.target.value.trim().length < 2) {
              setResults([])
              setOpen(false)
            }
          }}
          onFocus={() => results.length && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              setOpen(true)
              setActive((i) => Math.min(i + 1, results.length - 1))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((i) => Math.max(i - 1, 0))
            } else if (e.key === 'Enter' && open && results[active]) {
              e.preventDefault()
              choose(results[active])
            } else if (e.key === 'Escape') {
              setOpen(false)
            }
          }}
        />
      )}
      {open && !chosen && query.trim().length >= 2 ? (
        <ul id={listId} role="listbox" aria-label="Matching contacts" className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-line bg-surface py-1 shadow-lg">
          {results.length === 0 ? (
            <li className="px-3 py-2 text-sm text-ink-soft">{searching ? 'Searching…' : 'No contact matches.'}</li>
          ) : (
            results.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${c.id}`}
                role="option"
                aria-selected={i === active}
                className={cn('cursor-pointer px-3 py-1.5 text-sm', i === active && 'bg-muted')}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => {
                  e.preventDefault()
                  choose(c)
                }}
              >
                <span className="font-medium">{c.name}</span>
                <span className="block text-xs text-ink-soft">{[c.email, c.jobTitle, c.companyName].filter(Boolean).join(' · ')}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {message}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-ink-soft">
          Type at least 2 letters of a name or an email.
        </p>
      )}
    </div>
  )
}
