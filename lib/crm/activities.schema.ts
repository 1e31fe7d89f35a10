import { z } from 'zod'
import { isDay } from '@/lib/dates'

export const ACTIVITY_KINDS = ['NOTE', 'CALL', 'EMAIL', 'MEETING', 'TASK'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const activityKindLabels: Record<ActivityKind, string> = {
  NOTE: 'Note',
  CALL: 'Call',
  EMAIL: 'Email',
  MEETING: 'Meeting',
  TASK: 'Task',
}

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const optionalId = z.preprocess(blankToUndefined, z.uuid().optional())
const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, tooLong).optional())
const optionalDay = z.preprocess(blankToUndefined, z.string().refine(isDay, 'Enter a date like 2026-12-31.').optional())

/** Where an activity is logged: a deal, a contact and/or a company (at least one). */
export const ActivityTarget = z.object({ dealId: optionalId, contactId: optionalId, companyId: optionalId })
export type ActivityTarget = z.infer<typeof ActivityTarget>

/**
 * One input for every kind, checked per kind so each message lands next to its field:
 * a note needs its text, a call its notes, an email and a meeting a subject, a task a
 * title and a due date. `occurredOn` (calls, emails, meetings) defaults to today.
 */
export const AddActivityFields = ActivityTarget.extend({
  kind: z.enum(ACTIVITY_KINDS, 'Choose what to log.'),
  subject: optionalText(200, 'Keep it under 200 characters.'),
  body: optionalText(10_000, 'Keep it under 10,000 characters.'),
  occurredOn: optionalDay,
  dueOn: optionalDay,
  assigneeId: optionalId,
})

/** The per-kind rules; separate so an action can extend the fields (zod cannot extend a refined object). */
export function checkActivity(input: z.infer<typeof AddActivityFields>, ctx: z.RefinementCtx) {
  const need = (path: 'subject' | 'body' | 'dueOn', message: string) => {
    if (!input[path]) ctx.addIssue({ code: 'custom', path: [path], message })
  }
  if (input.kind === 'NOTE') need('body', 'Write the note.')
  if (input.kind === 'CALL') need('body', 'Write what was said on the call.')
  if (input.kind === 'EMAIL') need('subject', 'Give the email a subject.')
  if (input.kind === 'MEETING') need('subject', 'Give the meeting a title.')
  if (input.kind === 'TASK') {
    need('subject', 'Give the task a title.')
    need('dueOn', 'Choose a due date.')
  }
  if (!input.dealId && !input.contactId && !input.companyId) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Log the activity on a deal, a contact or a company.' })
  }
}

export const AddActivityInput = AddActivityFields.superRefine(checkActivity)
export type AddActivityInput = z.infer<typeof AddActivityInput>

export const SetTaskDoneInput = z.object({
  activityId: z.uuid(),
  /** FormData sends strings: "true"/"false" */
  done: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
})
export type SetTaskDoneInput = z.infer<typeof SetTaskDoneInput>
