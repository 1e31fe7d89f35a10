import type { ActionResult } from '@/lib/action'
import type { DrawerChange } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { TaskDetail } from '@/lib/pm/task-detail'

/**
 * What a drawer section gets: the task, and `apply`, which takes an action's answer, shows
 * the fresh task (and refreshes its card on the board) and returns the error message to show
 * next to the field, if any.
 */
export type SectionProps = {
  orgSlug: string
  detail: TaskDetail
  apply: (result: ActionResult<DrawerChange>, field?: string) => string | undefined
}

export function errorOf(result: ActionResult<unknown>, field?: string): string | undefined {
  if (result.ok) return undefined
  const fields = result.fieldErrors ?? {}
  return (field ? fields[field]?.[0] : undefined) ?? result.formError ?? Object.values(fields).find((m) => m?.length)?.[0] ?? 'That did not work. Try again.'
}
