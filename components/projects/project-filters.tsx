'use client'
import { useEffect, useRef, useState } from 'react'
import { ArrowDownWideNarrow, ArrowUpNarrowWide, Search, Trash2 } from 'lucide-react'
import { cn } from '@/components/ui/cn'
import { FilterSelect, useUrlFilters, type FilterOption as Option } from '@/components/ui/url-filters'
import { healthLabels } from '@/lib/pm/project-health'
import { HEALTHS, PROJECT_SORTS, sortLabels, statusLabels, PROJECT_STATUSES } from '@/lib/pm/projects.schema'

const control = 'rounded-md border border-line bg-surface px-2 py-1 text-sm'

/** The projects list's search, filters and sort: all in the URL, so a view can be shared. */
export function ProjectFilters({
  owners,
  companies,
  value,
  canSeeTrash,
}: {
  owners: Option[]
  companies: Option[]
  value: { q: string; status: string; owner: string; company: string; health: string; sort: string; dir: 'asc' | 'desc'; trash: boolean }
  canSeeTrash: boolean
}) {
  const { set, change, pending } = useUrlFilters(['limit'])

  const [query, setQuery] = useState(value.q)
  const [synced, setSynced] = useState(value.q)
  if (value.q !== synced) {
    // the URL changed from elsewhere (back button, a link): show its search
    setSynced(value.q)
    if (value.q !== query.trim()) setQuery(value.q)
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  return (
    <form role="search" aria-label="Project filters" aria-busy={pending} className="flex flex-wrap items-center gap-x-4 gap-y-2" onSubmit={(e) => e.preventDefault()}>
      <label className="relative flex items-center">
        <span className="sr-only">Search projects</span>
        <Search className="pointer-events-none absolute left-2 size-4 text-ink-soft" aria-hidden />
        <input
          type="search"
          value={query}
          placeholder="Search projects"
          onChange={(e) => {
            const next = e.target.value
            setQuery(next)
            clearTimeout(timer.current)
            timer.current = setTimeout(() => change('q', next.trim()), 300)
          }}
          className={cn(control, 'w-52 py-1 pl-7')}
        />
      </label>
      {value.trash ? null : (
        <>
          <FilterSelect
            label="Status"
            name="status"
            value={value.status}
            onChange={change}
            options={[{ value: 'open', label: 'Open' }, { value: 'all', label: 'All' }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabels[s] }))]}
          />
          <FilterSelect label="Health" name="health" value={value.health} onChange={change} options={[{ value: '', label: 'Any' }, ...HEALTHS.map((h) => ({ value: h, label: healthLabels[h] }))]} />
        </>
      )}
      <FilterSelect label="Owner" name="owner" value={value.owner} onChange={change} options={[{ value: '', label: 'Anyone' }, { value: 'me', label: 'Me' }, ...owners]} />
      <FilterSelect label="Company" name="company" value={value.company} onChange={change} options={[{ value: '', label: 'Any' }, ...companies]} />
      <div className="flex items-center gap-1">
        <FilterSelect label="Sort" name="sort" value={value.sort} onChange={(_, next) => set({ sort: next, dir: '' })} options={PROJECT_SORTS.map((s) => ({ value: s, label: sortLabels[s] }))} />
        <button
          type="button"
          className="rounded-md p-1.5 text-ink-soft hover:bg-muted hover:text-ink"
          aria-label={value.dir === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
          onClick={() => change('dir', value.dir === 'asc' ? 'desc' : 'asc')}
        >
          {value.dir === 'asc' ? <ArrowUpNarrowWide className="size-4" aria-hidden /> : <ArrowDownWideNarrow className="size-4" aria-hidden />}
        </button>
      </div>
      {canSeeTrash ? (
        <button
          type="button"
          aria-pressed={value.trash}
          onClick={() => set({ trash: value.trash ? '' : '1', status: '', health: '' })}
          className={cn('inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm', value.trash ? 'bg-danger/10 text-danger' : 'text-ink-soft hover:bg-muted hover:text-ink')}
        >
          <Trash2 className="size-4" aria-hidden /> Trash
        </button>
      ) : null}
      {pending ? (
        <span className="text-xs text-ink-soft" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  )
}
