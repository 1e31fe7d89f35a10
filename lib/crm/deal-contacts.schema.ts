import { z } from 'zod'

export const DEAL_CONTACT_ROLES = ['DECISION_MAKER', 'CHAMPION', 'BILLING', 'TECHNICAL', 'USER'] as const
export type DealContactRole = (typeof DEAL_CONTACT_ROLES)[number]

export const dealContactRoleLabels: Record<DealContactRole, string> = {
  DECISION_MAKER: 'Decision maker',
  CHAMPION: 'Champion',
  BILLING: 'Billing',
  TECHNICAL: 'Technical',
  USER: 'User',
}

const role = z.enum(DEAL_CONTACT_ROLES, 'Choose a role.')

export const AddDealContactInput = z.object({
  dealId: z.uuid(),
  contactId: z.uuid('Pick a contact from the search results.'),
  role,
})
export type AddDealContactInput = z.infer<typeof AddDealContactInput>

export const ChangeDealContactRoleInput = z.object({ dealId: z.uuid(), contactId: z.uuid(), role })
export type ChangeDealContactRoleInput = z.infer<typeof ChangeDealContactRoleInput>

export const RemoveDealContactInput = z.object({ dealId: z.uuid(), contactId: z.uuid() })
export type RemoveDealContactInput = z.infer<typeof RemoveDealContactInput>

export const SearchContactsInput = z.object({
  q: z.string().trim().max(100, 'Search with fewer than 100 characters.'),
  /** leave out the contacts already on this deal */
  excludeDealId: z.uuid().optional(),
})
export type SearchContactsInput = z.infer<typeof SearchContactsInput>
