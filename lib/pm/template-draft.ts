// A template version as the editor holds it (a "draft"), and everything the editor and the
// save service both need: the checks with their messages, the content the preview plans
// with, and the small edits (add, move, remove a task). Pure: runs in the browser and on
// the server, so a problem shown next to a task is the one that refuses the save.
import { findCycle, validateTemplate, type Anchor } from '@/lib/pm/schedule'
import type { TemplateContent } from '@/lib/pm/template-plan'

export const ANCHORS = ['KICKOFF', 'CLOSE'] as const satisfies readonly Anchor[]
export const anchorLabels: Record<Anchor, string> = { KICKOFF: 'kickoff', CLOSE: 'close date' }

export const PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const
export type Priority = (typeof PRIORITIES)[number]
export const priorityLabels: Record<Priority, string> = { NONE: 'No priority', LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', URGENT: 'Urgent' }

/** Limits shared by the zod schema, the checks and the inputs. */
export const LIMITS = {
  offset: 1000,
  duration: 365,
  estimateHours: 1000,
  tasks: 300,
  milestones: 30,
  checklist: 50,
  title: 200,
  name: 80,
  description: 5000,
  leadTime: 180,
  defaultDuration: 1000,
} as const

export type DraftMilestone = { key: string; name: string; anchor: Anchor; offsetDays: number; businessDays: boolean }

export type DraftTask = {
  key: string
  milestoneKey: string | null
  title: string
  description: string
  anchor: Anchor
  /** days after the anchor the task starts */
  offsetDays: number
  /** working length in days (0 = starts and is due the same day) */
  durationDays: number
  businessDays: boolean
  roleId: string | null
  assignDealOwner: boolean
  estimateHours: number | null
  priority: Priority
  checklist: string[]
  /** keys of the tasks that must be done first */
  dependsOn: string[]
}

export type TemplateDraft = {
  description: string
  defaultDurationDays: number
  leadTimeDays: number
  leadTimeBusinessDays: boolean
  /** in display order */
  milestones: DraftMilestone[]
  /** in display order: grouped by milestone (milestone order), tasks without one last */
  tasks: DraftTask[]
}

/** Where a problem belongs: a task, a milestone, or the template's own fields. */
export type DraftProblem = {
  target: 'task' | 'milestone' | 'template'
  key: string
  field?: string
  message: string
  /** other tasks the problem is shown next to (every task of a dependency cycle) */
  related?: string[]
}

const isInt = (n: number) => Number.isInteger(n)

/**
 * Everything that stops a draft from being saved, each with a message meant for the spot it
 * is shown: titles, day counts, dependencies on missing tasks, dependency cycles, and tasks
 * that start before a task they wait for is due.
 */
export function draftProblems(draft: TemplateDraft, roleIds?: ReadonlySet<string>): DraftProblem[] {
  const problems: DraftProblem[] = []
  const template = (field: string, message: string) => problems.push({ target: 'template', key: 'template', field, message })
  if (!isInt(draft.leadTimeDays) || draft.leadTimeDays < 0 || draft.leadTimeDays > LIMITS.leadTime) template('leadTimeDays', `Use 0 to ${LIMITS.leadTime} days.`)
  if (!isInt(draft.defaultDurationDays) || draft.defaultDurationDays < 1 || draft.defaultDurationDays > LIMITS.defaultDuration) {
    template('defaultDurationDays', `Use 1 to ${LIMITS.defaultDuration} days.`)
  }
  if (draft.description.length > LIMITS.description) template('description', `Keep the description under ${LIMITS.description} characters.`)
  if (draft.milestones.length > LIMITS.milestones) template('milestones', `A template can have at most ${LIMITS.milestones} milestones.`)
  if (draft.tasks.length > LIMITS.tasks) template('tasks', `A template can have at most ${LIMITS.tasks} tasks.`)

  const milestoneKeys = new Set<string>()
  for (const m of draft.milestones) {
    milestoneKeys.add(m.key)
    const add = (field: string, message: string) => problems.push({ target: 'milestone', key: m.key, field, message })
    if (!m.name.trim()) add('name', 'Give the milestone a name.')
    else if (m.name.trim().length > LIMITS.name) add('name', `Keep the name under ${LIMITS.name} characters.`)
    if (!isInt(m.offsetDays) || Math.abs(m.offsetDays) > LIMITS.offset) add('offsetDays', `Use a whole number of days from -${LIMITS.offset} to ${LIMITS.offset}.`)
  }
  const names = new Map<string, number>()
  for (const m of draft.milestones) names.set(m.name.trim().toLowerCase(), (names.get(m.name.trim().toLowerCase()) ?? 0) + 1)
  for (const m of draft.milestones) {
    if (m.name.trim() && names.get(m.name.trim().toLowerCase())! > 1) problems.push({ target: 'milestone', key: m.key, field: 'name', message: 'Two milestones have this name.' })
  }

  let numbersOk = true
  for (const t of draft.tasks) {
    const add = (field: string, message: string) => problems.push({ target: 'task', key: t.key, field, message })
    const label = t.title.trim() ? `“${t.title.trim()}”` : 'This task'
    if (!t.title.trim()) add('title', 'Give the task a title.')
    else if (t.title.trim().length > LIMITS.title) add('title', `Keep the title under ${LIMITS.title} characters.`)
    if (!isInt(t.offsetDays) || Math.abs(t.offsetDays) > LIMITS.offset) {
      numbersOk = false
      add('offsetDays', `${label}: use a whole number of days from -${LIMITS.offset} to ${LIMITS.offset} for the start.`)
    }
    if (!isInt(t.durationDays) || t.durationDays < 0 || t.durationDays > LIMITS.duration) {
      numbersOk = false
      add('durationDays', `${label}: use 0 to ${LIMITS.duration} days for the duration.`)
    }
    if (t.estimateHours !== null && (!Number.isFinite(t.estimateHours) || t.estimateHours <= 0 || t.estimateHours > LIMITS.estimateHours)) {
      add('estimateHours', `${label}: use an estimate above 0 and up to ${LIMITS.estimateHours} hours, or leave it empty.`)
    }
    if (t.milestoneKey !== null && !milestoneKeys.has(t.milestoneKey)) add('milestoneKey', `${label} is in a milestone that is not in the template.`)
    if (t.roleId && roleIds && !roleIds.has(t.roleId)) add('roleId', `${label} is assigned to a role that no longer exists.`)
    if (t.roleId && t.assignDealOwner) add('roleId', `${label}: assign it to a role or to the deal owner, not both.`)
    if (t.description.length > LIMITS.description) add('description', `${label}: keep the description under ${LIMITS.description} characters.`)
    if (t.checklist.length > LIMITS.checklist) add('checklist', `${label}: at most ${LIMITS.checklist} checklist items.`)
    if (t.checklist.some((item) => item.trim().length > LIMITS.title)) add('checklist', `${label}: keep checklist items under ${LIMITS.title} characters.`)
    if (new Set(t.dependsOn).size !== t.dependsOn.length) add('dependsOn', `${label} lists the same dependency twice.`)
  }
  if (!numbersOk) return problems

  const specs = draft.tasks.map((t) => ({
    key: t.key,
    title: t.title.trim() || 'Untitled task',
    anchor: t.anchor,
    offsetDays: t.offsetDays,
    durationDays: t.durationDays,
    businessDays: t.businessDays,
    dependsOn: t.dependsOn,
  }))
  const known = new Set(specs.map((t) => t.key))
  const cycle = findCycle(specs.flatMap((t) => t.dependsOn.filter((d) => d !== t.key && known.has(d)).map((d) => ({ blocker: d, blocked: t.key }))))
  for (const p of validateTemplate(specs)) {
    const inCycle = cycle && p.key === cycle[0] && p.message.includes('in a circle')
    problems.push({ target: 'task', key: p.key, field: 'dependsOn', message: p.message, ...(inCycle ? { related: [...new Set(cycle.slice(1))] } : {}) })
  }
  return problems
}

/** How a problem travels in an action's fieldErrors: "task:<key>", "milestone:<key>", "template:<field>". */
export function problemField(p: DraftProblem): string {
  return p.target === 'template' ? `template:${p.field ?? ''}` : `${p.target}:${p.key}`
}

/** The problems of one task/milestone (for the messages next to it). */
export function problemsOf(problems: DraftProblem[], target: DraftProblem['target'], key: string) {
  return problems.filter((p) => p.target === target && (p.key === key || p.related?.includes(key)))
}

/** The tasks of a draft in the order they are saved: milestone by milestone, then the rest. */
export function orderedTasks(draft: Pick<TemplateDraft, 'milestones' | 'tasks'>): DraftTask[] {
  const groups = [...draft.milestones.map((m) => m.key), null]
  return groups.flatMap((key) => draft.tasks.filter((t) => t.milestoneKey === key))
}

/** The draft as template content (keys as ids), for planProject in the preview. */
export function draftContent(draft: TemplateDraft): TemplateContent {
  const tasks = orderedTasks(draft)
  return {
    leadTimeDays: draft.leadTimeDays,
    leadTimeBusinessDays: draft.leadTimeBusinessDays,
    defaultDurationDays: draft.defaultDurationDays,
    milestones: draft.milestones.map((m, i) => ({ id: m.key, name: m.name, anchor: m.anchor, offsetDays: m.offsetDays, businessDays: m.businessDays, position: i + 1 })),
    tasks: tasks.map((t, i) => ({
      id: t.key,
      milestoneId: t.milestoneKey,
      title: t.title,
      description: t.description || null,
      anchor: t.anchor,
      offsetDays: t.offsetDays,
      durationDays: t.durationDays,
      businessDays: t.businessDays,
      roleId: t.roleId,
      assignDealOwner: t.assignDealOwner,
      estimateMinutes: t.estimateHours === null ? null : Math.round(t.estimateHours * 60),
      priority: t.priority,
      checklist: t.checklist,
      position: i + 1,
    })),
    dependencies: tasks.flatMap((t) => t.dependsOn.map((blocker) => ({ blockerId: blocker, blockedId: t.key }))),
  }
}

// ---- edits (each returns a new draft)

export function newTask(key: string, milestoneKey: string | null, after?: DraftTask): DraftTask {
  return {
    key,
    milestoneKey,
    title: '',
    description: '',
    anchor: after?.anchor ?? 'KICKOFF',
    offsetDays: after ? after.offsetDays + after.durationDays : 0,
    durationDays: 1,
    businessDays: after?.businessDays ?? true,
    roleId: null,
    assignDealOwner: false,
    estimateHours: null,
    priority: 'NONE',
    checklist: [],
    dependsOn: [],
  }
}

/** Adds a task at the end of a milestone's group (or of "No milestone"). */
export function addTask(draft: TemplateDraft, task: DraftTask): TemplateDraft {
  const tasks = orderedTasks(draft)
  const lastOfGroup = tasks.findLastIndex((t) => t.milestoneKey === task.milestoneKey)
  const at = lastOfGroup >= 0 ? lastOfGroup + 1 : insertionPoint(draft, task.milestoneKey, tasks)
  return { ...draft, tasks: [...tasks.slice(0, at), task, ...tasks.slice(at)] }
}

function insertionPoint(draft: TemplateDraft, milestoneKey: string | null, tasks: DraftTask[]) {
  if (milestoneKey === null) return tasks.length
  const order = draft.milestones.map((m) => m.key)
  const later = new Set(order.slice(order.indexOf(milestoneKey) + 1))
  const first = tasks.findIndex((t) => t.milestoneKey === null || later.has(t.milestoneKey))
  return first >= 0 ? first : tasks.length
}

export function updateTask(draft: TemplateDraft, key: string, change: Partial<Omit<DraftTask, 'key'>>): TemplateDraft {
  return { ...draft, tasks: draft.tasks.map((t) => (t.key === key ? { ...t, ...change } : t)) }
}

/** Removes a task and every dependency on it. */
export function removeTask(draft: TemplateDraft, key: string): TemplateDraft {
  return { ...draft, tasks: draft.tasks.filter((t) => t.key !== key).map((t) => (t.dependsOn.includes(key) ? { ...t, dependsOn: t.dependsOn.filter((d) => d !== key) } : t)) }
}

/** Swaps a task with its neighbour in the same group; nothing happens at an end. */
export function moveTask(draft: TemplateDraft, key: string, direction: 'up' | 'down'): TemplateDraft {
  const tasks = orderedTasks(draft)
  const index = tasks.findIndex((t) => t.key === key)
  if (index < 0) return draft
  const other = index + (direction === 'up' ? -1 : 1)
  if (other < 0 || other >= tasks.length || tasks[other]!.milestoneKey !== tasks[index]!.milestoneKey) return draft
  const next = [...tasks]
  ;[next[index], next[other]] = [next[other]!, next[index]!]
  return { ...draft, tasks: next }
}

/** Moves a task to the end of another milestone's group (null: "No milestone"). */
export function moveTaskToMilestone(draft: TemplateDraft, key: string, milestoneKey: string | null): TemplateDraft {
  const task = draft.tasks.find((t) => t.key === key)
  if (!task || task.milestoneKey === milestoneKey) return draft
  return addTask({ ...draft, tasks: draft.tasks.filter((t) => t.key !== key) }, { ...task, milestoneKey })
}

export function addMilestone(draft: TemplateDraft, milestone: DraftMilestone): TemplateDraft {
  return { ...draft, milestones: [...draft.milestones, milestone] }
}

export function updateMilestone(draft: TemplateDraft, key: string, change: Partial<Omit<DraftMilestone, 'key'>>): TemplateDraft {
  return { ...draft, milestones: draft.milestones.map((m) => (m.key === key ? { ...m, ...change } : m)) }
}

/** Swaps a milestone with its neighbour; its tasks travel with it. */
export function moveMilestone(draft: TemplateDraft, key: string, direction: 'up' | 'down'): TemplateDraft {
  const index = draft.milestones.findIndex((m) => m.key === key)
  const other = index + (direction === 'up' ? -1 : 1)
  if (index < 0 || other < 0 || other >= draft.milestones.length) return draft
  const milestones = [...draft.milestones]
  ;[milestones[index], milestones[other]] = [milestones[other]!, milestones[index]!]
  return { ...draft, milestones, tasks: orderedTasks({ milestones, tasks: draft.tasks }) }
}

/** Removes a milestone; its tasks stay, without a milestone. */
export function removeMilestone(draft: TemplateDraft, key: string): TemplateDraft {
  const milestones = draft.milestones.filter((m) => m.key !== key)
  return { ...draft, milestones, tasks: orderedTasks({ milestones, tasks: draft.tasks.map((t) => (t.milestoneKey === key ? { ...t, milestoneKey: null } : t)) }) }
}

/** The task's end as an offset: where a task that waits for it can start at the earliest. */
export function endOffset(task: Pick<DraftTask, 'offsetDays' | 'durationDays'>) {
  return task.offsetDays + task.durationDays
}
