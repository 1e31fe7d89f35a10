// An ActivityLog entry of a project (or of one of its tasks, milestones or columns) as a
// sentence a person reads: "moved the kickoff from 2 Mar 2026 to 9 Mar 2026". Pure, so the
// wording is unit-tested; unknown actions fall back to a plain description, never an error.
import { formatDay, isDay } from '@/lib/dates'
import { statusLabels } from '@/lib/pm/projects.schema'

export type HistoryEntry = { action: string; changes: unknown }
export type Described = { sentence: string; details: string[] }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const num = (v: unknown) => (typeof v === 'number' ? v : 0)
const q = (text: unknown) => `“${str(text) ?? '?'}”`
const dayText = (v: unknown) => {
  const s = str(v)
  return s && isDay(s) ? formatDay(s) : (s ?? 'none')
}
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const status = (v: unknown) => statusLabels[str(v) as keyof typeof statusLabels] ?? str(v) ?? 'none'
const hours = (minutes: unknown) => (typeof minutes === 'number' ? `${Math.round((minutes / 60) * 10) / 10} h` : 'none')

function fromTo(change: unknown): { from: unknown; to: unknown } | null {
  return isObj(change) && ('from' in change || 'to' in change) ? { from: change.from, to: change.to } : null
}

const PROJECT_FIELDS: Record<string, (c: Obj) => string> = {
  name: (c) => `renamed the project from ${q(c.from)} to ${q(c.to)}`,
  status: (c) => `changed the status from ${status(c.from)} to ${status(c.to)}`,
  ownerId: (c) => (c.toName ? `made ${str(c.toName)} the owner${c.fromName ? ` (was ${str(c.fromName)})` : ''}` : 'removed the owner'),
  companyId: (c) => (c.toName ? `set the company to ${str(c.toName)}${c.fromName ? ` (was ${str(c.fromName)})` : ''}` : `removed the company ${str(c.fromName) ?? ''}`.trim()),
  targetGoLiveOn: (c) => (c.from ? `moved the target go-live from ${dayText(c.from)} to ${dayText(c.to)}` : `set the target go-live to ${dayText(c.to)}`),
  baselineGoLiveOn: (c) => `set the baseline go-live to ${dayText(c.to)}`,
  brief: (c) => (num(c.to) === 0 ? 'cleared the brief' : 'edited the brief'),
}

const TASK_FIELDS: Record<string, (c: { from: unknown; to: unknown }) => string> = {
  title: (c) => `renamed it from ${q(c.from)} to ${q(c.to)}`,
  description: () => 'edited the description',
  assignee: (c) => (c.to ? `assigned it to ${str(c.to)}` : `unassigned ${str(c.from) ?? 'it'}`),
  startOn: (c) => `start ${dayText(c.from)} → ${dayText(c.to)}`,
  dueOn: (c) => `due ${dayText(c.from)} → ${dayText(c.to)}`,
  milestone: (c) => (c.to ? `moved it to the milestone ${q(c.to)}` : 'took it out of its milestone'),
  estimateMinutes: (c) => `estimate ${hours(c.from)} → ${hours(c.to)}`,
  priority: (c) => `priority ${str(c.from)?.toLowerCase() ?? 'none'} → ${str(c.to)?.toLowerCase() ?? 'none'}`,
}

function projectUpdated(changes: Obj): Described {
  const parts = Object.entries(changes).flatMap(([field, change]) => {
    const write = PROJECT_FIELDS[field]
    return write && isObj(change) ? [write(change)] : []
  })
  if (parts.length === 0) return { sentence: 'edited the project', details: [] }
  return { sentence: parts[0]!, details: parts.slice(1) }
}

function taskUpdated(changes: Obj): Described {
  const parts = Object.entries(changes).flatMap(([field, change]) => {
    const write = TASK_FIELDS[field]
    const c = fromTo(change)
    return write && c ? [write(c)] : []
  })
  return { sentence: `changed the task ${q(changes.taskTitle)}`, details: parts }
}

