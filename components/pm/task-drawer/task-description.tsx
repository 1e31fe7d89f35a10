'use client'
import { Pencil } from 'lucide-react'
import { useId, useState, useTransition } from 'react'
import { updateTaskAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Markdown } from '@/components/pm/markdown'
import type { SectionProps } from './drawer-types'

/** The description in Markdown: rendered, or a textarea with a live preview while editing. */
export function TaskDescription({ orgSlug, detail, apply }: SectionProps) {
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [tab, setTab] = useState<'write' | 'preview'>('write')
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const text = detail.description ?? ''

  const start = () => {
    setDraft(text)
    setTab('write')
    setError(undefined)
    setEditing(true)
  }
  const save = () =>
    startTransition(async () => {
      const result = await updateTaskAction({ orgSlug, taskId: detail.id, description: draft })
      const message = apply(result, 'description')
      setError(message)
      if (!message) setEditing(false)
    })

  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-1.5 flex items-center justify-between">
        <h3 id={`${id}-heading`} className="text-sm font-semibold">
          Description
        </h3>
        {detail.canEdit && !editing && text ? (
          <button type="button" onClick={start} className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-ink-soft hover:bg-muted hover:text-ink">
            <Pencil className="size-3" aria-hidden /> Edit
          </button>
        ) : null}
      </div>
      {editing ? (
        <div className="rounded-md border border-line">
          <div role="tablist" aria-label="Description editor" className="flex gap-1 border-b border-line px-2 pt-1.5">
            {(['write', 'preview'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                onClick={() => setTab(t)}
                className={cn('-mb-px border-b-2 px-2 pb-1 text-xs font-medium', tab === t ? 'border-accent text-ink' : 'border-transparent text-ink-soft hover:text-ink')}
              >
                {t === 'write' ? 'Write' : 'Preview'}
              </button>
            ))}
          </div>
          {tab === 'write' ? (
            <>
              <label htmlFor={`${id}-text`} className="sr-only">
                Description (Markdown)
              </label>
              <textarea
                id={`${id}-text`}
                autoFocus
                rows={8}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                    e.preventDefault()
                    save()
                  }
                  if (e.key === 'Escape') {
                    e.stopPropagation()
                    setEditing(false)
                  }
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                placeholder="What needs doing, links, acceptance criteria… Markdown works: **bold**, - lists, [links](https://…)"
                className="block w-full resize-y border-0 bg-transparent px-3 py-2 font-mono text-[13px] text-ink outline-none focus-visible:outline-none"
              />
            </>
          ) : (
            <div className="min-h-32 px-3 py-2">{draft.trim() ? <Markdown text={draft} /> : <p className="text-sm text-ink-soft">Nothing to preview.</p>}</div>
          )}
          <div className="flex items-center justify-between gap-2 border-t border-line px-2 py-1.5">
            <span id={`${id}-hint`} className="text-xs text-ink-soft">
              Markdown · Ctrl+Enter saves
            </span>
            <div className="flex gap-2">
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button size="sm" onClick={save} disabled={pending}>
                {pending ? 'Saving…' : 'Save'}
              </Button>
            </div>
          </div>
          {error ? (
            <p id={`${id}-error`} role="alert" className="px-3 pb-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
        </div>
      ) : text ? (
        <div className="rounded-md px-1" data-testid="task-description">
          <Markdown text={text} />
        </div>
      ) : detail.canEdit ? (
        <button type="button" onClick={start} className="w-full rounded-md border border-dashed border-line px-3 py-3 text-left text-sm text-ink-soft hover:bg-muted">
          Add a description…
        </button>
      ) : (
        <p className="text-sm text-ink-soft">No description.</p>
      )}
    </section>
  )
}
