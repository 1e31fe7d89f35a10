'use client'
import { ArchiveRestore, ArrowDown, ArrowUp } from 'lucide-react'
import {
  archiveProjectRoleAction,
  createProjectRoleAction,
  moveProjectRoleAction,
  restoreProjectRoleAction,
  updateProjectRoleAction,
} from '@/app/(app)/[orgSlug]/settings/project-roles/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { SelectField, TextField } from '@/components/ui/field'
import type { ProjectRoleDto } from '@/lib/pm/project-roles'

type Person = { id: string; name: string }

function PersonOptions({ people }: { people: Person[] }) {
  return (
    <>
      <option value="">No default person</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>{p.name}</option>
      ))}
    </>
  )
}

function MoveButton({ orgSlug, role, direction, disabled }: { orgSlug: string; role: ProjectRoleDto; direction: 'up' | 'down'; disabled: boolean }) {
  const Icon = direction === 'up' ? ArrowUp : ArrowDown
  return (
    <ActionForm action={moveProjectRoleAction} hidden={{ orgSlug, roleId: role.id, direction }}>
      {({ pending }) => (
        <Button type="submit" size="sm" variant="ghost" className="px-2" disabled={disabled || pending} aria-label={`Move ${role.name} ${direction}`}>
          <Icon className="size-4" aria-hidden />
        </Button>
      )}
    </ActionForm>
  )
}

export function ProjectRolesEditor({ orgSlug, roles, people }: { orgSlug: string; roles: ProjectRoleDto[]; people: Person[] }) {
  const live = roles.filter((r) => !r.archived)
  const archived = roles.filter((r) => r.archived)
  return (
    <div className="max-w-4xl space-y-6">
      <Card className="p-5">
        <p className="text-sm text-ink-soft">
          Roles are the people a project needs, such as “Implementation lead”. Template tasks are assigned to a role; when a project is
          created, each role is filled with a person, the role’s default person unless someone else is chosen.
        </p>
        {live.length ? (
          <div className="mt-4 flex gap-2 text-xs uppercase tracking-wide text-ink-soft" aria-hidden>
            <span className="w-[4.5rem]">Order</span>
            <span className="flex-1">Role</span>
            <span className="w-56">Default person</span>
            <span className="w-[9.25rem]" />
          </div>
        ) : (
          <p className="mt-4 rounded-md border border-dashed border-line px-4 py-6 text-center text-sm text-ink-soft">No roles yet. Add the first one below.</p>
        )}
        <ul className="divide-y divide-line" aria-label="Project roles">
          {live.map((role, index) => (
            <li key={role.id} className="flex items-start gap-2 py-2" data-testid="project-role" data-role={role.name}>
              <div className="flex w-[4.5rem] pt-0.5">
                <MoveButton orgSlug={orgSlug} role={role} direction="up" disabled={index === 0} />
                <MoveButton orgSlug={orgSlug} role={role} direction="down" disabled={index === live.length - 1} />
              </div>
              <ActionForm action={updateProjectRoleAction} hidden={{ orgSlug, roleId: role.id }} className="flex flex-1 items-start gap-2" label={`Edit ${role.name}`}>
                {({ errors, values, pending }) => (
                  <>
                    <div className="flex-1">
                      <TextField label={`Name of ${role.name}`} name="name" defaultValue={values?.name ?? role.name} error={errors.name} className="[&_label]:sr-only" />
                      {role.templateCount ? (
                        <p className="mt-1 text-xs text-ink-soft">
                          Used in {role.templateCount} {role.templateCount === 1 ? 'template' : 'templates'}
                        </p>
                      ) : null}
                    </div>
                    <SelectField
                      label={`Default person for ${role.name}`}
                      name="defaultUserId"
                      defaultValue={values?.defaultUserId ?? role.defaultUser?.id ?? ''}
                      error={errors.defaultUserId}
                      className="w-56 [&_label]:sr-only"
                      key={`${role.defaultUser?.id}-${values?.defaultUserId}`}
                    >
                      <PersonOptions people={people} />
                    </SelectField>
                    <Button type="submit" size="sm" variant="secondary" disabled={pending} className="mt-0.5">Save</Button>
                  </>
                )}
              </ActionForm>
              <ActionForm action={archiveProjectRoleAction} hidden={{ orgSlug, roleId: role.id }}>
                {({ pending }) => (
                  <Button type="submit" size="sm" variant="ghost" disabled={pending} className="mt-0.5" aria-label={`Archive ${role.name}`}>Archive</Button>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
        <ActionForm action={createProjectRoleAction} hidden={{ orgSlug }} className="mt-4 border-t border-line pt-4" label="Add a role">
          {({ errors, values, pending, done }) => (
            <div key={done} className="flex flex-wrap items-start gap-2">
              <TextField label="New role" name="name" placeholder="e.g. Solutions engineer" defaultValue={values?.name} error={errors.name} className="min-w-56 flex-1" />
              <SelectField label="Default person" name="defaultUserId" defaultValue={values?.defaultUserId ?? ''} error={errors.defaultUserId} className="w-56">
                <PersonOptions people={people} />
              </SelectField>
              <Button type="submit" size="sm" disabled={pending} className="mt-6">Add role</Button>
            </div>
          )}
        </ActionForm>
      </Card>
      {archived.length ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Archived roles</h2>
          <p className="mt-1 text-sm text-ink-soft">Kept on the templates and projects that use them, no longer offered for new tasks.</p>
          <ul className="mt-3 divide-y divide-line">
            {archived.map((role) => (
              <li key={role.id} className="flex items-center justify-between gap-2 py-2" data-testid="archived-role">
                <span className="text-sm">
                  {role.name} {role.templateCount ? <Badge className="ml-2">{role.templateCount} templates</Badge> : null}
                </span>
                <ActionForm action={restoreProjectRoleAction} hidden={{ orgSlug, roleId: role.id }}>
                  {({ pending }) => (
                    <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Restore ${role.name}`}>
                      <ArchiveRestore className="size-4" aria-hidden /> Restore
                    </Button>
                  )}
                </ActionForm>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
