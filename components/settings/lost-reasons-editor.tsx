'use client'
import { addLostReasonAction, archiveLostReasonAction, renameLostReasonAction } from '@/app/(app)/[orgSlug]/settings/lost-reasons/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { TextField } from '@/components/ui/field'

export function LostReasonsEditor({ orgSlug, reasons }: { orgSlug: string; reasons: { id: string; label: string }[] }) {
  return (
    <Card className="max-w-2xl p-5">
      <p className="text-sm text-ink-soft">Offered when a deal is marked lost. Archiving a reason keeps it on the deals that used it.</p>
      <ul className="mt-4 divide-y divide-line">
        {reasons.map((reason) => (
          <li key={reason.id} className="flex flex-wrap items-start gap-2 py-2" data-testid="lost-reason">
            <ActionForm action={renameLostReasonAction} hidden={{ orgSlug, lostReasonId: reason.id }} className="flex flex-1 items-start gap-2" label={`Rename ${reason.label}`}>
              {({ errors, values, pending }) => (
                <>
                  <TextField label={`Reason “${reason.label}”`} name="label" defaultValue={values?.label ?? reason.label} error={errors.label} className="flex-1 [&_label]:sr-only" />
                  <Button type="submit" size="sm" variant="secondary" disabled={pending}>Rename</Button>
                </>
              )}
            </ActionForm>
            <ActionForm action={archiveLostReasonAction} hidden={{ orgSlug, lostReasonId: reason.id }}>
              {({ pending }) => (
                <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`Archive ${reason.label}`}>Archive</Button>
              )}
            </ActionForm>
          </li>
        ))}
      </ul>
      <ActionForm action={addLostReasonAction} hidden={{ orgSlug }} className="mt-4 border-t border-line pt-4" label="Add a lost reason">
        {({ errors, values, pending, done }) => (
          <div key={done} className="flex items-start gap-2">
            <TextField label="New reason" name="label" defaultValue={values?.label} error={errors.label} className="flex-1" />
            <Button type="submit" size="sm" disabled={pending} className="mt-6">Add</Button>
          </div>
        )}
      </ActionForm>
    </Card>
  )
}
