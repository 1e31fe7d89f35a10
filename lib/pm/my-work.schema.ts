import { z } from 'zod'

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)

/** Sections of My work whose rows can all be shown (`?all=later`); the others show their first few. */
export const MY_WORK_SECTIONS = ['overdue', 'today', 'week', 'later', 'none', 'done'] as const
export type MyWorkSection = (typeof MY_WORK_SECTIONS)[number]

/** Rows a section of the page shows before "Show all" */
export const MY_WORK_SHOWN = 25

/** The page's URL: `?person=<userId>` (MANAGER and ADMIN look at someone else's work), `?all=<section>`. */
export const MyWorkSearch = z.object({
  person: z.preprocess((v) => blankToUndefined(Array.isArray(v) ? v[0] : v), z.uuid('Choose a person from the list.').optional()),
  all: z.enum(MY_WORK_SECTIONS).optional().catch(undefined),
})
export type MyWorkSearch = z.infer<typeof MyWorkSearch>

export const MY_WORK_SOURCES = ['project', 'crm'] as const
export type MyWorkSource = (typeof MY_WORK_SOURCES)[number]

/**
 * Ticking an item of My work: a project task (`source: 'project'`) or a sales follow-up
 * (`source: 'crm'`). `override` completes a project task whose blocker is still open.
 */
export const SetMyWorkDoneInput = z.object({
  source: z.enum(MY_WORK_SOURCES),
  id: z.uuid(),
  /** FormData sends strings: "true"/"false" */
  done: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  override: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
})
export type SetMyWorkDoneInput = z.infer<typeof SetMyWorkDoneInput>
