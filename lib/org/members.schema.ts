import { z } from 'zod'
import { ROLES } from '@/lib/permissions'

export const InviteMemberInput = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name.').max(120, 'Keep the name under 120 characters.'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  password: z.string().min(10, 'The first password needs at least 10 characters.').max(200),
})
export type InviteMemberInput = z.infer<typeof InviteMemberInput>

export const ChangeRoleInput = z.object({
  membershipId: z.uuid('Unknown member.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
})
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>