function redated(c: Obj): Described {
  const kickoff = fromTo(c.kickoffOn)
  const tasks = Array.isArray(c.tasks) ? c.tasks.length : 0
  const milestones = Array.isArray(c.milestones) ? c.milestones.length : 0
  const shift = num(c.shift)
  const unit = c.mode === 'CALENDAR' ? 'day' : 'working day'
  const details =
    c.mode === 'KICKOFF_ONLY'
      ? ['the tasks kept their dates']
      : [
          `${plural(tasks, 'open task')} and ${plural(milestones, 'milestone')} moved ${plural(Math.abs(shift), unit)} ${shift >= 0 ? 'later' : 'earlier'}`,
          ...(num(c.doneTasksKept) ? [`${plural(num(c.doneTasksKept), 'done task')} kept ${num(c.doneTasksKept) === 1 ? 'its' : 'their'} dates`] : []),
        ]
  const target = fromTo(c.targetGoLiveOn)
  if (target) details.push(`target go-live ${dayText(target.from)} → ${dayText(target.to)}`)
  return { sentence: `moved the kickoff from ${dayText(kickoff?.from)} to ${dayText(kickoff?.to)}`, details }
}

function redateUndone(c: Obj): Described {
  const kickoff = fromTo(c.kickoffOn)
  const details = [`restored ${plural(num(c.restoredTasks), 'task')} and ${plural(num(c.restoredMilestones), 'milestone')}`]
  const kept = num(c.keptTasks) + num(c.keptMilestones)
  if (kept) details.push(`${plural(kept, 'row')} changed since kept ${kept === 1 ? 'its' : 'their'} new dates`)
  return { sentence: `undid the kickoff change${kickoff ? ` back to ${dayText(kickoff.from)}` : ''}`, details }
}

function created(c: Obj): Described {
  const details: string[] = []
  if (typeof c.tasks === 'number' && c.tasks > 0) details.push(`${plural(c.tasks, 'task')} and ${plural(num(c.milestones), 'milestone')}`)
  if (c.kickoffOn) details.push(`kickoff ${dayText(c.kickoffOn)}${c.targetGoLiveOn ? `, target go-live ${dayText(c.targetGoLiveOn)}` : ''}`)
  if (Array.isArray(c.unfilledRoles) && c.unfilledRoles.length) details.push(`nobody yet for ${c.unfilledRoles.map(str).join(', ')}`)
  const template = c.templateVersion ? ` from ${c.templateName ? `${str(c.templateName)} v${num(c.templateVersion)}` : `a template (version ${num(c.templateVersion)})`}` : ''
  return { sentence: `created the project${template}${c.sourceDealId ? ' for a won deal' : ''}`, details }
}

