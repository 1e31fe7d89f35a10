'use client'
import { AlertTriangle, Eye, Plus, RotateCcw, Save } from 'lucide-react'
import Link from 'next/link'
import { useEffect, useMemo, useRef, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { saveTemplateAction } from '@/app/(app)/[orgSlug]/settings/templates/[templateId]/actions'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import type { Day } from '@/lib/dates'
import {
  addMilestone,
  addTask,
  draftProblems,
  moveMilestone,
  moveTask,
  moveTaskToMilestone,
  newTask,
  orderedTasks,
  problemsOf,
  removeMilestone,
  removeTask,
  updateMilestone,
  updateTask,
  type TemplateDraft,
} from '@/lib/pm/template-draft'
import { DayCountInput } from './day-count-input'
import { savedOn } from './format'
import { MilestoneSection } from './milestone-section'
import { TaskRow, type RoleOption } from './task-row'
import { TemplatePreview } from './template-preview'
import { useUnsavedGuard } from './use-unsaved-guard'

export type EditorVersion = { number: number; savedAt: Date; savedBy: string | null; isCurrent: boolean }

const select = 'h-8 rounded-md border border-line bg-surface px-2 text-sm text-ink shadow-xs disabled:bg-muted disabled:text-ink-soft'

/**
 * The template editor: the content of one version as a draft (milestones as groups, tasks
 * under them, "No milestone" last), checked as it is edited, previewed on real dates, and
 * saved as the next version. Old versions and archived templates open read-only.
 */
export function TemplateEditor({
  orgSlug,
  templateId,
  version,
  currentVersion,
  initial,
  roles,
  holidays,
  defaultKickoff,
  timeZone,
  readOnly,
  readOnlyReason,
}: {
  orgSlug: string
  templateId: string
  version: EditorVersion
  currentVersion: number
  initial: TemplateDraft
  roles: RoleOption[]
  holidays: Day[]
  defaultKickoff: Day
  timeZone: string
  readOnly: boolean
  readOnlyReason?: React.ReactNode
}) {
  const [draft, setDraft] = useState(initial)
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  const [serverErrors, setServerErrors] = useState<string[]>([])
  const [saving, startSaving] = useTransition()
  const counter = useRef(0)
  const nextKey = () => `new-${++counter.current}`

  const initialJson = useMemo(() => JSON.stringify(initial), [initial])
  const dirty = useMemo(() => JSON.stringify(draft) !== initialJson, [draft, initialJson])
  const roleIds = useMemo(() => new Set(roles.map((r) => r.id)), [roles])
  const problems = useMemo(() => draftProblems(draft, roleIds), [draft, roleIds])
  useUnsavedGuard(dirty && !readOnly)

  const tasks = orderedTasks(draft)
  const milestoneName = (key: string | null) => (key ? draft.milestones.find((m) => m.key === key)?.name.trim() || 'Untitled milestone' : 'No milestone')
  const options = tasks.map((t) => ({ key: t.key, title: t.title.trim(), group: milestoneName(t.milestoneKey) }))
  const edit = (change: (d: TemplateDraft) => TemplateDraft) => {
    setDraft((d) => change(d))
    setServerErrors([])
  }
  const toggle = (key: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (open ?? !next.has(key)) next.add(key)
      else next.delete(key)
      return next
    })

  /** After a move the row sits elsewhere: keep the keyboard on its arrow (the other one at an end). */
  function keepFocus(key: string, direction: 'up' | 'down') {
    requestAnimationFrame(() => {
      const button = (d: 'up' | 'down') => document.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(`${key}:${d}`)}"]`)
      const same = button(direction)
      ;(same && !same.disabled ? same : button(direction === 'up' ? 'down' : 'up'))?.focus()
    })
  }

  function addTaskTo(milestoneKey: string | null) {
    const key = nextKey()
    const group = tasks.filter((t) => t.milestoneKey === milestoneKey)
    edit((d) => addTask(d, newTask(key, milestoneKey, group.at(-1) ?? tasks.at(-1))))
    toggle(key, true)
  }

  function addMilestoneGroup() {
    const last = draft.milestones.at(-1)
    edit((d) => addMilestone(d, { key: nextKey(), name: '', anchor: 'KICKOFF', offsetDays: (last?.offsetDays ?? 0) + 5, businessDays: true }))
  }

  function save() {
    if (readOnly || saving) return
    if (problems.length) {
      const keys = problems.filter((p) => p.target === 'task').flatMap((p) => [p.key, ...(p.related ?? [])])
      setExpanded((current) => new Set([...current, ...keys]))
      toast.error(problems.length === 1 ? 'Fix the problem marked in red before saving.' : `Fix the ${problems.length} problems marked in red before saving.`)
      return
    }
    startSaving(async () => {
      const result = await saveTemplateAction({ orgSlug, templateId, baseVersion: currentVersion, ...draft })
      if (result.ok) {
        toast.success(result.message ?? 'Saved.')
        return
      }
      const messages = Object.values(result.fieldErrors ?? {}).flatMap((m) => m ?? [])
      setServerErrors(messages)
      toast.error(result.formError ?? messages[0] ?? 'The template could not be saved.')
    })
  }

  // Ctrl/Cmd+S saves.
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault()
        saveRef.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const templateProblem = (field: string) => problems.find((p) => p.target === 'template' && p.field === field)?.message

  const renderTasks = (milestoneKey: string | null) => {
    const group = tasks.filter((t) => t.milestoneKey === milestoneKey)
    return group.map((task, i) => (
      <TaskRow
        key={task.key}
        task={task}
        first={i === 0}
        last={i === group.length - 1}
        milestones={draft.milestones}
        roles={roles}
        options={options.filter((o) => o.key !== task.key)}
        problems={problemsOf(problems, 'task', task.key)}
        expanded={readOnly || expanded.has(task.key)}
        readOnly={readOnly}
        onToggle={() => toggle(task.key)}
        onChange={(change) => edit((d) => updateTask(d, task.key, change))}
        onMove={(direction) => {
          edit((d) => moveTask(d, task.key, direction))
          keepFocus(task.key, direction)
        }}
        onMoveToMilestone={(key) => edit((d) => moveTaskToMilestone(d, task.key, key))}
        onRemove={() => edit((d) => removeTask(d, task.key))}
      />
    ))
  }

  const noMilestoneCount = tasks.filter((t) => t.milestoneKey === null).length
  return (
    <div className="space-y-4" data-testid="template-editor">
      <div className="sticky top-0 z-20 -mx-2 flex flex-wrap items-center gap-3 rounded-b-lg border-b border-line bg-canvas/95 px-2 py-2 backdrop-blur">
        <p className="text-sm text-ink-soft" data-testid="version-line">
          <span className="font-semibold text-ink">Version {version.number}</span> · saved {savedOn(version.savedAt, timeZone)}
          {version.savedBy ? ` by ${version.savedBy}` : ''}
        </p>
        {dirty && !readOnly ? <span className="rounded-full bg-warning/15 px-2 py-0.5 text-xs font-medium text-warning">Unsaved changes</span> : null}
        {!readOnly && problems.length ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-danger/10 px-2 py-0.5 text-xs font-medium text-danger" data-testid="problem-count">
            <AlertTriangle className="size-3" aria-hidden /> {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          {readOnly ? null : (
            <>
              <Button variant="ghost" size="sm" className="disabled:opacity-50" disabled={!dirty || saving} onClick={() => window.confirm('Discard your unsaved changes?') && setDraft(initial)}>
                <RotateCcw className="size-4" aria-hidden /> Discard
              </Button>
              <Button size="sm" onClick={save} disabled={!dirty || saving} title="Ctrl+S">
                <Save className="size-4" aria-hidden /> {saving ? 'Saving…' : `Save as version ${currentVersion + 1}`}
              </Button>
            </>
          )}
        </span>
      </div>

      {readOnly && readOnlyReason ? (
        <div className="flex items-start gap-2 rounded-lg border border-accent/30 bg-accent/5 px-4 py-3 text-sm" role="status">
          <Eye className="mt-0.5 size-4 shrink-0 text-accent" aria-hidden />
          <div>{readOnlyReason}</div>
        </div>
      ) : null}
      {serverErrors.length ? (
        <div role="alert" className="rounded-md border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger">
          <ul className="list-inside list-disc">
            {serverErrors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <fieldset disabled={readOnly} className="min-w-0 space-y-4">
          <legend className="sr-only">Template content</legend>
          <Card className="space-y-3 p-4">
            <label className="block space-y-1 text-sm font-medium">
              <span>Description</span>
              <textarea
                rows={2}
                value={draft.description}
                onChange={(e) => edit((d) => ({ ...d, description: e.target.value }))}
                placeholder="When to use this template and what the project delivers"
                className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm font-normal shadow-xs disabled:bg-muted"
              />
            </label>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-ink-soft">
              <span className="flex flex-wrap items-center gap-1.5">
                Kickoff
                <DayCountInput label="Lead time in days" value={draft.leadTimeDays} onValue={(v) => edit((d) => ({ ...d, leadTimeDays: v ?? 0 }))} className="w-14" aria-invalid={Boolean(templateProblem('leadTimeDays')) || undefined} />
                <select aria-label="Lead time counts" className={select} value={draft.leadTimeBusinessDays ? 'business' : 'calendar'} onChange={(e) => edit((d) => ({ ...d, leadTimeBusinessDays: e.target.value === 'business' }))}>
                  <option value="business">working days</option>
                  <option value="calendar">calendar days</option>
                </select>
                after the deal closes
              </span>
              <span className="flex flex-wrap items-center gap-1.5">
                Go-live planned
                <DayCountInput label="Default duration in days" value={draft.defaultDurationDays} onValue={(v) => edit((d) => ({ ...d, defaultDurationDays: v ?? 0 }))} className="w-16" aria-invalid={Boolean(templateProblem('defaultDurationDays')) || undefined} />
                days after the kickoff (or at the last due date)
              </span>
            </div>
            {['leadTimeDays', 'defaultDurationDays', 'description', 'tasks', 'milestones'].map((f) =>
              templateProblem(f) ? (
                <p key={f} className="text-xs text-danger" role="alert">
                  {templateProblem(f)}
                </p>
              ) : null,
            )}
          </Card>

          {draft.milestones.map((m, i) => (
            <MilestoneSection
              key={m.key}
              milestone={m}
              first={i === 0}
              last={i === draft.milestones.length - 1}
              taskCount={tasks.filter((t) => t.milestoneKey === m.key).length}
              problems={problemsOf(problems, 'milestone', m.key)}
              readOnly={readOnly}
              onChange={(change) => edit((d) => updateMilestone(d, m.key, change))}
              onMove={(direction) => edit((d) => moveMilestone(d, m.key, direction))}
              onRemove={() => edit((d) => removeMilestone(d, m.key))}
              onAddTask={() => addTaskTo(m.key)}
            >
              {renderTasks(m.key)}
            </MilestoneSection>
          ))}
          {noMilestoneCount > 0 || draft.milestones.length === 0 ? (
            <MilestoneSection
              milestone={null}
              taskCount={noMilestoneCount}
              problems={[]}
              readOnly={readOnly}
              onAddTask={() => addTaskTo(null)}
              emptyText={readOnly ? 'This version has no tasks.' : 'No tasks yet. Add milestones to group them, or add tasks here.'}
            >
              {renderTasks(null)}
            </MilestoneSection>
          ) : null}
          {readOnly ? null : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={addMilestoneGroup}>
                <Plus className="size-4" aria-hidden /> Add milestone
              </Button>
              {noMilestoneCount === 0 && draft.milestones.length > 0 ? (
                <Button variant="ghost" size="sm" onClick={() => addTaskTo(null)}>
                  <Plus className="size-4" aria-hidden /> Add a task without a milestone
                </Button>
              ) : null}
            </div>
          )}
        </fieldset>
        <aside className="xl:sticky xl:top-16" aria-label="Preview">
          <TemplatePreview draft={draft} roles={roles} holidays={holidays} defaultKickoff={defaultKickoff} />
          {!readOnly ? (
            <p className="mt-2 px-1 text-xs text-ink-soft">
              The preview follows your unsaved changes. <Link className="text-accent hover:underline" href={`/${orgSlug}/settings/holidays`}>Holidays</Link> and{' '}
              <Link className="text-accent hover:underline" href={`/${orgSlug}/settings/project-roles`}>project roles</Link> are set in their own settings.
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  )
}
