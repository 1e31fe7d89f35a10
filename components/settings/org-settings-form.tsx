'use client'
import { saveOrgSettingsAction } from '@/app/(app)/[orgSlug]/settings/organization/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { SelectField, TextField } from '@/components/ui/field'

export function OrgSettingsForm({ orgSlug, org, timeZones }: { orgSlug: string; org: { name: string; slug: string; currency: string; timeZone: string }; timeZones: string[] }) {
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Organization</h2>
      <p className="mt-1 text-sm text-ink-soft">
        Address <code className="font-mono">/{org.slug}</code>. The currency applies to new deals and products; existing amounts keep theirs.
      </p>
      <ActionForm action={saveOrgSettingsAction} hidden={{ orgSlug }} className="mt-4 space-y-3" label="Organization settings">
        {({ errors, values, pending }) => (
          <>
            <TextField label="Name" name="name" defaultValue={values?.name ?? org.name} error={errors.name} required />
            <div className="grid grid-cols-2 gap-3">
              <TextField label="Currency" name="currency" defaultValue={values?.currency ?? org.currency.trim()} error={errors.currency} maxLength={3} hint="ISO code, e.g. EUR" />
              <SelectField label="Time zone" name="timeZone" defaultValue={values?.timeZone ?? org.timeZone} error={errors.timeZone} key={values?.timeZone}>
                {timeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </SelectField>
            </div>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save'}
            </Button>
          </>
        )}
      </ActionForm>
    </Card>
  )
}
