import { z } from 'zod'
import { ANCHORS, LIMITS, PRIORITIES } from '@/lib/pm/template-draft'

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional())
const templateName = z.string().trim().min(1, 'Give the template a name.').max(LIMITS.name, `Keep it under ${LIMITS.name} characters.`)

export const CreateTemplateInput = z.object({
  name: templateName,
  /** start from a copy of this template's current version (else empty) */
  copyFromTemplateId: optionalId,
})
export type CreateTemplateInput = z.infer<typeof CreateTemplateInput>

export const RenameTemplateInput = z.object({ templateId: z.uuid(), name: templateName })
export type RenameTemplateInput = z.infer<typeof RenameTemplateInput>

export const TemplateIdInput = z.object({ templateId: z.uuid() })
export const SetDefaultTemplateInput = z.object({ templateId: z.uuid(), isDefault: z.enum(['true', 'false']).transform((v) => v === 'true') })

// Saving the editor: the whole content of the next version. The editor checks the same
// rules first (lib/pm/template-draft.ts draftProblems) and shows them next to each task;
// this schema is the structural guard for what reaches the server.
const key = z.string().min(1).max(64)
const days = (min: number, max: number) => z.number().int().min(min).max(max)

const DraftMilestoneInput = z.object({
  key,
  name: z.string().max(200),
  anchor: z.enum(ANCHORS),
  offsetDays: days(-LIMITS.offset, LIMITS.offset),
  businessDays: z.boolean(),
})

const DraftTaskInput = z.object({
  key,
  milestoneKey: key.nullable(),
  title: z.string().max(400),
  description: z.string().max(LIMITS.description),
  anchor: z.enum(ANCHORS),
  offsetDays: days(-LIMITS.offset, LIMITS.offset),
  durationDays: days(0, LIMITS.duration),
  businessDays: z.boolean(),
  roleId: z.uuid().nullable(),
  assignDealOwner: z.boolean(),
  estimateHours: z.number().positive().max(LIMITS.estimateHours).nullable(),
  priority: z.enum(PRIORITIES),
  checklist: z.array(z.string().max(400)).max(LIMITS.checklist),
  dependsOn: z.array(key).max(LIMITS.tasks),
})

export const SaveTemplateInput = z.object({
  templateId: z.uuid(),
  /** the version the editor started from: another save meanwhile is a conflict */
  baseVersion: z.number().int().min(0),
  description: z.string().max(LIMITS.description),
  defaultDurationDays: days(1, LIMITS.defaultDuration),
  leadTimeDays: days(0, LIMITS.leadTime),
  leadTimeBusinessDays: z.boolean(),
  milestones: z.array(DraftMilestoneInput).max(LIMITS.milestones),
  tasks: z.array(DraftTaskInput).max(LIMITS.tasks),
})
export type SaveTemplateInput = z.infer<typeof SaveTemplateInput>
