import { z } from 'zod'

export const TASK_LIST_SORTS = ['due', 'assignee', 'status'] as const
export type TaskListSort = (typeof TASK_LIST_SORTS)[number]

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v)

/** The list view's URL (`?sort=assignee&dir=desc`); an unknown value falls back to the default instead of failing. */
export const TaskListSearch = z.object({
  sort: z.preprocess(first, z.enum(TASK_LIST_SORTS).catch('due')).default('due'),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).catch('asc')).default('asc'),
})
export type TaskListSearch = z.infer<typeof TaskListSearch>
