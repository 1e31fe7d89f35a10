'use client'
import Link from 'next/link'
import { useEffect, useState, useTransition } from 'react'
import { LoaderCircle, PartyPopper } from 'lucide-react'
import { planWinAction, winDealAction } from '@/app/(app)/[orgSlug]/pipeline/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import type { FieldErrors } from '@/lib/action'
import type { WinPlan } from '@/lib/handoff/win-plan'
import type { WinResult } from '@/lib/handoff/win-deal'
import { proposedKickoff } from '@/lib/pm/template-plan'

const ROLE = 'role:'

export type WinMove = { version: number; afterId?: string; beforeId?: string }

/**
 * "Mark as won": the close date, and the onboarding project it becomes — the template the
 * rules picked and why (or another, or no project), the kickoff it proposes, and a person for
 * each role. `projectOnly`: the deal is already won without a project and gets one now.
 */
type Props = {
  orgSlug: string
  dealId: string
  dealTitle: string
  open: boolean
  move?: WinMove
  projectOnly?: boolean
  onCancel: () => void
  onWon: (result: WinResult) => void
}

export function WinDialog(props: Props) {
  const { open, projectOnly, dealTitle, onCancel } = props
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onCancel())}
      title={projectOnly ? 'Create the onboarding project' : 'Mark the deal as won'}
      description={projectOnly ? `“${dealTitle}” was won without a project. Build it now from a template.` : `“${dealTitle}” becomes an onboarding project, built from a template, in one step.`}
    >
      {/* mounted per opening: every opening starts from a fresh plan */}
      {open ? <WinForm {...props} /> : null}
    </Dialog>
  )
}

