'use client'
import { FilterField, FilterSelect, useUrlFilters, type FilterOption } from '@/components/ui/url-filters'

export type DashboardFilterValue = { from: string; to: string; pipeline: string; owner: string; template: string }
export type DashboardFilterOptions = { pipelines?: FilterOption[]; owners?: FilterOption[]; templates?: FilterOption[] }

const monthInput = 'rounded-md border border-line bg-surface px-2 py-0.5 text-sm'

/**
 * The dashboard's date range (months) and filters, kept in the URL so a view can be bookmarked
 * and shared. Only the filters a dashboard uses are shown; SALES see their own figures only.
 */
export function DashboardFilters({ value, options, ownerLocked }: { value: DashboardFilterValue; options: DashboardFilterOptions; ownerLocked?: boolean }) {
  const { change, pending } = useUrlFilters()
  const month = (name: 'from' | 'to', label: string) => (
    <FilterField label={label}>
      {(id) => <input id={id} type="month" name={name} value={value[name]} onChange={(e) => e.target.value && change(name, e.target.value)} className={monthInput} />}
    </FilterField>
  )
  const select = (name: 'pipeline' | 'owner' | 'template', label: string, all: string, list?: FilterOption[]) =>
    list ? <FilterSelect label={label} name={name} value={value[name]} options={[{ value: '', label: all }, ...list]} onChange={change} /> : null
  return (
    <form role="search" aria-label="Dashboard filters" aria-busy={pending} className="flex flex-wrap items-center gap-x-4 gap-y-2" onSubmit={(e) => e.preventDefault()}>
      {month('from', 'From')}
      {month('to', 'To')}
      {select('pipeline', 'Pipeline', 'All pipelines', options.pipelines)}
      {ownerLocked ? <span className="text-sm text-ink-soft">Your deals only</span> : select('owner', 'Owner', 'Everyone', options.owners)}
      {select('template', 'Template', 'All templates', options.templates)}
      {pending ? (
        <span className="text-xs text-ink-soft" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  )
}
