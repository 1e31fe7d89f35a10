'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { toast } from 'sonner'
import { Plus } from 'lucide-react'
import { createCompanyAction } from '@/app/(app)/[orgSlug]/companies/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { COMPANY_SIZES, companySizeLabels } from '@/lib/crm/companies.schema'

type Option = { value: string; label: string }

/** "New company": the name is all it needs; it opens the new company's page. */
export function NewCompanyDialog({ orgSlug, owners, defaultOwnerId }: { orgSlug: string; owners: Option[]; defaultOwnerId: string }) {
  const [open, setOpen] = useState(false)
  const router = useRouter()
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof createCompanyAction>[0], form: FormData) => {
    const result = await createCompanyAction(previous, form)
    if (result.ok) {
      setOpen(false)
      toast.success(result.message)
      router.push(`/${orgSlug}/companies/${result.data.id}`)
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
      title="New company"
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> New company
        </Button>
      }
    >
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <FormError message={failed?.formError} />
        <TextField label="Name" name="name" required defaultValue={values?.name} error={errors?.name} autoFocus />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Domain" name="domain" placeholder="example.com" defaultValue={values?.domain} error={errors?.domain} />
          <TextField label="Industry" name="industry" defaultValue={values?.industry} error={errors?.industry} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Country" name="country" placeholder="DE" maxLength={2} defaultValue={values?.country} error={errors?.country} hint="Two-letter code" />
          <SelectField label="Size" name="sizeBand" defaultValue={values?.sizeBand ?? ''} error={errors?.sizeBand} key={`size-${values?.sizeBand}`}>
            <option value="">Unknown</option>
            {COMPANY_SIZES.map((s) => (
              <option key={s} value={s}>
                {companySizeLabels[s]} employees
              </option>
            ))}
          </SelectField>
        </div>
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
            {pending ? 'Creating…' : 'Create company'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
