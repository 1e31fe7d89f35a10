import { z } from 'zod'
import { DayInput } from '@/lib/crm/deals.schema'
import { PROJECT_STATUSES } from '@/lib/pm/projects.schema'

const blank = (v: unknown) => (v === '' || v === null ? undefined : v)
const optionalId = (message: string) => z.preprocess(blank, z.uuid(message).optional())
const optionalDay = z.preprocess(blank, DayInput.optional())

export const ProjectName = z.string().trim().min(1, 'Give the project a name.').max(200, 'Keep the name under 200 characters.')
export const BriefText = z.string().max(20_000, 'Keep the brief under 20,000 characters.')

const common = {
  name: ProjectName,
  kickoffOn: DayInput,
  ownerId: optionalId('Choose an owner.'),
  companyId: optionalId('Choose a company.'),
  brief: z.preprocess(blank, BriefText.optional()),
  status: z.preprocess(blank, z.enum(PROJECT_STATUSES).optional()),
}

/**
 * A project built from a template version, by hand (the new-project dialog) or from a won deal
 * (the handoff). `roleAssignments` maps a project role to the person who fills it; a role left
 * out falls back to the role's default person, else it stays unfilled.
 */
export const CreateProjectInput = z.object({
  ...common,
  templateVersionId: z.uuid('Choose a template.'),
  /** anchor of the template's CLOSE offsets; defaults to the kickoff */
  closeOn: optionalDay,
  sourceDealId: optionalId('That deal was not found.'),
  /** fills the template's "deal owner" tasks */
  dealOwnerId: optionalId('Choose a person.'),
  roleAssignments: z.record(z.uuid(), z.uuid('Choose a person.')).default({}),
})
export type CreateProjectInput = z.infer<typeof CreateProjectInput>

export const CreateBlankProjectInput = z.object({
  ...common,
  targetGoLiveOn: optionalDay,
})
export type CreateBlankProjectInput = z.infer<typeof CreateBlankProjectInput>

/** Form fields named `role:<roleId>` hold the person chosen for that role ('' = the default). */
export const ROLE_FIELD = 'role:'

export function collectRoleFields(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw
  const roleAssignments: Record<string, string> = {}
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith(ROLE_FIELD)) {
      if (typeof value === 'string' && value !== '') roleAssignments[key.slice(ROLE_FIELD.length)] = value
    } else rest[key] = value
  }
  return { ...rest, roleAssignments }
}

/**
 * The new-project dialog's fields: with a template version it builds from the template,
 * without one it makes a blank project (then the target go-live may be given).
 */
export const NewProjectFields = CreateProjectInput.extend({
  templateVersionId: z.preprocess(blank, z.uuid('Choose a template.').optional()),
  targetGoLiveOn: optionalDay,
})
export type NewProjectFields = z.infer<typeof NewProjectFields>
