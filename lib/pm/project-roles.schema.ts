import { z } from 'zod'

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional())

export const ProjectRoleInput = z.object({
  name: z.string().trim().min(1, 'Give the role a name.').max(60, 'Keep it under 60 characters.'),
  /** who fills the role when a project is created and nobody is chosen */
  defaultUserId: optionalId,
})
export type ProjectRoleInput = z.infer<typeof ProjectRoleInput>

export const UpdateProjectRoleInput = ProjectRoleInput.extend({ roleId: z.uuid() })
export type UpdateProjectRoleInput = z.infer<typeof UpdateProjectRoleInput>

export const ProjectRoleIdInput = z.object({ roleId: z.uuid() })
export const MoveProjectRoleInput = z.object({ roleId: z.uuid(), direction: z.enum(['up', 'down']) })
