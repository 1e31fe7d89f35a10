'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { toast } from 'sonner'
import { UserPlus, X } from 'lucide-react'
import { addProjectMemberAction, removeProjectMemberAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { ActionForm } from '@/components/ui/action-form'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { SelectField } from '@/components/ui/field'
import type { MemberGroup } from '@/lib/pm/projects'

type Option = { value: string; label: string }

/** Who works on the project, by role: add a person (optionally handing them the role's open tasks), remove one. */
export function MembersEditor({
  orgSlug,
  projectId,
  groups,
  people,
  roles,
  unfilledRoleIds,
  canWrite,
}: {
  orgSlug: string
  projectId: string
  groups: MemberGroup[]
  people: Option[]
  roles: Option[]
  unfilledRoleIds: string[]
  canWrite: boolean
}) {
  const router = useRouter()
  const [pending, start] = useTransition()
  const remove = (memberId: string, name: string) =>
    start(async () => {
      const result = await removeProjectMemberAction({ orgSlug, projectId, memberId })
      if (!result.ok) return void toast.error(result.formError ?? 'Not removed.')
      toast.success(`${name} removed from the project.`)
      router.refresh()
    })

  return (
    <Card className="p-5" id="members" data-testid="members-editor">
      <h2 className="text-base font-semibold">Members</h2>
      {groups.length ? (
        <ul className="mt-3 divide-y divide-line">
          {groups.flatMap((group) =>
            group.people.map((p) => (
              <li key={p.memberId} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span className="flex min-w-0 items-center gap-2">
                  <Avatar id={p.userId} name={p.name} />
                  <span className="truncate">{p.name}</span>
                  <span className="truncate text-ink-soft">{group.role?.name ?? 'Member'}</span>
                </span>
                {canWrite ? (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => remove(p.memberId, p.name)}
                    className="rounded p-1 text-ink-soft hover:bg-muted hover:text-danger"
                    aria-label={`Remove ${p.name}${group.role ? ` as ${group.role.name}` : ''}`}
                  >
                    <X className="size-4" aria-hidden />
                  </button>
                ) : null}
              </li>
            )),
          )}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-ink-soft">Nobody yet.</p>
      )}
      {canWrite ? (
        <ActionForm action={addProjectMemberAction} hidden={{ orgSlug, projectId }} className="mt-4 space-y-3 border-t border-line pt-4" label="Add a member">
          {({ errors, values, pending: adding, done }) => (
            <>
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField label="Person" name="userId" defaultValue={values?.userId ?? ''} error={errors.userId} key={`user-${done}-${values?.userId}`}>
                  <option value="" disabled>
                    Choose a person
                  </option>
                  {people.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField label="Role" name="roleId" defaultValue={values?.roleId ?? unfilledRoleIds[0] ?? ''} error={errors.roleId} key={`role-${done}-${values?.roleId}`}>
                  <option value="">No role</option>
                  {roles.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                      {unfilledRoleIds.includes(r.value) ? ' (unfilled)' : ''}
                    </option>
                  ))}
                </SelectField>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="assignOpenTasks" defaultChecked key={`assign-${done}`} />
                Give them the role’s open tasks that nobody has
              </label>
              <div className="flex justify-end">
                <Button type="submit" size="sm" disabled={adding}>
                  <UserPlus className="size-4" aria-hidden /> {adding ? 'Adding…' : 'Add member'}
                </Button>
              </div>
            </>
          )}
        </ActionForm>
      ) : null}
    </Card>
  )
}
