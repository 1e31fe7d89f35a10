'use client'
import { AlertCircle, ArrowDown, ArrowUp, CheckSquare, ChevronDown, Clock, Link2, Trash2, UserRound } from 'lucide-react'
import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ANCHORS, anchorLabels, PRIORITIES, priorityLabels, type DraftMilestone, type DraftProblem, type DraftTask, type Priority } from '@/lib/pm/template-draft'
import { ChecklistEditor } from './checklist-editor'
import { DayCountInput } from './day-count-input'
import { DependencyPicker, type TaskOption } from './dependency-picker'

export type RoleOption = { id: string; name: string; archived: boolean }

const select = 'h-8 rounded-md border border-line bg-surface px-2 text-sm text-ink shadow-xs disabled:bg-muted disabled:text-ink-soft'
const chip = 'inline-flex items-center gap-1 rounded-full bg-muted px-2 py-0.5 text-xs text-ink-soft'

/** Who a task goes to, as the assignee select stores it: "" nobody, "owner" the deal owner, or a role id. */
function assigneeValue(task: DraftTask) {
  return task.assignDealOwner ? 'owner' : (task.roleId ?? '')
}

export function assigneeLabel(task: DraftTask, roles: RoleOption[]) {
  if (task.assignDealOwner) return 'Deal owner'
  if (task.roleId) return roles.find((r) => r.id === task.roleId)?.name ?? 'Removed role'
  return 'Unassigned'
}

function timing(task: DraftTask) {
  const unit = task.businessDays ? 'working day' : 'day'
  const offset = `${task.offsetDays >= 0 ? '+' : '−'}${Math.abs(task.offsetDays)}`
  return {
    short: `${task.anchor === 'KICKOFF' ? 'Kickoff' : 'Close'} ${offset}`,
    long: `Starts ${Math.abs(task.offsetDays)} ${unit}${Math.abs(task.offsetDays) === 1 ? '' : 's'} ${task.offsetDays >= 0 ? 'after' : 'before'} the ${anchorLabels[task.anchor]}`,
    duration: `${task.durationDays} ${unit}${task.durationDays === 1 ? '' : 's'}`,
  }
}

