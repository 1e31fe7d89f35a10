'use client'
import { useEffect, useId, useState } from 'react'
import { CalendarClock, LoaderCircle } from 'lucide-react'
import { previewRedateAction, redateProjectAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, TextField } from '@/components/ui/field'
import { isDay } from '@/lib/dates'
import type { RedatePreview, RedateResult } from '@/lib/pm/redate'
import type { RedateMode } from '@/lib/pm/redate.schema'
import { shortDay } from './day-text'

const MODES: { value: RedateMode; label: string; hint: string }[] = [
  { value: 'BUSINESS', label: 'Move open dates by working days', hint: 'Weekends and holidays are skipped: a task due on the 3rd working day stays on the 3rd working day.' },
  { value: 'CALENDAR', label: 'Move open dates by calendar days', hint: 'Every open date moves by the same number of days.' },
  { value: 'KICKOFF_ONLY', label: 'Only change the kickoff', hint: 'Tasks and milestones keep their dates.' },
]

/**
 * "Change kickoff…": pick the new date and how open dates follow it, see what moves
 * ("12 open tasks and 2 milestones move 5 working days later; 3 done tasks stay"), apply.
 * Done tasks and every baseline stay.
 */
export function RedateDialog({
  orgSlug,
  projectId,
  kickoffOn,
  version,
  today,
  onDone,
}: {
  orgSlug: string
  projectId: string
  kickoffOn: string
  version: number
  today: string
  onDone: (result: RedateResult) => void
}) {
  const [open, setOpen] = useState(false)
  const [date, setDate] = useState(kickoffOn)
  const [mode, setMode] = useState<RedateMode>('BUSINESS')
  const [preview, setPreview] = useState<RedatePreview | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const group = useId()

  const changed = isDay(date) && date !== kickoffOn
  useEffect(() => {
    if (!open || !changed) return
    let stale = false
    const timer = setTimeout(async () => {
      setLoading(true)
      const result = await previewRedateAction({ orgSlug, projectId, kickoffOn: date, mode })
      if (stale) return
      setLoading(false)
      if (result.ok) {
        setPreview(result.data)
        setError(undefined)
      } else {
        setPreview(null)
        setError(result.fieldErrors?.kickoffOn?.[0] ?? result.formError ?? 'The preview failed.')
      }
    }, 200)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [open, changed, date, mode, orgSlug, projectId])

  async function apply() {
    setSaving(true)
    const result = await redateProjectAction({ orgSlug, projectId, kickoffOn: date, mode, version })
    setSaving(false)
    if (!result.ok) return setError(result.fieldErrors?.kickoffOn?.[0] ?? result.formError ?? 'Not saved.')
    setOpen(false)
    onDone(result.data)
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) {
          setDate(kickoffOn)
          setMode('BUSINESS')
          setPreview(null)
          setError(undefined)
        }
      }}
      title="Change the kickoff"
      description={`The kickoff is ${shortDay(kickoffOn, today)}. Done tasks and baselines never move.`}
      trigger={
        <Button variant="secondary" size="sm">
          <CalendarClock className="size-4" aria-hidden /> Change kickoff…
        </Button>
      }
    >
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (changed && !saving) void apply()
        }}
      >
        <TextField label="New kickoff" type="date" value={date} onChange={(e) => {
            setDate(e.target.value)
            setError(undefined)
          }} required autoFocus />
        <fieldset className="space-y-2" aria-describedby={`${group}-hint`}>
          <legend className="text-sm font-medium">Open tasks and milestones</legend>
          {MODES.map((m) => (
            <label key={m.value} className="flex cursor-pointer items-start gap-2 rounded-md border border-line p-2.5 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent/5">
              <input type="radio" name="mode" value={m.value} checked={mode === m.value} onChange={() => {
                  setMode(m.value)
                  setError(undefined)
                }} className="mt-0.5" />
              <span>
                <span className="font-medium">{m.label}</span>
                <span className="block text-xs text-ink-soft">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div id={`${group}-hint`} className="min-h-16 rounded-md bg-muted/60 p-3 text-sm" role="status" aria-live="polite" data-testid="redate-preview">
          {!changed ? (
            <span className="text-ink-soft">Pick a new date to see what moves.</span>
          ) : loading && !preview ? (
            <span className="flex items-center gap-2 text-ink-soft">
              <LoaderCircle className="size-4 animate-spin" aria-hidden /> Working out the new dates…
            </span>
          ) : preview ? (
            <>
              <p className="font-medium">{preview.summary}</p>
              <p className="mt-1 text-ink-soft">
                Kickoff {shortDay(preview.kickoffOn.from, today)} → {shortDay(preview.kickoffOn.to, today)}
                {preview.targetGoLiveOn ? ` · target go-live ${shortDay(preview.targetGoLiveOn.from, today)} → ${shortDay(preview.targetGoLiveOn.to, today)}` : ''}
              </p>
            </>
          ) : null}
        </div>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!changed || saving || Boolean(error)}>
            {saving ? 'Moving…' : mode === 'KICKOFF_ONLY' ? 'Change kickoff' : 'Move dates'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
