'use client'
import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { toast } from 'sonner'
import { Plus } from 'lucide-react'
import { createProjectAction } from '@/app/(app)/[orgSlug]/projects/actions'
import { CompanyPickerField } from '@/components/crm/company-combobox'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import type { NewProjectOptions } from '@/lib/pm/new-project-options'
import { ROLE_FIELD } from '@/lib/pm/create-project.schema'

const BLANK = ''

/**
 * "New project": a name, a template (its current version) or a blank board, the kickoff, the
 * owner, the company, and a person for each role the template uses (the role's default person
 * unless someone else is chosen). Creating opens the new project.
 */
export function NewProjectDialog({ orgSlug, options, me, today }: { orgSlug: string; options: NewProjectOptions; me: string; today: string }) {
  const [open, setOpen] = useState(false)
  const router = useRouter()
  const defaultTemplate = options.templates.find((t) => t.isDefault) ?? options.templates[0]
  const [versionId, setVersionId] = useState(defaultTemplate?.versionId ?? BLANK)
  const template = options.templates.find((t) => t.versionId === versionId)
  const nameOf = (userId: string | null) => options.people.find((p) => p.id === userId)?.name

  const [state, action, pending] = useActionState(async (previous: Parameters<typeof createProjectAction>[0], form: FormData) => {
    const result = await createProjectAction(previous, form)
    if (result.ok) {
      setOpen(false)
      toast.success(result.message)
      router.push(`/${orgSlug}/projects/${result.data.id}`)
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values
  const errors = failed?.fieldErrors ?? {}

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New project"
      description="Build it from a template: every task gets real dates from the kickoff, and each role's tasks go to the person you pick."
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden /> New project
        </Button>
      }
    >
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <FormError message={failed?.formError} />
        <TextField label="Name" name="name" required defaultValue={values?.name} error={errors.name} placeholder="Northwind onboarding" autoFocus />
        <SelectField
          label="Template"
          name="templateVersionId"
          value={versionId}
          onChange={(e) => setVersionId(e.target.value)}
          error={errors.templateVersionId}
          hint={template ? `Version ${template.version} · ${template.taskCount} tasks` : 'An empty board with the default columns.'}
        >
          {options.templates.map((t) => (
            <option key={t.versionId} value={t.versionId}>
              {t.name}
              {t.isDefault ? ' (default)' : ''}
            </option>
          ))}
          <option value={BLANK}>Blank project (no template)</option>
        </SelectField>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Kickoff" name="kickoffOn" type="date" required defaultValue={values?.kickoffOn ?? today} error={errors.kickoffOn} />
          <SelectField label="Owner" name="ownerId" defaultValue={values?.ownerId ?? me} error={errors.ownerId} key={`owner-${values?.ownerId}`}>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
        {template ? null : (
          <TextField label="Target go-live (optional)" name="targetGoLiveOn" type="date" defaultValue={values?.targetGoLiveOn} error={errors.targetGoLiveOn} />
        )}
        <CompanyPickerField label="Company" name="companyId" orgSlug={orgSlug} error={errors.companyId} />
        {template && (template.roles.length > 0 || template.hasDealOwnerTasks) ? (
          <fieldset className="space-y-3 rounded-md border border-line p-3" data-testid="role-pickers">
            <legend className="px-1 text-sm font-medium">People for the template’s roles</legend>
            {template.roles.map((role) => {
              const field = `${ROLE_FIELD}${role.id}`
              const fallback = nameOf(role.defaultUserId)
              return (
                <SelectField key={`${template.versionId}-${role.id}`} label={role.name} name={field} defaultValue={values?.[field] ?? ''} error={errors[field] ?? errors.roleAssignments}>
                  <option value="">{fallback ? `${fallback} (role default)` : 'Nobody yet: its tasks wait unassigned'}</option>
                  {options.people
                    .filter((p) => p.id !== role.defaultUserId)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </SelectField>
              )
            })}
            {template.hasDealOwnerTasks ? (
              <SelectField label="Deal owner (sales hand-over tasks)" name="dealOwnerId" defaultValue={values?.dealOwnerId ?? ''} error={errors.dealOwnerId}>
                <option value="">Nobody: those tasks wait unassigned</option>
                {options.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </fieldset>
        ) : null}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create project'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