export function TaskRow({
  task,
  first,
  last,
  milestones,
  roles,
  options,
  problems,
  expanded,
  readOnly,
  onToggle,
  onChange,
  onMove,
  onMoveToMilestone,
  onRemove,
}: {
  task: DraftTask
  first: boolean
  last: boolean
  milestones: DraftMilestone[]
  roles: RoleOption[]
  options: TaskOption[]
  problems: DraftProblem[]
  expanded: boolean
  readOnly: boolean
  onToggle: () => void
  onChange: (change: Partial<Omit<DraftTask, 'key'>>) => void
  onMove: (direction: 'up' | 'down') => void
  onMoveToMilestone: (milestoneKey: string | null) => void
  onRemove: () => void
}) {
  const id = useId()
  const title = task.title.trim() || 'New task'
  const t = timing(task)
  const bad = (field: string) => problems.some((p) => p.field === field)
  const liveRoles = roles.filter((r) => !r.archived || r.id === task.roleId)
  return (
    <li
      className={cn('group rounded-lg border bg-surface transition-shadow', problems.length ? 'border-danger/50' : 'border-line', expanded && 'shadow-sm')}
      data-testid="template-task"
      aria-label={title}
      role="group"
    >
      <div className="flex items-start gap-1 py-1.5 pl-1 pr-2">
        {readOnly ? null : (
          <div className="flex flex-col pt-0.5">
            <button type="button" className="rounded p-0.5 text-ink-soft hover:bg-muted hover:text-ink disabled:opacity-30" aria-label={`Move “${title}” up`} data-move={`${task.key}:up`} disabled={first} onClick={() => onMove('up')}>
              <ArrowUp className="size-3.5" aria-hidden />
            </button>
            <button type="button" className="rounded p-0.5 text-ink-soft hover:bg-muted hover:text-ink disabled:opacity-30" aria-label={`Move “${title}” down`} data-move={`${task.key}:down`} disabled={last} onClick={() => onMove('down')}>
              <ArrowDown className="size-3.5" aria-hidden />
            </button>
          </div>
        )}
        <div className="min-w-0 flex-1">
          <input
            aria-label="Task title"
            value={task.title}
            placeholder="Task title"
            autoFocus={task.title === '' && task.key.startsWith('new-')}
            onChange={(e) => onChange({ title: e.target.value })}
            aria-invalid={bad('title') || undefined}
            aria-describedby={problems.length ? `${id}-problems` : undefined}
            className="h-8 w-full rounded-md border border-transparent bg-transparent px-2 text-sm font-medium text-ink hover:border-line focus:border-line aria-invalid:border-danger disabled:text-ink"
          />
          <div className="flex flex-wrap items-center gap-1.5 px-2 pb-0.5">
            <span className={chip} title="Assigned to">
              <UserRound className="size-3" aria-hidden /> {assigneeLabel(task, roles)}
            </span>
            <span className={chip} title={`${t.long}; takes ${t.duration}`}>
              <Clock className="size-3" aria-hidden /> {t.short} · {t.duration}
            </span>
            {task.dependsOn.length ? (
              <span className={chip} title="Tasks it waits for">
                <Link2 className="size-3" aria-hidden /> waits for {task.dependsOn.length}
              </span>
            ) : null}
            {task.checklist.length ? (
              <span className={chip} title="Checklist items">
                <CheckSquare className="size-3" aria-hidden /> {task.checklist.length}
              </span>
            ) : null}
          </div>
        </div>
        <Button variant="ghost" size="sm" className="h-8 px-2" aria-expanded={expanded} aria-controls={`${id}-details`} aria-label={`${expanded ? 'Hide' : 'Show'} details of “${title}”`} onClick={onToggle}>
          <ChevronDown className={cn('size-4 transition-transform', expanded && 'rotate-180')} aria-hidden />
        </Button>
        {readOnly ? null : (
          <Button variant="ghost" size="sm" className="h-8 px-2 text-ink-soft hover:text-danger" aria-label={`Remove “${title}”`} onClick={onRemove}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        )}
      </div>
      {problems.length ? (
        <ul id={`${id}-problems`} className="space-y-0.5 px-3 pb-2" aria-live="polite" data-testid="task-problems">
          {problems.map((p, i) => (
            <li key={i} className="flex items-start gap-1.5 text-xs text-danger">
              <AlertCircle className="mt-px size-3.5 shrink-0" aria-hidden /> {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {expanded ? (
        <div id={`${id}-details`} className="space-y-4 border-t border-line bg-canvas/60 px-4 py-3">
          <p className="flex flex-wrap items-center gap-1.5 text-sm text-ink-soft">
            Starts
            <DayCountInput label={`Start offset of “${title}” in days`} value={task.offsetDays} onValue={(v) => onChange({ offsetDays: v ?? 0 })} className="w-16" aria-invalid={bad('offsetDays') || undefined} />
            <select aria-label={`Day count of “${title}”`} className={select} value={task.businessDays ? 'business' : 'calendar'} onChange={(e) => onChange({ businessDays: e.target.value === 'business' })}>
              <option value="business">working days</option>
              <option value="calendar">calendar days</option>
            </select>
            after the
            <select aria-label={`Anchor of “${title}”`} className={select} value={task.anchor} onChange={(e) => onChange({ anchor: e.target.value as DraftTask['anchor'] })}>
              {ANCHORS.map((a) => (
                <option key={a} value={a}>{anchorLabels[a]}</option>
              ))}
            </select>
            and takes
            <DayCountInput label={`Duration of “${title}” in days`} value={task.durationDays} onValue={(v) => onChange({ durationDays: v ?? 0 })} className="w-16" aria-invalid={bad('durationDays') || undefined} />
            {task.businessDays ? 'working days' : 'days'}.
          </p>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            <label className="space-y-1 text-xs font-medium text-ink-soft">
              <span>Assign to</span>
              <select
                className={cn(select, 'w-full')}
                value={assigneeValue(task)}
                aria-invalid={bad('roleId') || undefined}
                onChange={(e) => {
                  const v = e.target.value
                  onChange(v === 'owner' ? { assignDealOwner: true, roleId: null } : { assignDealOwner: false, roleId: v || null })
                }}
              >
                <option value="">Nobody</option>
                <option value="owner">The deal owner</option>
                {liveRoles.length ? (
                  <optgroup label="Project roles">
                    {liveRoles.map((r) => (
                      <option key={r.id} value={r.id}>{r.name}{r.archived ? ' (archived)' : ''}</option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
            </label>
            <label className="space-y-1 text-xs font-medium text-ink-soft">
              <span>Milestone</span>
              <select className={cn(select, 'w-full')} value={task.milestoneKey ?? ''} onChange={(e) => onMoveToMilestone(e.target.value || null)}>
                {milestones.map((m) => (
                  <option key={m.key} value={m.key}>{m.name.trim() || 'Untitled milestone'}</option>
                ))}
                <option value="">No milestone</option>
              </select>
            </label>
            <label className="space-y-1 text-xs font-medium text-ink-soft">
              <span>Estimate (hours)</span>
              <DayCountInput label={`Estimate of “${title}” in hours`} value={task.estimateHours} allowDecimal allowEmpty onValue={(v) => onChange({ estimateHours: v })} className="w-full text-left" placeholder="—" aria-invalid={bad('estimateHours') || undefined} />
            </label>
            <label className="space-y-1 text-xs font-medium text-ink-soft">
              <span>Priority</span>
              <select className={cn(select, 'w-full')} value={task.priority} onChange={(e) => onChange({ priority: e.target.value as Priority })}>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>{priorityLabels[p]}</option>
                ))}
              </select>
            </label>
          </div>
          <div className="space-y-1">
            <p className="text-xs font-medium text-ink-soft">Waits for</p>
            <DependencyPicker taskTitle={title} options={options} value={task.dependsOn} onChange={(dependsOn) => onChange({ dependsOn })} disabled={readOnly} />
          </div>
          <div className="space-y-1">
            <p className="text-xs font-medium text-ink-soft">Checklist</p>
            <ChecklistEditor taskTitle={title} items={task.checklist} onChange={(checklist) => onChange({ checklist })} disabled={readOnly} />
          </div>
          <label className="block space-y-1 text-xs font-medium text-ink-soft">
            <span>Description (Markdown)</span>
            <textarea
              rows={3}
              value={task.description}
              onChange={(e) => onChange({ description: e.target.value })}
              placeholder="What to do and how, copied into each project’s task"
              className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm font-normal text-ink shadow-xs"
            />
          </label>
        </div>
      ) : null}
    </li>
  )
}
