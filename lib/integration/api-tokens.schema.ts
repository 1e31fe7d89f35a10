import { z } from 'zod'

export const TOKEN_LIFETIMES = ['30', '90', '365', 'never'] as const

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token after what uses it, for example “Zapier”.').max(100, 'Keep the name under 100 characters.'),
  expiresIn: z.enum(TOKEN_LIFETIMES, 'Choose when the token expires.').default('90'),
})
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>

export const ApiTokenIdInput = z.object({ id: z.uuid('Pick a token.') })
