'use client'
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'

type Selection = {
  /** the ids of the rows on this page */
  pageIds: string[]
  selected: Set<string>
  toggle: (id: string, on: boolean) => void
  setAll: (on: boolean) => void
  clear: () => void
}

const SelectionContext = createContext<Selection | null>(null)

/** The rows selected on the current page of a list (a new page starts with none). */
export function SelectionProvider({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set())
  const value = useMemo<Selection>(
    () => ({
      pageIds,
      selected,
      toggle: (id, on) =>
        setSelected((prev) => {
          const next = new Set(prev)
          if (on) next.add(id)
          else next.delete(id)
          return next
        }),
      setAll: (on) => setSelected(on ? new Set(pageIds) : new Set()),
      clear: () => setSelected(new Set()),
    }),
    [pageIds, selected],
  )
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>
}

export function useSelection(): Selection {
  const selection = useContext(SelectionContext)
  if (!selection) throw new Error('useSelection needs a SelectionProvider')
  return selection
}

const box = 'size-4 cursor-pointer rounded border-line accent-accent'

export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { selected, toggle } = useSelection()
  return <input type="checkbox" className={box} aria-label={`Select ${label}`} checked={selected.has(id)} onChange={(e) => toggle(id, e.target.checked)} />
}

export function PageCheckbox() {
  const { pageIds, selected, setAll } = useSelection()
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id))
  const some = !all && pageIds.some((id) => selected.has(id))
  return (
    <input
      type="checkbox"
      className={box}
      aria-label="Select all rows on this page"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = some
      }}
      onChange={(e) => setAll(e.target.checked)}
      disabled={pageIds.length === 0}
    />
  )
}
