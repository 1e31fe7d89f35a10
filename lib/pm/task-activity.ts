// A task's audit entries as sentences for its history ("Dev moved it from To do to Done").
// Pure: the drawer's history and a project's history can share it.
import { formatDay, isDay } from '@/lib/dates'

export type HistoryLine = { label: string; from: string | null; to: string | null }
export type HistorySentence = { summary: string; lines: HistoryLine[] }

type Changes = Record<string, unknown>

const fieldLabels: Record<string, string> = {
  title: 'Title',
  assignee: 'Assignee',
  startOn: 'Start',
  dueOn: 'Due',
  baselineDueOn: 'Baseline',
  milestone: 'Milestone',
  estimateMinutes: 'Estimate',
  priority: 'Priority',
}
const priorityNames: Record<string, string> = { NONE: 'None', LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', URGENT: 'Urgent' }

const text = (v: unknown) => (typeof v === 'string' ? v : '')
const quoted = (v: unknown) => `“${text(v)}”`

function show(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (field === 'estimateMinutes' && typeof value === 'number') return `${Math.round((value / 60) * 100) / 100} h`
  if (field === 'priority') return priorityNames[String(value)] ?? String(value)
  if (typeof value === 'string' && isDay(value)) return formatDay(value, 'en-US', { day: 'numeric', month: 'short', year: 'numeric' })
  return String(value)
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'to' in value
}

function updated(changes: Changes): HistorySentence {
  const lines: HistoryLine[] = []
  for (const [field, label] of Object.entries(fieldLabels)) {
    const change = changes[field]
    if (isChange(change)) lines.push({ label, from: show(field, change.from), to: show(field, change.to) })
  }
  if (changes.description) lines.push({ label: 'Description', from: null, to: 'edited' })
  const only = lines.length === 1 ? lines[0]!.label.toLowerCase() : null
  return { summary: only ? `changed the ${only === 'due' ? 'due date' : only === 'start' ? 'start date' : only}` : 'edited the task', lines }
}

const list = (value: unknown) => (Array.isArray(value) ? value.map(quoted).join(', ') : '')

export function describeTaskActivity(action: string, changes: Changes): HistorySentence | null {
  switch (action) {
    case 'task.created':
      return { summary: `created the task in ${text(changes.column)}`, lines: [] }
    case 'task.updated':
      return updated(changes)
    case 'task.moved': {
      const column = changes.column as { from?: string; to?: string } | undefined
      const completed = changes.completedOn as { from?: string | null; to?: string | null } | undefined
      const verb = completed?.to ? 'completed it' : completed && !completed.to ? 'reopened it' : 'moved it'
      return { summary: `${verb}: ${column?.from ?? '?'} → ${column?.to ?? '?'}`, lines: [] }
    }
    case 'task.block_overridden':
      return { summary: `${changes.kind === 'DONE' ? 'completed' : 'started'} it although ${list(changes.blockers)} ${Array.isArray(changes.blockers) && changes.blockers.length > 1 ? 'were' : 'was'} not done`, lines: [] }
    case 'task.dependency_added':
      return { summary: `made it wait for ${quoted(changes.blocker)}`, lines: [] }
    case 'task.dependency_removed':
      return { summary: `stopped it waiting for ${quoted(changes.blocker)}`, lines: [] }
    case 'task.commented':
      return { summary: Array.isArray(changes.mentioned) && changes.mentioned.length ? `commented, mentioning ${changes.mentioned.join(', ')}` : 'commented', lines: [] }
    case 'task.comment_edited':
      return { summary: 'edited a comment', lines: [] }
    case 'task.comment_deleted':
      return { summary: 'deleted a comment', lines: [] }
    case 'task.checklist_added':
      return { summary: `added ${quoted(changes.item)} to the checklist`, lines: [] }
    case 'task.checklist_checked':
      return { summary: `checked ${quoted(changes.item)}`, lines: [] }
    case 'task.checklist_unchecked':
      return { summary: `unchecked ${quoted(changes.item)}`, lines: [] }
    case 'task.checklist_removed':
      return { summary: `removed ${quoted(changes.item)} from the checklist`, lines: [] }
    case 'task.checklist_renamed': {
      const item = changes.item as { from?: string; to?: string } | undefined
      return { summary: `renamed a checklist item`, lines: [{ label: 'Item', from: item?.from ?? null, to: item?.to ?? null }] }
    }
    case 'task.checklist_reordered':
      return { summary: 'reordered the checklist', lines: [] }
    case 'task.deleted':
      return { summary: 'deleted the task', lines: [] }
    default:
      return null
  }
}
