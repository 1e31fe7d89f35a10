'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useId, useTransition } from 'react'

type Option = { value: string; label: string }
export type DashboardFilterValue = { from: string; to: string; pipeline: string; owner: string; template: string }
export type DashboardFilterOptions = { pipelines?: Option[]; owners?: Option[]; templates?: Option[] }

const control = 'rounded-md border border-line bg-surface px-2 py-1 text-sm'

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId()
  return (
    <span className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-ink-soft">
        {label}
      </label>
      {children(id)}
    </span>
  )
}

/**
 * The dashboard's date range (months) and filters, kept in the URL so a view can be bookmarked
 * and shared. Only the filters a dashboard uses are shown; SALES see their own figures only.
 */
export function DashboardFilters({ value, options, ownerLocked }: { value: DashboardFilterValue; options: DashboardFilterOptions; ownerLocked?: boolean }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  const change = (name: keyof DashboardFilterValue, next: string) => {
    const search = new URLSearchParams(params)
    if (next) search.set(name, next)
    else search.delete(name)
    const query = search.toString()
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }))
  }
  const select = (name: 'pipeline' | 'owner' | 'template', label: string, all: string, list?: Option[]) =>
    list ? (
      <Labelled label={label}>
        {(id) => (
          <select id={id} value={value[name]} onChange={(e) => change(name, e.target.value)} className={control}>
            <option value="">{all}</option>
            {list.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Labelled>
    ) : null
  return (
    <form role="search" aria-label="Dashboard filters" aria-busy={pending} className="flex flex-wrap items-center gap-x-4 gap-y-2" onSubmit={(e) => e.preventDefault()}>
      <Labelled label="From">{(id) => <input id={id} type="month" value={value.from} onChange={(e) => e.target.value && change('from', e.target.value)} className={control} />}</Labelled>
      <Labelled label="To">{(id) => <input id={id} type="month" value={value.to} onChange={(e) => e.target.value && change('to', e.target.value)} className={control} />}</Labelled>
      {select('pipeline', 'Pipeline', 'All pipelines', options.pipelines)}
      {ownerLocked ? <span className="text-sm text-ink-soft">Your deals only</span> : select('owner', 'Owner', 'Everyone', options.owners)}
      {select('template', 'Template', 'All templates', options.templates)}
      {pending ? <span className="text-xs text-ink-soft">Updating…</span> : null}
    </form>
  )
}
