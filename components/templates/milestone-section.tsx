'use client'
import { AlertCircle, ArrowDown, ArrowUp, Diamond, Plus, Trash2 } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ANCHORS, anchorLabels, type DraftMilestone, type DraftProblem } from '@/lib/pm/template-draft'
import { DayCountInput } from './day-count-input'

const select = 'h-7 rounded-md border border-line bg-surface px-2 text-sm text-ink shadow-xs disabled:bg-muted disabled:text-ink-soft'

/** A milestone as a group: its name and due date, then its tasks, then "Add a task". */
export function MilestoneSection({
  milestone,
  first,
  last,
  taskCount,
  problems,
  readOnly,
  onChange,
  onMove,
  onRemove,
  onAddTask,
  emptyText,
  children,
}: {
  /** null: the "No milestone" group */
  milestone: DraftMilestone | null
  first?: boolean
  last?: boolean
  taskCount: number
  problems: DraftProblem[]
  readOnly: boolean
  onChange?: (change: Partial<Omit<DraftMilestone, 'key'>>) => void
  onMove?: (direction: 'up' | 'down') => void
  onRemove?: () => void
  onAddTask: () => void
  /** what an empty "No milestone" group says */
  emptyText?: string
  children: ReactNode
}) {
  const name = milestone ? milestone.name.trim() || 'Untitled milestone' : 'No milestone'
  const unit = milestone?.businessDays ? 'working days' : 'days'
  return (
    <section className="rounded-xl border border-line bg-surface/60 p-3" aria-label={milestone ? `Milestone ${name}` : 'Tasks without a milestone'} data-testid="milestone-section" data-milestone={milestone ? name : ''}>
      <header className="px-1 pb-2">
        <div className="flex items-center gap-2">
          <Diamond className={cn('size-4 shrink-0', milestone ? 'text-accent' : 'text-ink-soft')} aria-hidden />
          {milestone && onChange ? (
            <>
              <input
                aria-label="Milestone name"
                value={milestone.name}
                placeholder="Milestone name"
                autoFocus={milestone.name === '' && milestone.key.startsWith('new-')}
                onChange={(e) => onChange({ name: e.target.value })}
                aria-invalid={problems.some((p) => p.field === 'name') || undefined}
                className="h-8 min-w-0 flex-1 rounded-md border border-transparent bg-transparent px-2 text-sm font-semibold text-ink hover:border-line focus:border-line aria-invalid:border-danger disabled:text-ink"
              />
              {readOnly ? null : (
                <span className="flex shrink-0 items-center">
                  <Button variant="ghost" size="sm" className="h-8 px-2" aria-label={`Move milestone ${name} up`} disabled={first} onClick={() => onMove?.('up')}>
                    <ArrowUp className="size-4" aria-hidden />
                  </Button>
                  <Button variant="ghost" size="sm" className="h-8 px-2" aria-label={`Move milestone ${name} down`} disabled={last} onClick={() => onMove?.('down')}>
                    <ArrowDown className="size-4" aria-hidden />
                  </Button>
                  <Button variant="ghost" size="sm" className="h-8 px-2 text-ink-soft hover:text-danger" aria-label={`Remove milestone ${name}`} title="Its tasks stay, without a milestone" onClick={onRemove}>
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                </span>
              )}
            </>
          ) : (
            <h3 className="px-2 text-sm font-semibold text-ink-soft">No milestone</h3>
          )}
          <span className="sr-only">
            {taskCount} {taskCount === 1 ? 'task' : 'tasks'}
            {milestone ? `, due ${milestone.offsetDays} ${unit} after the ${anchorLabels[milestone.anchor]}` : ''}
          </span>
        </div>
        {milestone && onChange ? (
          <p className="mt-1 flex flex-wrap items-center gap-1.5 pl-8 text-xs text-ink-soft">
            Due
            <DayCountInput label={`Due offset of ${name} in days`} value={milestone.offsetDays} onValue={(v) => onChange({ offsetDays: v ?? 0 })} className="h-7 w-14" />
            <select aria-label={`Day count of ${name}`} className={select} value={milestone.businessDays ? 'business' : 'calendar'} onChange={(e) => onChange({ businessDays: e.target.value === 'business' })}>
              <option value="business">working days</option>
              <option value="calendar">calendar days</option>
            </select>
            after the
            <select aria-label={`Anchor of ${name}`} className={select} value={milestone.anchor} onChange={(e) => onChange({ anchor: e.target.value as DraftMilestone['anchor'] })}>
              {ANCHORS.map((a) => (
                <option key={a} value={a}>{anchorLabels[a]}</option>
              ))}
            </select>
          </p>
        ) : null}
      </header>
      {problems.length ? (
        <ul className="space-y-0.5 px-2 pb-2" aria-live="polite">
          {problems.map((p, i) => (
            <li key={i} className="flex items-start gap-1.5 text-xs text-danger">
              <AlertCircle className="mt-px size-3.5 shrink-0" aria-hidden /> {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="space-y-1.5">{children}</ul>
      {taskCount === 0 ? <p className="px-2 py-2 text-sm text-ink-soft">{milestone ? 'No tasks in this milestone yet.' : (emptyText ?? 'Every task belongs to a milestone.')}</p> : null}
      {readOnly ? null : (
        <Button variant="ghost" size="sm" className="mt-1.5 text-ink-soft" onClick={onAddTask} aria-label={`Add a task to ${milestone ? name : 'No milestone'}`}>
          <Plus className="size-4" aria-hidden /> Add task
        </Button>
      )}
    </section>
  )
}
