'use client'
import { useState, useTransition } from 'react'
import { createTaskAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { TaskCard } from '@/lib/pm/board-query'
import { SpriteIcon } from '@/components/ui/sprite-icon'

/**
 * "+ Add task" at the bottom of a column: type a title, Enter adds it (and keeps the input
 * open for the next one), Escape closes. In a swimlane the task joins the lane's milestone
 * or person.
 */
export function QuickAdd({
  orgSlug,
  projectId,
  columnId,
  columnName,
  preset,
  onCreated,
}: {
  orgSlug: string
  projectId: string
  columnId: string
  columnName: string
  preset: { milestoneId?: string; assigneeId?: string }
  onCreated: (card: TaskCard) => void
}) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const errorId = `quick-add-${columnId}-error`

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex w-full items-center gap-1.5 rounded-md px-2 py-1.5 text-left text-sm text-ink-soft hover:bg-surface hover:text-ink"
      >
        <SpriteIcon name="plus" className="size-4" /> Add task
      </button>
    )
  }
  const submit = () =>
    startTransition(async () => {
      const result = await createTaskAction({ orgSlug, projectId, columnId, title, priority: 'NONE', ...preset })
      if (!result.ok) {
        setError(result.fieldErrors?.title?.[0] ?? result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'The task could not be added.')
        return
      }
      onCreated(result.data)
      setTitle('')
      setError(undefined)
    })
  return (
    <form
      className="rounded-md border border-accent/40 bg-surface p-2 shadow-xs"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <label htmlFor={`quick-add-${columnId}`} className="sr-only">
        New task in {columnName}
      </label>
      <textarea
        id={`quick-add-${columnId}`}
        autoFocus
        rows={2}
        value={title}
        readOnly={pending}
        placeholder="Task title"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            submit()
          }
          if (e.key === 'Escape') {
            setOpen(false)
            setTitle('')
            setError(undefined)
          }
        }}
        className="block w-full resize-none border-0 bg-transparent p-0 text-sm text-ink outline-none placeholder:text-ink-soft focus-visible:outline-none"
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-1.5 flex items-center justify-between">
        <span className="text-[11px] text-ink-soft">Enter to add · Esc to close</span>
        <button type="submit" disabled={pending} className="rounded bg-accent px-2 py-0.5 text-xs font-medium text-white hover:bg-accent-strong disabled:opacity-60">
          {pending ? 'Adding…' : 'Add'}
        </button>
      </div>
    </form>
  )
}
