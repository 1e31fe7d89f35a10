'use client'
import { Plus } from 'lucide-react'
import { useState } from 'react'
import { createTemplateAction } from '@/app/(app)/[orgSlug]/settings/templates/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { SelectField, TextField } from '@/components/ui/field'

/** Name a new template, empty or copied from another one; saving opens its editor. */
export function NewTemplateDialog({ orgSlug, sources }: { orgSlug: string; sources: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New template"
      description="Start empty or from a copy of another template; you build its milestones and tasks next."
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> New template
        </Button>
      }
    >
      <ActionForm action={createTemplateAction} hidden={{ orgSlug }} className="space-y-4" label="New template">
        {({ errors, values, pending }) => (
          <>
            <TextField label="Name" name="name" autoFocus placeholder="e.g. Premium onboarding" defaultValue={values?.name} error={errors.name} />
            <SelectField label="Start from" name="copyFromTemplateId" defaultValue={values?.copyFromTemplateId ?? ''} error={errors.copyFromTemplateId}>
              <option value="">An empty template</option>
              {sources.map((t) => (
                <option key={t.id} value={t.id}>A copy of {t.name}</option>
              ))}
            </SelectField>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create template'}</Button>
            </div>
          </>
        )}
      </ActionForm>
    </Dialog>
  )
}