const fixed: Record<string, (c: Obj) => Described> = {
  'project.created': created,
  'project.updated': projectUpdated,
  'project.redated': redated,
  'project.redate_undone': redateUndone,
  'project.member_added': (c) => ({
    sentence: `added ${str(c.name) ?? 'someone'}${c.role ? ` as ${str(c.role)}` : ' to the project'}`,
    details: num(c.assignedTasks) ? [`gave them ${plural(num(c.assignedTasks), 'open task')} of the role`] : [],
  }),
  'project.member_removed': (c) => ({ sentence: `removed ${str(c.name) ?? 'someone'}${c.role ? ` as ${str(c.role)}` : ' from the project'}`, details: [] }),
  'project.deleted': () => ({ sentence: 'moved the project to the trash', details: [] }),
  'project.restored': () => ({ sentence: 'restored the project from the trash', details: [] }),
  'task.created': (c) => ({ sentence: `added the task ${q(c.taskTitle)}`, details: c.dueOn ? [`due ${dayText(c.dueOn)}`] : [] }),
  'task.updated': taskUpdated,
  'task.deleted': (c) => ({ sentence: `deleted the task ${q(c.taskTitle)}`, details: [] }),
  'task.moved': (c) => {
    const column = fromTo(c.column)
    return { sentence: `moved ${q(c.taskTitle)} from ${str(column?.from) ?? '?'} to ${str(column?.to) ?? '?'}`, details: [] }
  },
  'task.block_overridden': (c) => ({
    sentence: `moved ${q(c.taskTitle)} to ${str(c.column) ?? 'a column'} although it was blocked`,
    details: Array.isArray(c.blockers) && c.blockers.length ? [`still open: ${c.blockers.map((b) => q(b)).join(', ')}`] : [],
  }),
  'milestone.completed': (c) => ({ sentence: `completed the milestone ${q(c.milestoneName)} (its last task was done)`, details: [] }),
  'milestone.reopened': (c) => ({ sentence: `reopened the milestone ${q(c.milestoneName)}`, details: [] }),
  'column.renamed': (c) => {
    const name = fromTo(c.name)
    return { sentence: `renamed the column ${q(name?.from)} to ${q(name?.to)}`, details: [] }
  },
  'column.added': (c) => ({ sentence: `added the column ${q(c.name)}`, details: [] }),
  'column.reordered': (c) => ({ sentence: 'reordered the board’s columns', details: Array.isArray(c.order) ? [c.order.map(str).join(' → ')] : [] }),
  'column.deleted': (c) => ({
    sentence: `deleted the column ${q(c.name)}`,
    details: num(c.movedTasks) ? [`moved its ${plural(num(c.movedTasks), 'task')} to ${str(c.movedTo) ?? 'another column'}`] : [],
  }),
  'task.commented': (c) => ({
    sentence: `commented on ${q(c.taskTitle)}`,
    details: Array.isArray(c.mentioned) && c.mentioned.length ? [`mentioned ${c.mentioned.map(str).join(', ')}`] : [],
  }),
  'task.comment_edited': (c) => ({ sentence: `edited a comment on ${q(c.taskTitle)}`, details: [] }),
  'task.comment_deleted': (c) => ({ sentence: `deleted a comment on ${q(c.taskTitle)}`, details: [] }),
  'task.dependency_added': (c) => ({ sentence: `made ${q(c.taskTitle)} wait for ${q(c.blocker)}`, details: [] }),
  'task.dependency_removed': (c) => ({ sentence: `${q(c.taskTitle)} no longer waits for ${q(c.blocker)}`, details: [] }),
  'task.checklist_added': (c) => ({ sentence: `added ${q(c.item)} to the checklist of ${q(c.taskTitle)}`, details: [] }),
  'task.checklist_removed': (c) => ({ sentence: `removed ${q(c.item)} from the checklist of ${q(c.taskTitle)}`, details: [] }),
  'project.created_from_deal': (c) => ({ sentence: `made the project from the won deal ${q(c.dealTitle)}`, details: [] }),
  'project.put_on_hold': (c) => ({ sentence: 'put the project on hold', details: str(c.reason) ? [str(c.reason)!] : [] }),
  'project.reactivated': (c) => ({ sentence: 'made the project active again', details: str(c.reason) ? [str(c.reason)!] : [] }),
}

/** Actions that are noise in a history (a card reordered within its column). */
export const QUIET_ACTIONS = ['task.reordered'] as const

export function describeActivity(entry: HistoryEntry): Described {
  const changes = isObj(entry.changes) ? entry.changes : {}
  const write = fixed[entry.action]
  if (write) return write(changes)
  // An action this page does not know yet: "task.comment_added" -> "comment added on “Title”".
  const [, verb = entry.action] = entry.action.split('.')
  const subject = changes.taskTitle ?? changes.name ?? changes.milestoneName
  return { sentence: `${verb.replace(/_/g, ' ')}${subject ? ` ${entry.action.startsWith('task.') ? 'on' : ''} ${q(subject)}`.replace(/\s+/g, ' ') : ''}`, details: [] }
}
