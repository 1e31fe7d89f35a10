'use client'
import { Pencil } from 'lucide-react'
import { useId, useRef, useState, type ReactNode } from 'react'
import { cn } from '@/components/ui/cn'

type Option = { value: string; label: string }

/** Saves a value; resolves to an error message to show next to the field, or nothing on success. */
export type SaveField = (value: string) => Promise<string | undefined>

type Props = {
  label: string
  /** the value as the input shows it ("12500.00", "2026-12-31", an id for selects) */
  value: string
  /** how the value reads when not editing; defaults to the value */
  display?: ReactNode
  placeholder?: string
  kind?: 'text' | 'textarea' | 'select'
  options?: Option[]
  inputMode?: 'text' | 'decimal' | 'numeric'
  /** shown under the value, e.g. "sum of line items" */
  note?: ReactNode
  readOnly?: boolean
  onSave: SaveField
  className?: string
  testId?: string
  /** keep the label for screen readers only (the deal title) */
  hideLabel?: boolean
  /** a control of its own while editing (a company search); it calls commit with the new value */
  editor?: (control: EditorControl) => ReactNode
}

export type EditorControl = {
  id: string
  saving: boolean
  invalid: boolean
  describedBy: string | undefined
  commit: (value: string) => void
  /** leave editing (keeps the field open while a save error is shown) */
  leave: () => void
}

/** How an inline field's input looks while editing (also a custom editor's). */
export const editorInputClass = (saving: boolean) =>
  cn('block w-full rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink shadow-xs aria-invalid:border-danger', saving && 'opacity-60')

/**
 * Click to edit; Enter or leaving the field saves, Escape cancels (Ctrl/Cmd+Enter saves a
 * multi-line field). A save error stays next to the field, linked with aria-describedby,
 * with the typed value kept so it can be fixed.
 */
export function InlineField({ label, value, display, placeholder = 'Add…', kind = 'text', options = [], inputMode, note, readOnly, onSave, className, testId, hideLabel, editor }: Props) {
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const done = useRef(false)
  const busy = useRef(false)
  const lastTried = useRef<string | null>(null)

  function start() {
    setDraft(value)
    setError(undefined)
    done.current = false
    lastTried.current = null
    setEditing(true)
  }

  function cancel() {
    done.current = true
    setEditing(false)
    setError(undefined)
  }

  async function save(next = draft, { retry = true } = {}) {
    if (done.current || busy.current) return
    if (next === value) return cancel()
    // Leaving a field whose value was just refused keeps the error instead of asking again.
    if (!retry && next === lastTried.current) return
    busy.current = true
    lastTried.current = next
    setSaving(true)
    const message = await onSave(next)
    busy.current = false
    setSaving(false)
    if (message) {
      setError(message)
      return
    }
    done.current = true
    setEditing(false)
  }

  const shown = display ?? (value ? value : null)
  const errorId = `${id}-error`
  const inputClass = editorInputClass(saving)
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    autoFocus: true,
  } as const

  return (
    <div className={cn('min-w-0', className)} data-testid={testId}>
      <div className={cn('text-xs font-medium uppercase tracking-wide text-ink-soft', hideLabel && !editing && 'sr-only')}>
        {editing ? <label htmlFor={id}>{label}</label> : <span id={`${id}-label`}>{label}</span>}
      </div>
      {editing ? (
        <div className="mt-0.5">
          {editor ? (
            <CustomEditor
              render={editor}
              id={id}
              saving={saving}
              invalid={Boolean(error)}
              describedBy={error ? errorId : undefined}
              commit={(next) => {
                setDraft(next)
                void save(next)
              }}
              leave={() => (error || busy.current ? undefined : cancel())}
            />
          ) : kind === 'select' ? (
            <select
              {...common}
              disabled={saving}
              className={inputClass}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value)
                void save(e.target.value)
              }}
              onBlur={() => (error || busy.current ? undefined : cancel())}
              onKeyDown={(e) => {
                if (e.key === 'Escape') cancel()
              }}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : kind === 'textarea' ? (
            <textarea
              {...common}
              readOnly={saving}
              rows={4}
              className={inputClass}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => void save(draft, { retry: false })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') cancel()
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                  e.preventDefault()
                  void save()
                }
              }}
            />
          ) : (
            <input
              {...common}
              readOnly={saving}
              type="text"
              inputMode={inputMode}
              placeholder={placeholder === 'Add…' ? undefined : placeholder}
              className={inputClass}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={() => void save(draft, { retry: false })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') cancel()
                if (e.key === 'Enter') {
                  e.preventDefault()
                  void save()
                }
              }}
            />
          )}
          {error ? (
            <p id={errorId} role="alert" className="mt-1 text-sm text-danger">
              {error}
            </p>
          ) : kind === 'textarea' ? (
            <p className="mt-1 text-xs text-ink-soft">Ctrl+Enter or click away to save, Escape to cancel.</p>
          ) : null}
        </div>
      ) : readOnly ? (
        <div className="mt-0.5 text-sm">{shown ?? <span className="text-ink-soft">—</span>}</div>
      ) : (
        <button
          type="button"
          onClick={start}
          aria-label={`Edit ${label.toLowerCase()}`}
          className="group mt-0.5 flex w-full min-w-0 items-start gap-1 rounded px-1 -mx-1 text-left text-sm hover:bg-muted"
        >
          <span className={cn('min-w-0 flex-1', kind === 'textarea' && 'whitespace-pre-wrap break-words')}>{shown ?? <span className="text-ink-soft">{placeholder}</span>}</span>
          <Pencil className="mt-0.5 size-3.5 shrink-0 text-ink-soft opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" aria-hidden />
        </button>
      )}
      {note ? <div className="mt-0.5 text-xs text-ink-soft">{note}</div> : null}
    </div>
  )
}

/** Renders a caller's editor as one stable component, so it keeps its state across renders. */
function CustomEditor({ render, ...control }: EditorControl & { render: (control: EditorControl) => ReactNode }) {
  return render(control)
}
