import { z } from 'zod'
import { DayInput } from '@/lib/crm/deals.schema'
import { BriefText, ProjectName } from '@/lib/pm/create-project.schema'
import { PROJECT_STATUSES } from '@/lib/pm/projects.schema'

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)

/**
 * An edit of one or more fields of a project (the header saves one at a time). An absent key
 * leaves the field as it is; an empty company or brief clears it. The kickoff moves through
 * the re-date (redate.ts), which offers to move the open tasks with it.
 */
export const UpdateProjectInput = z.object({
  projectId: z.uuid(),
  /** the version the user saw; a different one means someone else changed the project */
  version: z.coerce.number().int().min(1),
  name: ProjectName.optional(),
  status: z.enum(PROJECT_STATUSES, 'Choose a status.').optional(),
  ownerId: z.uuid('Choose an owner.').optional(),
  companyId: z.preprocess(blankToNull, z.uuid('Choose a company.').nullable().optional()),
  targetGoLiveOn: DayInput.optional(),
  brief: z.preprocess(blankToNull, BriefText.nullable().optional()),
})
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>

export const ProjectIdInput = z.object({ projectId: z.uuid() })
export type ProjectIdInput = z.infer<typeof ProjectIdInput>
