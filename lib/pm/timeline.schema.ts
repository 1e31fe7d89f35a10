import { z } from 'zod'

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v)

/** The timeline's URL: `?zoom=day|week` (none: chosen from the project's length) and `?view=table` for the table alternative. */
export const TimelineSearch = z.object({
  zoom: z.preprocess(first, z.enum(['day', 'week']).optional().catch(undefined)),
  view: z.preprocess(first, z.enum(['chart', 'table']).catch('chart')).default('chart'),
})
export type TimelineSearch = z.infer<typeof TimelineSearch>
