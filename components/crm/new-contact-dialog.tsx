'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { toast } from 'sonner'
import { Plus } from 'lucide-react'
import { createContactAction } from '@/app/(app)/[orgSlug]/contacts/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { CompanyPickerField, type CompanyChoice } from './company-combobox'
import { FormError, SelectField, TextField } from '@/components/ui/field'

type Option = { value: string; label: string }

/** "New contact": a first name is all it needs; it opens the new contact's page. */
export function NewContactDialog({
  orgSlug,
  owners,
  defaultOwnerId,
  defaultCompany,
  compact = false,
}: {
  orgSlug: string
  owners: Option[]
  defaultOwnerId: string
  /** the company the new contact belongs to unless changed (a company page's "Add contact") */
  defaultCompany?: CompanyChoice
  /** a small secondary button (inside a card) instead of the page's primary one */
  compact?: boolean
}) {
  const [open, setOpen] = useState(false)
  const router = useRouter()
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof createContactAction>[0], form: FormData) => {
    const result = await createContactAction(previous, form)
    if (result.ok) {
      setOpen(false)
      toast.success(result.message)
      router.push(`/${orgSlug}/contacts/${result.data.id}`)
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values
  const errors = failed?.fieldErrors

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New contact"
      trigger={
        <Button variant={compact ? 'secondary' : 'primary'} size={compact ? 'sm' : 'md'}>
          <Plus className="size-4" aria-hidden /> New contact
        </Button>
      }
    >
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <FormError message={failed?.formError} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="First name" name="firstName" required defaultValue={values?.firstName} error={errors?.firstName} autoFocus />
          <TextField label="Last name" name="lastName" defaultValue={values?.lastName} error={errors?.lastName} />
        </div>
        <TextField label="Email" name="email" type="email" defaultValue={values?.email} error={errors?.email} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Phone" name="phone" type="tel" defaultValue={values?.phone} error={errors?.phone} />
          <TextField label="Job title" name="jobTitle" defaultValue={values?.jobTitle} error={errors?.jobTitle} />
        </div>
        <CompanyPickerField label="Company" name="companyId" orgSlug={orgSlug} defaultValue={defaultCompany} error={errors?.companyId} />
        <SelectField label="Owner" name="ownerId" defaultValue={values?.ownerId ?? defaultOwnerId} error={errors?.ownerId} key={`owner-${values?.ownerId}`}>
          {owners.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create contact'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
