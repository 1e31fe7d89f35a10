'use client'
import { useActionState } from 'react'
import { inviteMemberAction } from '@/app/(app)/[orgSlug]/settings/members/actions'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { ROLES, roleLabels } from '@/lib/permissions'

export function InviteMemberForm({ orgSlug }: { orgSlug: string }) {
  const [state, action, pending] = useActionState(inviteMemberAction, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Invite a member</h2>
      <p className="mt-1 text-sm text-ink-soft">They sign in with this email and first password.</p>
      <form action={action} className="mt-4 space-y-3" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <FormError message={failed?.formError} />
        {state?.ok ? (
          <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-sm text-success">
            {state.message}
          </p>
        ) : null}
        {/* key: the inputs keep what was typed after an error and clear after a success */}
        <div key={state?.ok ? `ok-${state.data.email}` : 'form'} className="space-y-3">
          <TextField label="Name" name="name" required defaultValue={values?.name} error={failed?.fieldErrors?.name} />
          <TextField label="Email" name="email" type="email" required defaultValue={values?.email} error={failed?.fieldErrors?.email} />
          {/* key: React resets the form after the action, and a select goes back to the option
              selected when it mounted; remounting keeps the role that was chosen */}
          <SelectField key={values?.role ?? 'SALES'} label="Role" name="role" defaultValue={values?.role ?? 'SALES'} error={failed?.fieldErrors?.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="First password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters. Ignored if the email already has an account."
            error={failed?.fieldErrors?.password}
          />
        </div>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? 'Inviting…' : 'Invite member'}
        </Button>
      </form>
    </Card>
  )
}
