'use client'
import { Plus, X } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

/** A task's checklist in the template: items copied into each project's task. */
export function ChecklistEditor({ taskTitle, items, onChange, disabled }: { taskTitle: string; items: string[]; onChange: (items: string[]) => void; disabled?: boolean }) {
  const [draft, setDraft] = useState('')
  const add = () => {
    if (!draft.trim()) return
    onChange([...items, draft.trim()])
    setDraft('')
  }
  return (
    <div className="space-y-1.5">
      {items.length ? (
        <ul className="space-y-1" aria-label={`Checklist of “${taskTitle}”`}>
          {items.map((item, i) => (
            <li key={i} className="flex items-center gap-1.5">
              <span className="size-3.5 shrink-0 rounded-sm border border-line" aria-hidden />
              <input
                aria-label={`Checklist item ${i + 1} of “${taskTitle}”`}
                value={item}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
                className="h-7 flex-1 rounded border border-transparent bg-transparent px-1.5 text-sm hover:border-line focus:border-line"
              />
              {disabled ? null : (
                <Button variant="ghost" size="sm" className="h-7 px-1.5" aria-label={`Remove checklist item “${item}”`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  <X className="size-3.5" aria-hidden />
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="flex items-center gap-1.5">
          <input
            aria-label={`New checklist item for “${taskTitle}”`}
            value={draft}
            placeholder="Add an item and press Enter"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
            className="h-7 flex-1 rounded-md border border-line bg-surface px-2 text-sm"
          />
          <Button variant="secondary" size="sm" className="h-7 px-2" onClick={add} disabled={!draft.trim()} aria-label={`Add the item to the checklist of “${taskTitle}”`}>
            <Plus className="size-3.5" aria-hidden />
          </Button>
        </div>
      )}
    </div>
  )
}
