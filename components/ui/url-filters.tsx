'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useId, useTransition } from 'react'

export type FilterOption = { value: string; label: string }

/**
 * Filters that live in the URL (so a view can be bookmarked and shared): `set` replaces some
 * search params (an empty value removes one) and drops `reset` ones such as a page size.
 */
export function useUrlFilters(reset: string[] = []) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  const set = (changes: Record<string, string>) => {
    const search = new URLSearchParams(params)
    for (const name of reset) search.delete(name)
    for (const [name, next] of Object.entries(changes)) {
      if (next) search.set(name, next)
      else search.delete(name)
    }
    const query = search.toString()
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }))
  }
  return { set, change: (name: string, next: string) => set({ [name]: next }), pending }
}

/** A label and its control side by side; the label names the control exactly ("Owner", not "Owner Everyone"). */
export function FilterField({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
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

/** A labelled select of a filter bar. */
export function FilterSelect({ label, name, value, options, onChange }: { label: string; name: string; value: string; options: FilterOption[]; onChange: (name: string, value: string) => void }) {
  return (
    <FilterField label={label}>
      {(id) => (
        <select id={id} name={name} value={value} onChange={(e) => onChange(name, e.target.value)} className="rounded-md border border-line bg-surface px-2 py-1 text-sm">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FilterField>
  )
}
