'use client'
import { ArrowDown, ArrowUp, ListChecks, X } from 'lucide-react'
import { useId, useOptimistic, useState, useTransition } from 'react'
import { checklistAction, type ChecklistChangeInput } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { ChecklistItemDto } from '@/lib/pm/checklist'
import { cn } from '@/components/ui/cn'
import type { SectionProps } from './drawer-types'


/** The task's checklist: tick, rename (click the text), reorder with the arrows, remove, add. */
export function TaskChecklist({ orgSlug, detail, apply }: SectionProps) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string>()
  const [editing, setEditing] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const items = detail.checklist
  const done = items.filter((i) => i.done).length

  const run = (change: ChecklistChangeInput, after?: () => void) =>
    startTransition(async () => {
      const message = apply(await checklistAction({ ...change, orgSlug }), 'title')
      setError(message)
      if (!message) after?.()
    })
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id)
    const to = index + by
    if (to < 0 || to >= ids.length) return
    ;[ids[index], ids[to]] = [ids[to]!, ids[index]!]
    run({ op: 'reorder', taskId: detail.id, itemIds: ids })
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-1.5 flex items-center gap-2">
        <h3 id={`${id}-heading`} className="flex items-center gap-1.5 text-sm font-semibold">
          <ListChecks className="size-4 text-ink-soft" aria-hidden /> Checklist
        </h3>
        {items.length ? (
          <>
            <span className="text-xs tabular-nums text-ink-soft" data-testid="drawer-checklist-progress">
              {done}/{items.length}
            </span>
            <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted" aria-hidden>
              <div className="h-full rounded-full bg-success transition-all" style={{ width: `${(done / items.length) * 100}%` }} />
            </div>
          </>
        ) : null}
      </div>
      <ul className={cn('space-y-0.5', pending && 'opacity-80')}>
        {items.map((item, index) => (
          <Item
            key={item.id}
            item={item}
            canEdit={detail.canEdit}
            first={index === 0}
            last={index === items.length - 1}
            editing={editing === item.id}
            onEdit={() => setEditing(item.id)}
            onStopEdit={() => setEditing(null)}
            onToggle={async (checked) => setError(apply(await checklistAction({ orgSlug, op: 'toggle', taskId: detail.id, itemId: item.id, done: checked }), 'title'))}
            onRename={(next) => run({ op: 'rename', taskId: detail.id, itemId: item.id, title: next }, () => setEditing(null))}
            onRemove={() => run({ op: 'remove', taskId: detail.id, itemId: item.id })}
            onMove={(by) => move(index, by)}
          />
        ))}
      </ul>
      {detail.canEdit ? (
        <form
          className="mt-1.5"
          onSubmit={(e) => {
            e.preventDefault()
            if (title.trim()) run({ op: 'add', taskId: detail.id, title }, () => setTitle(''))
          }}
        >
          <label htmlFor={`${id}-new`} className="sr-only">
            New checklist item
          </label>
          <input
            id={`${id}-new`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Add an item…"
            maxLength={500}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="w-full rounded-md border border-transparent bg-transparent px-2 py-1 text-sm placeholder:text-ink-soft hover:border-line focus:border-line"
          />
        </form>
      ) : items.length === 0 ? (
        <p className="text-sm text-ink-soft">No checklist.</p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  )
}

function Item({
  item,
  canEdit,
  first,
  last,
  editing,
  onEdit,
  onStopEdit,
  onToggle,
  onRename,
  onRemove,
  onMove,
}: {
  item: ChecklistItemDto
  canEdit: boolean
  first: boolean
  last: boolean
  editing: boolean
  onEdit: () => void
  onStopEdit: () => void
  onToggle: (done: boolean) => Promise<void>
  onRename: (title: string) => void
  onRemove: () => void
  onMove: (by: -1 | 1) => void
}) {
  const [draft, setDraft] = useState(item.title)
  // The box ticks at once; it settles on the saved state when the server answers.
  const [done, setDone] = useOptimistic(item.done)
  const [, startTransition] = useTransition()
  const iconButton = 'rounded p-0.5 text-ink-soft hover:bg-surface hover:text-ink disabled:opacity-30'
  return (
    <li className="group flex items-center gap-2 rounded px-1 py-0.5 hover:bg-muted" data-testid="checklist-item">
      <input
        type="checkbox"
        className="size-4 shrink-0 accent-accent"
        checked={done}
        disabled={!canEdit}
        onChange={(e) => {
          const checked = e.target.checked
          startTransition(async () => {
            setDone(checked)
            await onToggle(checked)
          })
        }}
        aria-label={item.title}
      />
      {editing ? (
        <input
          autoFocus
          value={draft}
          aria-label="Checklist item"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => (draft.trim() && draft !== item.title ? onRename(draft) : onStopEdit())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              if (draft.trim() && draft !== item.title) onRename(draft)
              else onStopEdit()
            }
            if (e.key === 'Escape') {
              e.stopPropagation()
              setDraft(item.title)
              onStopEdit()
            }
          }}
          className="min-w-0 flex-1 rounded border border-line bg-surface px-1.5 py-0.5 text-sm"
        />
      ) : canEdit ? (
        <button type="button" onClick={onEdit} className={cn('min-w-0 flex-1 truncate text-left text-sm', done && 'text-ink-soft line-through')} aria-label={`Rename “${item.title}”`}>
          {item.title}
        </button>
      ) : (
        <span className={cn('min-w-0 flex-1 truncate text-sm', done && 'text-ink-soft line-through')}>{item.title}</span>
      )}
      {canEdit && !editing ? (
        <span className="flex opacity-0 focus-within:opacity-100 group-hover:opacity-100">
          <button type="button" className={iconButton} disabled={first} onClick={() => onMove(-1)} aria-label={`Move “${item.title}” up`}>
            <ArrowUp className="size-3.5" aria-hidden />
          </button>
          <button type="button" className={iconButton} disabled={last} onClick={() => onMove(1)} aria-label={`Move “${item.title}” down`}>
            <ArrowDown className="size-3.5" aria-hidden />
          </button>
          <button type="button" className={cn(iconButton, 'hover:text-danger')} onClick={onRemove} aria-label={`Remove “${item.title}”`}>
            <X className="size-3.5" aria-hidden />
          </button>
        </span>
      ) : null}
    </li>
  )
}
