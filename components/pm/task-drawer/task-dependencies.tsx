'use client'
import { CheckCircle2, CircleDashed, Lock, X } from 'lucide-react'
import { useId, useState, useTransition } from 'react'
import { addDependencyAction, removeDependencyAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { LinkedTask } from '@/lib/pm/task-detail'
import { Button } from '@/components/ui/button'
import type { SectionProps } from './drawer-types'

type Side = 'blockedBy' | 'blocks'

/** "Blocked by" and "Blocks": the tasks this one waits for and the ones waiting for it. */
export function TaskDependencies({ orgSlug, detail, apply, onOpen }: SectionProps & { onOpen: (taskId: string) => void }) {
  const openBlockers = detail.blockedBy.filter((t) => !t.done).length
  return (
    <section aria-label="Dependencies" className="space-y-3">
      <DependencyList
        side="blockedBy"
        title="Blocked by"
        hint={openBlockers && detail.canEdit ? `${openBlockers} open: this task cannot start or complete without an override.` : undefined}
        tasks={detail.blockedBy}
        {...{ orgSlug, detail, apply, onOpen }}
      />
      <DependencyList side="blocks" title="Blocks" tasks={detail.blocks} {...{ orgSlug, detail, apply, onOpen }} />
    </section>
  )
}

function DependencyList({ side, title, hint, tasks, orgSlug, detail, apply, onOpen }: SectionProps & { side: Side; title: string; hint?: string; tasks: LinkedTask[]; onOpen: (taskId: string) => void }) {
  const id = useId()
  const [choice, setChoice] = useState('')
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const linked = new Set([detail.id, ...tasks.map((t) => t.id)])
  const candidates = detail.otherTasks.filter((t) => !linked.has(t.id))
  const pair = (otherId: string) => (side === 'blockedBy' ? { blockerId: otherId, blockedId: detail.id } : { blockerId: detail.id, blockedId: otherId })
  const run = (work: () => ReturnType<typeof addDependencyAction>) =>
    startTransition(async () => {
      const message = apply(await work(), 'blockerId')
      setError(message)
      if (!message) setChoice('')
    })

  return (
    <div>
      <h3 className="mb-1 flex items-center gap-1.5 text-sm font-semibold">
        {side === 'blockedBy' ? <Lock className="size-3.5 text-ink-soft" aria-hidden /> : null}
        {title}
        <span className="text-xs font-normal text-ink-soft">{tasks.length || ''}</span>
      </h3>
      {hint ? <p className="mb-1 text-xs text-warning">{hint}</p> : null}
      {tasks.length ? (
        <ul className="mb-1.5 space-y-0.5" data-testid={side === 'blockedBy' ? 'blocked-by' : 'blocks'}>
          {tasks.map((task) => (
            <li key={task.id} className="group flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-muted">
              {task.done ? <CheckCircle2 className="size-3.5 shrink-0 text-success" aria-label="Done" /> : <CircleDashed className="size-3.5 shrink-0 text-ink-soft" aria-label="Open" />}
              <button type="button" onClick={() => onOpen(task.id)} className={`min-w-0 flex-1 truncate text-left hover:underline ${task.done ? 'text-ink-soft line-through' : ''}`}>
                {task.title}
              </button>
              {detail.canEdit ? (
                <button
                  type="button"
                  aria-label={`Remove “${task.title}” from ${title.toLowerCase()}`}
                  disabled={pending}
                  onClick={() => run(() => removeDependencyAction({ orgSlug, taskId: detail.id, ...pair(task.id) }))}
                  className="rounded p-0.5 text-ink-soft opacity-0 hover:bg-surface hover:text-danger focus-visible:opacity-100 group-hover:opacity-100"
                >
                  <X className="size-3.5" aria-hidden />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-1.5 px-1 text-sm text-ink-soft">None</p>
      )}
      {detail.canEdit && candidates.length ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault()
            if (choice) run(() => addDependencyAction({ orgSlug, taskId: detail.id, ...pair(choice) }))
          }}
        >
          <label htmlFor={`${id}-pick`} className="sr-only">
            {side === 'blockedBy' ? 'Add a task this one waits for' : 'Add a task that waits for this one'}
          </label>
          <select
            id={`${id}-pick`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2 py-1 text-sm"
          >
            <option value="">{side === 'blockedBy' ? 'Add a blocker…' : 'Add a task it blocks…'}</option>
            {candidates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" variant="secondary" disabled={!choice || pending}>
            Add
          </Button>
        </form>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  )
}
