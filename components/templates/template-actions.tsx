'use client'
import { Archive, ArchiveRestore, Pencil, Star, StarOff } from 'lucide-react'
import { useState } from 'react'
import { archiveTemplateAction, restoreTemplateAction, setDefaultTemplateAction } from '@/app/(app)/[orgSlug]/settings/templates/actions'
import { renameTemplateAction } from '@/app/(app)/[orgSlug]/settings/templates/[templateId]/actions'
import { ActionForm } from '@/components/ui/action-form'
import type { ActionState } from '@/lib/action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/field'

type TemplateRef = { orgSlug: string; templateId: string; name: string }

export function RestoreTemplateButton({ orgSlug, templateId, name }: TemplateRef) {
  return (
    <ActionForm action={restoreTemplateAction} hidden={{ orgSlug, templateId }}>
      {({ pending }) => (
        <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Restore ${name}`}>
          <ArchiveRestore className="size-4" aria-hidden /> Restore
        </Button>
      )}
    </ActionForm>
  )
}

export function DefaultTemplateButton({ orgSlug, templateId, isDefault }: Omit<TemplateRef, 'name'> & { isDefault: boolean }) {
  return (
    <ActionForm action={setDefaultTemplateAction} hidden={{ orgSlug, templateId, isDefault: String(!isDefault) }}>
      {({ pending }) => (
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {isDefault ? <StarOff className="size-4" aria-hidden /> : <Star className="size-4" aria-hidden />}
          {isDefault ? 'Remove as default' : 'Make default'}
        </Button>
      )}
    </ActionForm>
  )
}

/** Archiving asks first: the template stops being offered and picked by its rules. */
export function ArchiveTemplateButton({ orgSlug, templateId, name, isDefault }: TemplateRef & { isDefault: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Archive ${name}?`}
      description={`It will no longer be offered for new projects and its rules stop applying.${isDefault ? ' It is the default template: until another one is made the default, deals that no rule matches get no template.' : ''} Projects built from it keep it, and you can restore it later.`}
      trigger={
        <Button size="sm" variant="ghost">
          <Archive className="size-4" aria-hidden /> Archive
        </Button>
      }
    >
      <ActionForm action={archiveTemplateAction} hidden={{ orgSlug, templateId }} className="flex justify-end gap-2">
        {({ pending }) => (
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={pending}>Archive template</Button>
          </>
        )}
      </ActionForm>
    </Dialog>
  )
}

export function RenameTemplateDialog({ orgSlug, templateId, name }: TemplateRef) {
  const [open, setOpen] = useState(false)
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Rename template"
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Rename ${name}`}>
          <Pencil className="size-4" aria-hidden />
        </Button>
      }
    >
      <ActionForm
        action={async (state: ActionState, form: FormData) => {
          const result = await renameTemplateAction(state, form)
          if (result.ok) setOpen(false)
          return result
        }}
        hidden={{ orgSlug, templateId }}
        className="space-y-4"
        label="Rename template"
      >
        {({ errors, values, pending }) => (
          <>
            <TextField label="Name" name="name" autoFocus defaultValue={values?.name ?? name} error={errors.name} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={pending}>Rename</Button>
            </div>
          </>
        )}
      </ActionForm>
    </Dialog>
  )
}
