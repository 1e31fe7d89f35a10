import { z } from 'zod'

export const LANES = ['milestone', 'assignee'] as const
export type Lanes = (typeof LANES)[number]

const id = z.uuid()

/** The board's URL: filters, swimlanes and the open task (the drawer). Bad values are ignored. */
export const BoardSearch = z.object({
  /** "me", "unassigned" or a user id */
  assignee: z.union([z.literal('me'), z.literal('unassigned'), id]).optional().catch(undefined),
  overdue: z.preprocess((v) => (v === '1' || v === 'true' ? true : undefined), z.literal(true).optional()).catch(undefined),
  /** "none" or a milestone id */
  milestone: z.union([z.literal('none'), id]).optional().catch(undefined),
  lanes: z.enum(LANES).optional().catch(undefined),
  task: id.optional().catch(undefined),
})
export type BoardSearch = z.infer<typeof BoardSearch>

export type BoardFilters = Pick<BoardSearch, 'assignee' | 'overdue' | 'milestone'>
