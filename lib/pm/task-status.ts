// Pure rules about a task's dates, shared by services and components.
import type { Day } from '@/lib/dates'

/** Open and its due date has passed (today in the organization's time zone). */
export function isOverdue(task: { done: boolean; dueOn: Day | null }, today: Day): boolean {
  return !task.done && task.dueOn !== null && task.dueOn < today
}

/**
 * Completed after its first due date. The baseline never moves, so moving the due date
 * later does not make a late task on time; without a baseline the task was never due.
 */
export function isDoneLate(task: { completedOn: Day | null; baselineDueOn: Day | null }): boolean {
  return task.completedOn !== null && task.baselineDueOn !== null && task.completedOn > task.baselineDueOn
}
