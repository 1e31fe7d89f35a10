'use client'
import { Dialog as Radix } from 'radix-ui'
import { useState, useTransition } from 'react'
import { updateTaskAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import { cn } from '@/components/ui/cn'
import type { SectionProps } from './drawer-types'

/** The task's title as the drawer's heading; editors click it to rename (Enter saves, Escape cancels). */
export function TaskTitle({ orgSlug, detail, apply }: SectionProps) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(detail.title)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const save = () => {
    if (draft.trim() === detail.title) return setEditing(false)
    startTransition(async () => {
      const message = apply(await updateTaskAction({ orgSlug, taskId: detail.id, title: draft }), 'title')
      setError(message)
      if (!message) setEditing(false)
    })
  }
  if (!editing) {
    return (
      <Radix.Title asChild>
        <h2 className="text-lg font-semibold leading-snug">
          {detail.canEdit ? (
            <button
              type="button"
              onClick={() => {
                setDraft(detail.title)
                setError(undefined)
                setEditing(true)
              }}
              className="-mx-1 rounded px-1 text-left hover:bg-muted"
              title="Click to rename"
              data-testid="task-title"
            >
              {detail.title}
            </button>
          ) : (
            detail.title
          )}
        </h2>
      </Radix.Title>
    )
  }
  return (
    <div>
      <Radix.Title className="sr-only">{detail.title}</Radix.Title>
      <label htmlFor="task-title-input" className="sr-only">
        Title
      </label>
      <textarea
        id="task-title-input"
        autoFocus
        rows={2}
        value={draft}
        readOnly={pending}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            save()
          }
          if (e.key === 'Escape') setEditing(false)
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'task-title-error' : undefined}
        className={cn('block w-full resize-none rounded-md border border-line bg-surface px-2 py-1 text-lg font-semibold leading-snug aria-invalid:border-danger')}
      />
      {error ? (
        <p id="task-title-error" role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  )
}
