'use client'
import { useId, useOptimistic, useState, useTransition, type ReactNode } from 'react'
import { updateTaskAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { BoardColumnDto } from '@/lib/pm/board-query'
import type { MilestoneOption } from '@/lib/pm/milestones'
import { TASK_PRIORITIES, priorityLabels, type UpdateTaskInput } from '@/lib/pm/tasks.schema'
import { formatDay } from '@/lib/dates'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'
import { PriorityIcon } from '@/components/pm/priority-icon'
import type { SectionProps } from './drawer-types'

const control = 'w-full max-w-sm rounded-md border border-transparent bg-transparent px-2 py-1 text-sm text-ink hover:border-line focus:border-line aria-invalid:border-danger disabled:opacity-60'
const fmt = (day: string) => formatDay(day, 'en-US', { day: 'numeric', month: 'short', year: 'numeric' })

function Row({ label, id, error, children, note }: { label: string; id: string; error?: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-start gap-2">
      <label htmlFor={id} className="pt-1.5 text-sm text-ink-soft">
        {label}
      </label>
      <div className="min-w-0">
        {children}
        {note ? <div className="px-2 text-xs text-ink-soft">{note}</div> : null}
        {error ? (
          <p id={`${id}-error`} role="alert" className="px-2 pt-0.5 text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  )
}

type Field = keyof Omit<UpdateTaskInput, 'taskId'>

/**
 * The task's properties, each saved on change (selects) or when leaving the field (dates,
 * estimate), with the server's message next to the field. Status moves the card through the
 * board (so a blocked task still asks "Start anyway?").
 */
export function TaskFields({
  orgSlug,
  detail,
  apply,
  columns,
  milestones,
  onMove,
}: SectionProps & { columns: BoardColumnDto[]; milestones: MilestoneOption[]; onMove: (columnId: string) => void }) {
  const people = detail.people
  const base = useId()
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [pending, startTransition] = useTransition()
  const canEdit = detail.canEdit
  // Selects show the new choice at once and settle on the saved task when the server answers.
  const [shown, show] = useOptimistic(
    { assigneeId: detail.assignee?.id ?? '', milestoneId: detail.milestone?.id ?? '', priority: detail.priority as string },
    (state, patch: Partial<Record<'assigneeId' | 'milestoneId' | 'priority', string>>) => ({ ...state, ...patch }),
  )
  // Status goes through the board (which may ask "Start anyway?"); the drawer reloads after.
  const [status, setStatus] = useState({ for: detail, columnId: detail.column.id })
  if (status.for !== detail) setStatus({ for: detail, columnId: detail.column.id })
  const save = (field: Field, value: string | null) =>
    startTransition(async () => {
      if (field === 'assigneeId' || field === 'milestoneId' || field === 'priority') show({ [field]: value ?? '' })
      const result = await updateTaskAction({ orgSlug, taskId: detail.id, [field]: value })
      setErrors((e) => ({ ...e, [field]: apply(result, field) }))
    })
  const aria = (field: Field) => ({ id: `${base}-${field}`, 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': errors[field] ? `${base}-${field}-error` : undefined })
  const readOnly = (text: ReactNode) => <p className="px-2 py-1 text-sm">{text}</p>
  const assigneeOptions = detail.assignee && !people.some((p) => p.id === detail.assignee!.id) ? [...people, { ...detail.assignee, role: 'DELIVERY' as const }] : people
  const dueNote = (
    <span className="flex flex-wrap items-center gap-1.5">
      {detail.baselineDueOn && detail.baselineDueOn !== detail.dueOn ? <span data-testid="baseline">baseline {fmt(detail.baselineDueOn)}</span> : null}
      {detail.doneLate ? <span className="rounded bg-danger/10 px-1 font-medium text-danger">Done late{detail.completedOn ? ` (${fmt(detail.completedOn)})` : ''}</span> : null}
      {detail.overdue ? <span className="rounded bg-danger/10 px-1 font-medium text-danger">Overdue</span> : null}
      {detail.done && !detail.doneLate && detail.completedOn ? <span className="text-success">Done {fmt(detail.completedOn)}</span> : null}
    </span>
  )

  return (
    <div className={cn('space-y-1.5', pending && 'cursor-progress')} data-testid="task-fields">
      <Row label="Status" id={`${base}-status`}>
        {canEdit ? (
          <select
            id={`${base}-status`}
            className={control}
            value={status.columnId}
            onChange={(e) => {
              setStatus({ for: detail, columnId: e.target.value })
              onMove(e.target.value)
            }}
          >
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          readOnly(detail.column.name)
        )}
      </Row>
      <Row
        label="Assignee"
        id={aria('assigneeId').id}
        error={errors.assigneeId}
        note={detail.role ? <span className={cn(!detail.assignee && 'font-medium text-warning')}>{detail.assignee ? `Role: ${detail.role}` : `Unfilled role: ${detail.role}`}</span> : null}
      >
        {canEdit ? (
          <div className="flex items-center gap-1.5">
            {detail.assignee ? <Avatar id={detail.assignee.id} name={detail.assignee.name} className="size-5 text-[9px]" /> : null}
            <select {...aria('assigneeId')} className={control} value={shown.assigneeId} onChange={(e) => save('assigneeId', e.target.value || null)}>
              <option value="">Unassigned</option>
              {assigneeOptions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          readOnly(detail.assignee?.name ?? 'Unassigned')
        )}
      </Row>
      <Row label="Start" id={aria('startOn').id} error={errors.startOn}>
        {canEdit ? <DateInput {...aria('startOn')} value={detail.startOn} onSave={(v) => save('startOn', v)} /> : readOnly(detail.startOn ? fmt(detail.startOn) : '—')}
      </Row>
      <Row label="Due" id={aria('dueOn').id} error={errors.dueOn} note={dueNote}>
        {canEdit ? (
          <DateInput {...aria('dueOn')} value={detail.dueOn} onSave={(v) => save('dueOn', v)} danger={detail.overdue} />
        ) : (
          readOnly(<span className={cn(detail.overdue && 'font-medium text-danger')}>{detail.dueOn ? fmt(detail.dueOn) : '—'}</span>)
        )}
      </Row>
      <Row label="Milestone" id={aria('milestoneId').id} error={errors.milestoneId}>
        {canEdit ? (
          <select {...aria('milestoneId')} className={control} value={shown.milestoneId} onChange={(e) => save('milestoneId', e.target.value || null)}>
            <option value="">No milestone</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {fmt(m.dueOn)}
              </option>
            ))}
          </select>
        ) : (
          readOnly(detail.milestone?.name ?? 'No milestone')
        )}
      </Row>
      <Row label="Estimate" id={aria('estimateHours').id} error={errors.estimateHours}>
        {canEdit ? (
          <EstimateInput {...aria('estimateHours')} minutes={detail.estimateMinutes} onSave={(v) => save('estimateHours', v)} />
        ) : (
          readOnly(detail.estimateMinutes === null ? '—' : `${detail.estimateMinutes / 60} h`)
        )}
      </Row>
      <Row label="Priority" id={aria('priority').id} error={errors.priority}>
        {canEdit ? (
          <div className="flex items-center gap-1.5">
            <PriorityIcon priority={shown.priority as typeof detail.priority} className="ml-1" />
            <select {...aria('priority')} className={control} value={shown.priority} onChange={(e) => save('priority', e.target.value)}>
              {TASK_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {priorityLabels[p]}
                </option>
              ))}
            </select>
          </div>
        ) : (
          readOnly(priorityLabels[detail.priority])
        )}
      </Row>
    </div>
  )
}

type InputAria = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }

/** A date saved when it changes and the field is left (or Enter); empty clears it. */
function DateInput({ value, onSave, danger, ...aria }: InputAria & { value: string | null; onSave: (value: string | null) => void; danger?: boolean }) {
  const [draft, setDraft] = useState(value ?? '')
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    setDraft(value ?? '')
  }
  const commit = () => {
    if (draft === (value ?? '')) return
    onSave(draft || null)
  }
  return (
    <input
      type="date"
      {...aria}
      className={cn(control, danger && 'font-medium text-danger')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
        if (e.key === 'Escape') setDraft(value ?? '')
      }}
    />
  )
}

/** Hours as typed ("1.5"); saved when leaving the field or on Enter. */
function EstimateInput({ minutes, onSave, ...aria }: InputAria & { minutes: number | null; onSave: (value: string | null) => void }) {
  const shown = minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100)
  const [draft, setDraft] = useState(shown)
  const [seen, setSeen] = useState(shown)
  if (shown !== seen) {
    setSeen(shown)
    setDraft(shown)
  }
  const commit = () => {
    if (draft.trim() === shown) return
    onSave(draft.trim() || null)
  }
  return (
    <div className="flex items-center gap-1">
      <input
        type="text"
        inputMode="decimal"
        placeholder="—"
        {...aria}
        className={cn(control, 'w-24')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(shown)
        }}
      />
      <span className="text-sm text-ink-soft">hours</span>
    </div>
  )
}
