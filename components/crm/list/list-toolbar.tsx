'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useOptimistic, useRef, useState, useTransition } from 'react'
import { Download, Search, Trash2 } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { exportHref, listHref } from '@/lib/crm/list-params'
import { ColumnChooser } from './column-chooser'

type Option = { value: string; label: string }
export type FilterConfig =
  | { name: string; label: string; kind: 'select'; options: Option[]; allLabel: string }
  | { name: string; label: string; kind: 'month' }

const control = 'rounded-md border border-line bg-surface px-2 py-1 text-sm'

/**
 * Search, filters, trash, columns and export of a list. Everything is a URL parameter, so a
 * view can be bookmarked, shared, and exported exactly as seen.
 */
export function ListToolbar({
  searchLabel,
  filters,
  columns,
  visible,
}: {
  searchLabel: string
  filters: FilterConfig[]
  columns: { key: string; label: string; fixed?: boolean }[]
  visible: string[]
}) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  // The controls show the new view at once; the URL (and the rows) follow when the server answers.
  const [optimistic, setOptimistic] = useOptimistic(params.toString())
  const current = new URLSearchParams(optimistic)
  const go = (changes: Record<string, string | null>, options?: { keepPage?: boolean }) =>
    startTransition(() => {
      const href = listHref(pathname, current, changes, options)
      setOptimistic(href.split('?')[1] ?? '')
      router.replace(href, { scroll: false })
    })

  const urlQuery = params.get('q') ?? ''
  const [query, setQuery] = useState(urlQuery)
  const [syncedQuery, setSyncedQuery] = useState(urlQuery)
  const [pushed, setPushed] = useState(urlQuery)
  if (urlQuery !== syncedQuery) {
    setSyncedQuery(urlQuery)
    // the URL changed from elsewhere (back button, a link): show its search
    if (urlQuery !== pushed) setQuery(urlQuery)
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const search = (value: string, delay = 300) => {
    setQuery(value)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setPushed(value.trim())
      go({ q: value.trim() || null })
    }, delay)
  }
  const trash = current.get('trash') === '1'
  const shownColumns = current.get('cols')?.split(',') ?? visible

  return (
    <div className="mb-3 space-y-2">
      <form
        role="search"
        className="flex flex-wrap items-center gap-2"
        aria-busy={pending}
        onSubmit={(e) => {
          e.preventDefault()
          search(query, 0)
        }}
      >
        <label className="relative flex items-center">
          <span className="sr-only">{searchLabel}</span>
          <Search className="pointer-events-none absolute left-2 size-4 text-ink-soft" aria-hidden />
          <input type="search" name="q" value={query} onChange={(e) => search(e.target.value)} placeholder={searchLabel} className={cn(control, 'w-72 py-1.5 pl-8')} />
        </label>
        {filters.map((f) =>
          f.kind === 'select' ? (
            <label key={f.name} className="flex items-center gap-1.5 text-sm">
              <span className="text-ink-soft">{f.label}</span>
              <select name={f.name} value={current.get(f.name) ?? ''} onChange={(e) => go({ [f.name]: e.target.value || null })} className={control}>
                <option value="">{f.allLabel}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label key={f.name} className="flex items-center gap-1.5 text-sm">
              <span className="text-ink-soft">{f.label}</span>
              <input type="month" name={f.name} value={current.get(f.name) ?? ''} onChange={(e) => go({ [f.name]: e.target.value || null })} className={cn(control, 'py-0.5')} />
            </label>
          ),
        )}
        <div className="ml-auto flex items-center gap-2">
          <button
            type="button"
            aria-pressed={trash}
            onClick={() => go({ trash: trash ? null : '1' })}
            className={buttonClass('secondary', 'sm', trash ? 'border-danger/40 bg-danger/10 text-danger hover:bg-danger/15' : undefined)}
          >
            <Trash2 className="size-4" aria-hidden /> Trash
          </button>
          <ColumnChooser columns={columns} visible={shownColumns} onChange={(cols) => go({ cols: cols.join(',') }, { keepPage: true })} />
          <a href={exportHref(pathname, current)} className={buttonClass('secondary', 'sm')} download>
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
        </div>
      </form>
      {pending ? (
        <p className="text-xs text-ink-soft" role="status">
          Updating…
        </p>
      ) : null}
    </div>
  )
}
