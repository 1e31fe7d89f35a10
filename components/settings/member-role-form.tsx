'use client'
import { useActionState } from 'react'
import { changeRoleAction } from '@/app/(app)/[orgSlug]/settings/members/actions'
import { Button } from '@/components/ui/button'
import { ROLES, roleLabels, type Role } from '@/lib/permissions'

export function MemberRoleForm({ orgSlug, membershipId, name, role }: { orgSlug: string; membershipId: string; name: string; role: Role }) {
  const [state, action, pending] = useActionState(changeRoleAction, null)
  const error = state && !state.ok ? (state.formError ?? state.fieldErrors?.role?.[0]) : undefined
  const errorId = `role-error-${membershipId}`
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        Role of {name}
      </label>
      {/* key: React resets the form after the action, and a select goes back to the option
          selected when it mounted; remounting with the saved role shows that one */}
      <select
        key={role}
        id={`role-${membershipId}`}
        name="role"
        defaultValue={role}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save
      </Button>
      {state?.ok ? <span role="status" className="text-xs text-success">{state.message}</span> : null}
      {error ? (
        <span id={errorId} role="alert" className="w-full text-xs text-danger">
          {error}
        </span>
      ) : null}
    </form>
  )
}
