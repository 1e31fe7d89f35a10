'use client'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'
import { FilterField, FilterSelect, useUrlFilters, type FilterOption as Option } from '@/components/ui/url-filters'

/** Board filters live in the URL, so a view can be bookmarked and shared. */
export function BoardFilters({
  pipelines,
  members,
  value,
}: {
  pipelines: Option[]
  members: Option[]
  value: { pipeline: string; owner: string; close: string; type: string }
}) {
  const { change: set, pending } = useUrlFilters()
  return (
    <form className="flex flex-wrap items-center gap-x-4 gap-y-2" aria-label="Board filters" aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect label="Pipeline" name="pipeline" value={value.pipeline} options={pipelines} onChange={set} />
      <FilterSelect label="Owner" name="owner" value={value.owner} options={[{ value: 'all', label: 'Everyone' }, { value: 'mine', label: 'Mine' }, ...members]} onChange={set} />
      <FilterField label="Close month">
        {(id) => <input id={id} type="month" name="close" value={value.close} onChange={(e) => set('close', e.target.value)} className="rounded-md border border-line bg-surface px-2 py-0.5 text-sm" />}
      </FilterField>
      <FilterSelect label="Type" name="type" value={value.type} options={[{ value: '', label: 'All types' }, ...DEAL_TYPES.map((t) => ({ value: t, label: dealTypeLabels[t] }))]} onChange={set} />
      {pending ? <span className="text-xs text-ink-soft" role="status">Updating…</span> : null}
    </form>
  )
}
