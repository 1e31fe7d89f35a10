import { z } from 'zod'
import { BoardFilters } from '@/lib/crm/deals.schema'

/** GET /[orgSlug]/pipeline/column?stage=…&cursor=…: one column's next page, with the board's URL filters. */
export const ColumnPageQuery = BoardFilters.extend({
  stage: z.uuid('Give the stage id of the column.'),
  /** the nextCursor of the page before: "<position>_<deal id>" */
  cursor: z.string().max(100).regex(/^[^_]+_[0-9a-f-]{36}$/, 'Give the nextCursor of the page before.'),
})
export type ColumnPageQuery = z.infer<typeof ColumnPageQuery>
