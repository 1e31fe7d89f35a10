import { z } from 'zod'
import { isDay } from '@/lib/dates'

export const TASK_PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const
export type TaskPriority = (typeof TASK_PRIORITIES)[number]
export const priorityLabels: Record<TaskPriority, string> = { NONE: 'No priority', LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', URGENT: 'Urgent' }

const blankToNull = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? null : v)
const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v)

export const TaskDay = z.string().refine(isDay, 'Enter a date like 2026-12-31.')
const Title = z.string().trim().min(1, 'Give the task a title.').max(300, 'Keep the title under 300 characters.')
const Description = z.string().max(20_000, 'Keep the description under 20,000 characters.')

/** Hours as typed ("1.5", "2,5"), stored as whole minutes; empty clears the estimate. */
export const EstimateHours = z.preprocess(
  (v) => {
    if (v === null || v === undefined) return v
    if (typeof v === 'number') return v
    const text = String(v).trim().replace(',', '.')
    return text === '' ? null : Number(text)
  },
  z
    .number({ error: 'Enter the estimate in hours, like 1.5.' })
    .min(0, 'Enter the estimate in hours, like 1.5.')
    .max(10_000, 'Keep the estimate under 10,000 hours.')
    .refine((n) => Number.isFinite(n), 'Enter the estimate in hours, like 1.5.')
    .nullable(),
)

export const hoursToMinutes = (hours: number) => Math.round(hours * 60)

export const CreateTaskInput = z.object({
  projectId: z.uuid(),
  columnId: z.uuid(),
  title: Title,
  description: z.preprocess(blankToUndefined, Description.optional()),
  milestoneId: z.preprocess(blankToUndefined, z.uuid().optional()),
  assigneeId: z.preprocess(blankToUndefined, z.uuid().optional()),
  startOn: z.preprocess(blankToUndefined, TaskDay.optional()),
  dueOn: z.preprocess(blankToUndefined, TaskDay.optional()),
  priority: z.enum(TASK_PRIORITIES).default('NONE'),
})
export type CreateTaskInput = z.infer<typeof CreateTaskInput>

/**
 * One or more fields of a task (the drawer saves one at a time). An absent key leaves the
 * field as it is; an empty value clears it (description, assignee, dates, milestone, estimate).
 */
export const UpdateTaskInput = z.object({
  taskId: z.uuid(),
  title: Title.optional(),
  description: z.preprocess(blankToNull, Description.nullable().optional()),
  assigneeId: z.preprocess(blankToNull, z.uuid('Choose a person.').nullable().optional()),
  startOn: z.preprocess(blankToNull, TaskDay.nullable().optional()),
  dueOn: z.preprocess(blankToNull, TaskDay.nullable().optional()),
  milestoneId: z.preprocess(blankToNull, z.uuid('Choose a milestone.').nullable().optional()),
  estimateHours: EstimateHours.optional(),
  priority: z.enum(TASK_PRIORITIES, 'Choose a priority.').optional(),
})
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>

export const TaskIdInput = z.object({ taskId: z.uuid() })
export type TaskIdInput = z.infer<typeof TaskIdInput>

export const SetTaskDoneInput = z.object({
  taskId: z.uuid(),
  done: z.boolean(),
  /** the version the user saw; absent: no concurrency check (a checkbox in My work) */
  version: z.coerce.number().int().min(1).optional(),
  /** complete (or start) even though a blocker is still open; logged */
  override: z.boolean().optional(),
})
export type SetTaskDoneInput = z.infer<typeof SetTaskDoneInput>
