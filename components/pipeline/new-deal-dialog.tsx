'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { toast } from 'sonner'
import { Plus } from 'lucide-react'
import { createDealAction } from '@/app/(app)/[orgSlug]/pipeline/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { CompanyPickerField } from '@/components/crm/company-combobox'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'

type Option = { value: string; label: string }

export function NewDealDialog({
  orgSlug,
  pipelineId,
  stages,
  owners,
  defaultOwnerId,
  currency,
}: {
  orgSlug: string
  pipelineId: string
  stages: Option[]
  owners: Option[] | null
  defaultOwnerId: string
  currency: string
}) {
  const [open, setOpen] = useState(false)
  const router = useRouter()
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof createDealAction>[0], form: FormData) => {
    const result = await createDealAction(previous, form)
    if (result.ok) {
      setOpen(false)
      toast.success(result.message)
      router.refresh()
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New deal"
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> New deal
        </Button>
      }
    >
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <input type="hidden" name="pipelineId" value={pipelineId} />
        <FormError message={failed?.formError} />
        <TextField label="Title" name="title" required defaultValue={values?.title} error={failed?.fieldErrors?.title} autoFocus />
        <div className="grid grid-cols-2 gap-3">
          <TextField label={`Amount (${currency})`} name="amount" inputMode="decimal" placeholder="12,500.00" defaultValue={values?.amount} error={failed?.fieldErrors?.amount} />
          <TextField label="Expected close" name="expectedCloseOn" type="date" defaultValue={values?.expectedCloseOn} error={failed?.fieldErrors?.expectedCloseOn} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Stage" name="stageId" defaultValue={values?.stageId ?? stages[0]?.value} error={failed?.fieldErrors?.stageId} key={`stage-${values?.stageId}`}>
            {stages.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Type" name="dealType" defaultValue={values?.dealType ?? 'NEW_BUSINESS'} key={`type-${values?.dealType}`}>
            {DEAL_TYPES.map((t) => (
              <option key={t} value={t}>
                {dealTypeLabels[t]}
              </option>
            ))}
          </SelectField>
        </div>
        <CompanyPickerField label="Company" name="companyId" orgSlug={orgSlug} error={failed?.fieldErrors?.companyId} />
        {owners ? (
          <SelectField label="Owner" name="ownerId" defaultValue={values?.ownerId ?? defaultOwnerId} error={failed?.fieldErrors?.ownerId} key={`owner-${values?.ownerId}`}>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label="Commitments (what was promised)" name="commitments" defaultValue={values?.commitments} error={failed?.fieldErrors?.commitments} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create deal'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
