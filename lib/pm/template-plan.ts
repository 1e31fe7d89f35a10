// A template version laid out on real dates: what a new project gets (milestones and tasks
// with start, due and baseline dates, roles, dependencies). Pure; used by project creation,
// the handoff and the template editor's preview.
import { addBusinessDays, addDays, type Day } from '@/lib/dates'
import type { TaskPriority } from '@/lib/generated/prisma/enums'
import { scheduleTemplate, type Anchor } from '@/lib/pm/schedule'

export type TemplateMilestoneSpec = { id: string; name: string; anchor: Anchor; offsetDays: number; businessDays: boolean; position: number }

export type TemplateTaskContent = {
  id: string
  milestoneId: string | null
  title: string
  description: string | null
  anchor: Anchor
  offsetDays: number
  durationDays: number
  businessDays: boolean
  roleId: string | null
  assignDealOwner: boolean
  estimateMinutes: number | null
  priority: TaskPriority
  checklist: string[]
  position: number
}

export type TemplateContent = {
  leadTimeDays: number
  leadTimeBusinessDays: boolean
  defaultDurationDays: number
  milestones: TemplateMilestoneSpec[]
  tasks: TemplateTaskContent[]
  dependencies: { blockerId: string; blockedId: string }[]
}

export type PlannedMilestone = { templateMilestoneId: string; name: string; dueOn: Day; position: number }
export type PlannedTask = Omit<TemplateTaskContent, 'id' | 'anchor' | 'offsetDays' | 'durationDays' | 'businessDays' | 'position'> & {
  templateTaskId: string
  startOn: Day
  dueOn: Day
  position: number
}
export type ProjectPlan = {
  kickoffOn: Day
  targetGoLiveOn: Day
  milestones: PlannedMilestone[]
  tasks: PlannedTask[]
  dependencies: { blockerId: string; blockedId: string }[]
}

/** The kickoff a template proposes for a deal closed on `closeOn` (close + lead time). */
export function proposedKickoff(content: Pick<TemplateContent, 'leadTimeDays' | 'leadTimeBusinessDays'>, closeOn: Day, holidays: ReadonlySet<Day> = new Set()): Day {
  return content.leadTimeBusinessDays ? addBusinessDays(closeOn, content.leadTimeDays, holidays) : addDays(closeOn, content.leadTimeDays)
}

/**
 * Dates of every milestone and task. `closeOn` defaults to the kickoff (a project made by
 * hand has no close date). The target go-live is the latest of the kickoff + default
 * duration and the last due date.
 */
export function planProject(content: TemplateContent, anchors: { kickoffOn: Day; closeOn?: Day }, holidays: ReadonlySet<Day> = new Set()): ProjectPlan {
  const dates = { KICKOFF: anchors.kickoffOn, CLOSE: anchors.closeOn ?? anchors.kickoffOn }
  const ordered = [...content.tasks].sort((a, b) => a.position - b.position)
  const schedule = new Map(
    scheduleTemplate(
      ordered.map((t) => ({ key: t.id, title: t.title, anchor: t.anchor, offsetDays: t.offsetDays, durationDays: t.durationDays, businessDays: t.businessDays, dependsOn: [] })),
      dates,
      holidays,
    ).map((s) => [s.key, s]),
  )
  const milestones = [...content.milestones]
    .sort((a, b) => a.position - b.position)
    .map((m, index) => ({
      templateMilestoneId: m.id,
      name: m.name,
      dueOn: m.businessDays ? addBusinessDays(dates[m.anchor], m.offsetDays, holidays) : addDays(dates[m.anchor], m.offsetDays),
      position: (index + 1) * 1000,
    }))
  const tasks = ordered.map((t, index): PlannedTask => {
    const { id, anchor: _a, offsetDays: _o, durationDays: _d, businessDays: _b, position: _p, ...rest } = t
    const { startOn, dueOn } = schedule.get(id)!
    return { ...rest, templateTaskId: id, startOn, dueOn, position: (index + 1) * 1000 }
  })
  const last = [...tasks.map((t) => t.dueOn), ...milestones.map((m) => m.dueOn)].sort().at(-1)
  const byDuration = addDays(anchors.kickoffOn, content.defaultDurationDays)
  const targetGoLiveOn = last && last > byDuration ? last : byDuration
  return { kickoffOn: anchors.kickoffOn, targetGoLiveOn, milestones, tasks, dependencies: content.dependencies }
}
