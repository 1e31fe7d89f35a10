'use client'
import { useActionState, useEffect, useState } from 'react'
import { Tabs } from 'radix-ui'
import { toast } from 'sonner'
import { addActivityAction, listAssigneesAction } from '@/app/(app)/[orgSlug]/activities/actions'
import { ACTIVITY_KINDS, activityKindLabels, type ActivityKind } from '@/lib/crm/activities.schema'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { TextAreaField } from '@/components/ui/textarea-field'

export type ActivityTargetProps = { dealId?: string; companyId?: string; contactId?: string }

/**
 * Adds a note, logs a call / email / meeting, or adds a follow-up task on a deal, a contact
 * and/or a company. Field errors show next to their fields; after saving, the page (and its
 * timeline) is refreshed by the action's revalidation.
 */
export function ActivityComposer({ orgSlug, target }: { orgSlug: string; target: ActivityTargetProps }) {
  const [kind, setKind] = useState<ActivityKind>('NOTE')
  return (
    <Tabs.Root value={kind} onValueChange={(v) => setKind(v as ActivityKind)} className="rounded-lg border border-line bg-surface shadow-xs" data-testid="activity-composer">
      <Tabs.List aria-label="What to log" className="flex gap-1 border-b border-line px-2 pt-2">
        {ACTIVITY_KINDS.map((k) => (
          <Tabs.Trigger
            key={k}
            value={k}
            className="rounded-t-md border-b-2 border-transparent px-3 py-1.5 text-sm text-ink-soft hover:text-ink data-[state=active]:border-accent data-[state=active]:font-medium data-[state=active]:text-ink"
          >
            {activityKindLabels[k]}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {ACTIVITY_KINDS.map((k) => (
        <Tabs.Content key={k} value={k} className="p-3">
          <ComposerForm orgSlug={orgSlug} target={target} kind={k} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  )
}

const submitLabels: Record<ActivityKind, string> = { NOTE: 'Add note', CALL: 'Log call', EMAIL: 'Log email', MEETING: 'Log meeting', TASK: 'Add task' }

function ComposerForm({ orgSlug, target, kind }: { orgSlug: string; target: ActivityTargetProps; kind: ActivityKind }) {
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof addActivityAction>[0], form: FormData) => {
    const result = await addActivityAction(previous, form)
    if (result.ok) toast.success(result.message)
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const errors = failed?.fieldErrors
  const values = failed?.values
  const formError = failed?.formError ?? errors?.dealId?.[0] ?? errors?.contactId?.[0] ?? errors?.companyId?.[0] ?? errors?.kind?.[0]

  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="kind" value={kind} />
      {target.dealId ? <input type="hidden" name="dealId" value={target.dealId} /> : null}
      {target.contactId ? <input type="hidden" name="contactId" value={target.contactId} /> : null}
      {target.companyId ? <input type="hidden" name="companyId" value={target.companyId} /> : null}
      <FormError message={formError} />

      {kind === 'TASK' ? (
        <>
          <TextField label="Task" name="subject" placeholder="Send the revised proposal" defaultValue={values?.subject} error={errors?.subject} maxLength={200} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Due date" name="dueOn" type="date" defaultValue={values?.dueOn} error={errors?.dueOn} />
            <AssigneeSelect orgSlug={orgSlug} defaultValue={values?.assigneeId} error={errors?.assigneeId} />
          </div>
          <TextAreaField label="Notes (optional)" name="body" rows={2} defaultValue={values?.body} error={errors?.body} />
        </>
      ) : kind === 'NOTE' ? (
        <TextAreaField label="Note" name="body" placeholder="What should the team know?" defaultValue={values?.body} error={errors?.body} />
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-[1fr_11rem]">
            <TextField
              label={kind === 'CALL' ? 'Subject (optional)' : kind === 'EMAIL' ? 'Subject' : 'Meeting title'}
              name="subject"
              defaultValue={values?.subject}
              error={errors?.subject}
              maxLength={200}
            />
            <TextField label="Date" name="occurredOn" type="date" defaultValue={values?.occurredOn} error={errors?.occurredOn} hint="Empty means today." />
          </div>
          <TextAreaField
            label={kind === 'CALL' ? 'Call notes' : kind === 'EMAIL' ? 'Email text (optional)' : 'Meeting notes (optional)'}
            name="body"
            defaultValue={values?.body}
            error={errors?.body}
          />
        </>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabels[kind]}
        </Button>
      </div>
    </form>
  )
}

type Assignees = { me: string; options: { value: string; label: string }[] }

/** The people a task can go to, loaded when the Task tab opens (the composer needs no list from its page). */
function AssigneeSelect({ orgSlug, defaultValue, error }: { orgSlug: string; defaultValue?: string; error?: string[] }) {
  const [assignees, setAssignees] = useState<Assignees | null>(null)
  useEffect(() => {
    let live = true
    void listAssigneesAction({ orgSlug }).then((result) => {
      if (live && result.ok) setAssignees(result.data)
    })
    return () => {
      live = false
    }
  }, [orgSlug])
  return (
    <SelectField label="Assignee" name="assigneeId" defaultValue={defaultValue || assignees?.me || ''} key={`${assignees ? 'loaded' : 'loading'}-${defaultValue}`} error={error}>
      {assignees ? (
        assignees.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))
      ) : (
        <option value="">Me</option>
      )}
    </SelectField>
  )
}