function WinForm({ orgSlug, dealId, move, projectOnly = false, onCancel, onWon }: Props) {
  const [plan, setPlan] = useState<WinPlan | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [closeOn, setCloseOn] = useState('')
  const [mode, setMode] = useState<'auto' | 'none'>('auto')
  const [templateId, setTemplateId] = useState('')
  const [kickoffOn, setKickoffOn] = useState<string | null>(null)
  const [people, setPeople] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [saving, startSaving] = useTransition()

  useEffect(() => {
    let live = true
    void planWinAction({ orgSlug, dealId }).then((result) => {
      if (!live) return
      if (!result.ok) return setLoadError(result.formError ?? 'This deal could not be loaded.')
      const loaded = result.data
      setPlan(loaded)
      setCloseOn(loaded.today)
      const first = loaded.picked?.templateId ?? loaded.templates[0]?.id ?? ''
      setTemplateId(first)
      setPeople(defaultsFor(loaded, first))
    })
    return () => {
      live = false
    }
  }, [orgSlug, dealId])

  const template = plan?.templates.find((t) => t.id === templateId)
  const proposed = template && closeOn ? proposedKickoff(template, closeOn, new Set(plan!.holidays)) : closeOn
  const kickoff = kickoffOn ?? proposed
  const why = !template
    ? 'No template applies: the project starts with an empty board and the brief.'
    : plan?.picked?.templateId === template.id
      ? `Chosen by the rules: ${plan.picked.reasons.join(', ')}.`
      : 'Chosen by you instead of the rules’ pick.'

  function submit() {
    if (!plan) return
    const roleAssignments = Object.fromEntries(Object.entries(people).filter(([, userId]) => userId))
    startSaving(async () => {
      const result = await winDealAction({
        orgSlug,
        dealId,
        closeOn: projectOnly ? undefined : closeOn,
        project: mode,
        templateId: mode === 'auto' && template ? template.id : undefined,
        kickoffOn: mode === 'auto' ? kickoff : undefined,
        roleAssignments,
        ...move,
      })
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {})
        setFormError(result.formError ?? (result.fieldErrors && Object.keys(result.fieldErrors).length ? undefined : 'The deal could not be won.'))
        return
      }
      onWon(result.data)
    })
  }

  return (
    <>
      {loadError ? (
        <FormError message={loadError} />
      ) : !plan ? (
        <p className="flex items-center gap-2 text-sm text-ink-soft" role="status">
          <LoaderCircle className="size-4 animate-spin" aria-hidden /> Finding the right template…
        </p>
      ) : plan.existingProject && !projectOnly ? (
        <div className="space-y-4">
          <p className="text-sm">
            This deal already has its project, <Link className="text-accent hover:underline" href={`/${orgSlug}/projects/${plan.existingProject.id}`}>{plan.existingProject.name}</Link>: winning it again makes that
            project active again; nothing is duplicated.
          </p>
          <ClosingButtons saving={saving} onCancel={onCancel} onConfirm={submit} label="Mark as won" />
        </div>
      ) : (
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <FormError message={formError} />
          {projectOnly ? null : (
            <TextField label="Close date" type="date" max={plan.today} value={closeOn} onChange={(e) => setCloseOn(e.target.value)} error={errors.closeOn} required />
          )}
          {projectOnly ? null : (
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium">Onboarding project</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="mode" checked={mode === 'auto'} onChange={() => setMode('auto')} /> Build it now
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="mode" checked={mode === 'none'} onChange={() => setMode('none')} /> No project (it can be made later from the deal)
              </label>
            </fieldset>
          )}
          {mode === 'auto' ? (
            <>
              <div className="space-y-1">
                <SelectField
                  label="Template"
                  value={templateId}
                  onChange={(e) => {
                    setTemplateId(e.target.value)
                    setPeople(defaultsFor(plan, e.target.value))
                    setKickoffOn(null)
                  }}
                  error={errors.templateId ?? errors.templateVersionId}
                >
                  {plan.templates.length === 0 ? <option value="">No templates yet</option> : null}
                  {plan.templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.taskCount} tasks)
                    </option>
                  ))}
                </SelectField>
                <p className="text-xs text-ink-soft" data-testid="template-reason">
                  {why}
                </p>
              </div>
              <TextField
                label="Kickoff"
                type="date"
                value={kickoff}
                onChange={(e) => setKickoffOn(e.target.value)}
                error={errors.kickoffOn}
                hint={template ? `Proposed: the close date + ${template.leadTimeDays} ${template.leadTimeBusinessDays ? 'working days' : 'days'}.` : undefined}
              />
              {template && template.roles.length ? (
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">People</legend>
                  {template.roles.map((role) => (
                    <SelectField
                      key={role.id}
                      label={role.name}
                      value={people[role.id] ?? ''}
                      onChange={(e) => setPeople((p) => ({ ...p, [role.id]: e.target.value }))}
                      error={errors[`${ROLE}${role.id}`]}
                    >
                      <option value="">Nobody yet (its tasks wait unassigned)</option>
                      {plan.people.map((person) => (
                        <option key={person.id} value={person.id}>
                          {person.name}
                          {person.id === role.defaultUserId ? ' (default)' : ''}
                        </option>
                      ))}
                    </SelectField>
                  ))}
                  <p className="text-xs text-ink-soft">Tasks for the deal owner go to the deal’s owner.</p>
                </fieldset>
              ) : null}
            </>
          ) : null}
          <ClosingButtons saving={saving} onCancel={onCancel} label={projectOnly ? 'Create project' : 'Mark as won'} />
        </form>
      )}
    </>
  )
}

function defaultsFor(plan: WinPlan, templateId: string): Record<string, string> {
  const template = plan.templates.find((t) => t.id === templateId)
  return Object.fromEntries((template?.roles ?? []).map((r) => [r.id, r.defaultUserId ?? '']))
}

function ClosingButtons({ saving, onCancel, onConfirm, label }: { saving: boolean; onCancel: () => void; onConfirm?: () => void; label: string }) {
  return (
    <div className="flex justify-end gap-2 pt-1">
      <Button variant="secondary" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button type={onConfirm ? 'button' : 'submit'} onClick={onConfirm} disabled={saving}>
        {saving ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : <PartyPopper className="size-4" aria-hidden />} {label}
      </Button>
    </div>
  )
}
