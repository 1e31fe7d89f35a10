'use client'
import { Link2, Search, X } from 'lucide-react'
import { Popover } from 'radix-ui'
import { useId, useState } from 'react'
import { buttonClass } from '@/components/ui/button'

export type TaskOption = { key: string; title: string; group: string }

/** "Waits for": a multi-select of the template's other tasks, grouped by milestone, with a filter. */
export function DependencyPicker({
  taskTitle,
  options,
  value,
  onChange,
  disabled,
}: {
  taskTitle: string
  options: TaskOption[]
  value: string[]
  onChange: (value: string[]) => void
  disabled?: boolean
}) {
  const [query, setQuery] = useState('')
  const id = useId()
  const byKey = new Map(options.map((o) => [o.key, o]))
  const shown = options.filter((o) => o.title.toLowerCase().includes(query.trim().toLowerCase()))
  const groups = [...new Set(shown.map((o) => o.group))]
  const toggle = (key: string, on: boolean) => onChange(on ? [...value, key] : value.filter((k) => k !== key))
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        {value.map((key) => (
          <span key={key} className="inline-flex items-center gap-1 rounded-full border border-line bg-muted px-2 py-0.5 text-xs" data-testid="dependency-chip">
            <Link2 className="size-3 text-ink-soft" aria-hidden />
            {byKey.get(key)?.title || 'Untitled task'}
            {disabled ? null : (
              <button type="button" className="rounded-full p-0.5 text-ink-soft hover:bg-line hover:text-ink" aria-label={`“${taskTitle}” no longer waits for “${byKey.get(key)?.title || 'Untitled task'}”`} onClick={() => toggle(key, false)}>
                <X className="size-3" aria-hidden />
              </button>
            )}
          </span>
        ))}
        {disabled ? null : (
          <Popover.Root onOpenChange={(open) => open || setQuery('')}>
            <Popover.Trigger className={buttonClass('ghost', 'sm', 'h-7 px-2 text-xs')} aria-label={`Choose the tasks “${taskTitle}” waits for`}>
              <Link2 className="size-3.5" aria-hidden /> {value.length ? 'Change' : 'Add a task it waits for'}
            </Popover.Trigger>
            <Popover.Portal>
              <Popover.Content align="start" sideOffset={6} className="z-50 w-80 rounded-lg border border-line bg-surface p-2 shadow-lg" aria-label={`Tasks “${taskTitle}” waits for`}>
                <label htmlFor={`${id}-q`} className="sr-only">Filter tasks</label>
                <div className="relative mb-2">
                  <Search className="absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-ink-soft" aria-hidden />
                  <input id={`${id}-q`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter tasks…" className="h-8 w-full rounded-md border border-line bg-surface pl-7 pr-2 text-sm" />
                </div>
                <div className="max-h-72 overflow-y-auto">
                  {groups.length === 0 ? <p className="px-2 py-3 text-center text-sm text-ink-soft">No other tasks{query ? ' match' : ''}.</p> : null}
                  {groups.map((group) => (
                    <fieldset key={group} className="mb-1">
                      <legend className="px-2 pb-0.5 pt-1 text-xs font-medium uppercase tracking-wide text-ink-soft">{group}</legend>
                      {shown
                        .filter((o) => o.group === group)
                        .map((o) => (
                          <label key={o.key} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-muted">
                            <input type="checkbox" className="size-4 accent-accent" checked={value.includes(o.key)} onChange={(e) => toggle(o.key, e.target.checked)} />
                            <span className="truncate">{o.title || 'Untitled task'}</span>
                          </label>
                        ))}
                    </fieldset>
                  ))}
                </div>
              </Popover.Content>
            </Popover.Portal>
          </Popover.Root>
        )}
      </div>
    </div>
  )
}
