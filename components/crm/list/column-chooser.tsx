'use client'
import { Popover } from 'radix-ui'
import { Columns3 } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'

/** Which columns the list shows; the choice is kept in the URL (?cols=…). */
export function ColumnChooser({
  columns,
  visible,
  onChange,
}: {
  columns: { key: string; label: string; fixed?: boolean }[]
  visible: string[]
  onChange: (visible: string[]) => void
}) {
  const toggle = (key: string, on: boolean) => {
    const next = columns.filter((c) => c.fixed || (c.key === key ? on : visible.includes(c.key))).map((c) => c.key)
    onChange(next)
  }
  return (
    <Popover.Root>
      <Popover.Trigger className={buttonClass('secondary', 'sm')}>
        <Columns3 className="size-4" aria-hidden /> Columns
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-40 w-56 rounded-lg border border-line bg-surface p-2 shadow-lg" aria-label="Columns">
          <fieldset>
            <legend className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-ink-soft">Show columns</legend>
            {columns.map((c) => (
              <label key={c.key} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-muted">
                <input
                  type="checkbox"
                  className="size-4 accent-accent"
                  checked={c.fixed || visible.includes(c.key)}
                  disabled={c.fixed}
                  onChange={(e) => toggle(c.key, e.target.checked)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
