'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useTransition } from 'react'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'

type Option = { value: string; label: string }

function FilterSelect({ label, name, value, options, onChange }: { label: string; name: string; value: string; options: Option[]; onChange: (name: string, value: string) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="text-ink-soft">{label}</span>
      <select
        name={name}
        value={value}
        onChange={(e) => onChange(name, e.target.value)}
        className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

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
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  const set = (name: string, next: string) => {
    const search = new URLSearchParams(params)
    if (next) search.set(name, next)
    else search.delete(name)
    startTransition(() => router.replace(`${pathname}?${search.toString()}`, { scroll: false }))
  }
  return (
    <form className="flex flex-wrap items-center gap-x-4 gap-y-2" aria-label="Board filters" aria-busy={pending} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect label="Pipeline" name="pipeline" value={value.pipeline} options={pipelines} onChange={set} />
      <FilterSelect label="Owner" name="owner" value={value.owner} options={[{ value: 'all', label: 'Everyone' }, { value: 'mine', label: 'Mine' }, ...members]} onChange={set} />
      <label className="flex items-center gap-1.5 text-sm">
        <span className="text-ink-soft">Close month</span>
        <input type="month" name="close" value={value.close} onChange={(e) => set('close', e.target.value)} className="rounded-md border border-line bg-surface px-2 py-0.5 text-sm" />
      </label>
      <FilterSelect label="Type" name="type" value={value.type} options={[{ value: '', label: 'All types' }, ...DEAL_TYPES.map((t) => ({ value: t, label: dealTypeLabels[t] }))]} onChange={set} />
      {pending ? <span className="text-xs text-ink-soft" role="status">Updating…</span> : null}
    </form>
  )
}
