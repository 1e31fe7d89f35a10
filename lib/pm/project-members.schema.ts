import { z } from 'zod'

const blankToNull = (v: unknown) => (v === '' ? null : v)

export const AddProjectMemberInput = z.object({
  projectId: z.uuid(),
  userId: z.uuid('Choose a person.'),
  /** null: a member without a named role */
  roleId: z.preprocess(blankToNull, z.uuid('Choose a role.').nullable().default(null)),
  /** also give this person the role's open tasks that nobody has */
  assignOpenTasks: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
})
export type AddProjectMemberInput = z.infer<typeof AddProjectMemberInput>

export const RemoveProjectMemberInput = z.object({ projectId: z.uuid(), memberId: z.uuid() })
export type RemoveProjectMemberInput = z.infer<typeof RemoveProjectMemberInput>
