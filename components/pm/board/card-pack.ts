// The board's cards travel from the server component to the browser inside the page (React's
// flight data). As objects, 300 cards are ~140 KB of repeated keys and ids; packed as rows
// that point into the columns, milestones and people the page sends anyway, they are about a
// quarter of that, and they travel as one JSON string (components/ui/json-prop.ts).
// Pure and unit-tested: packCards on the server, unpackCards in the browser.
import { fromJsonProp, toJsonProp, type JsonProp } from '@/components/ui/json-prop'
import type { TaskCard } from '@/lib/pm/board-query'
import { TASK_PRIORITIES } from '@/lib/pm/tasks.schema'

type Ref = { id: string; name: string }

/** [id, title, column#, position, version, assignee#, dueOn, flags, checked, items, milestone#, priority#, comments] */
export type PackedRow = [string, string, number, number, number, number, string, number, number, number, number, number, number]
type Packed = { people: Ref[]; rows: PackedRow[] }
export type PackedCards = { json: JsonProp<Packed> }

const OVERDUE = 1
const BLOCKED = 2
const DONE = 4

export function packCards(cards: TaskCard[], columns: { id: string }[], milestones: Ref[]): PackedCards {
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]))
  const milestoneIndex = new Map(milestones.map((m, i) => [m.id, i]))
  const people: Ref[] = []
  const personIndex = new Map<string, number>()
  const person = (ref: Ref | null) => {
    if (!ref) return -1
    let at = personIndex.get(ref.id)
    if (at === undefined) {
      at = people.push({ id: ref.id, name: ref.name }) - 1
      personIndex.set(ref.id, at)
    }
    return at
  }
  const rows = cards.map((c): PackedRow => [
    c.id,
    c.title,
    columnIndex.get(c.columnId) ?? -1,
    c.position,
    c.version,
    person(c.assignee),
    c.dueOn ?? '',
    (c.overdue ? OVERDUE : 0) | (c.blocked ? BLOCKED : 0) | (c.done ? DONE : 0),
    c.checklist.done,
    c.checklist.total,
    c.milestone ? (milestoneIndex.get(c.milestone.id) ?? -1) : -1,
    TASK_PRIORITIES.indexOf(c.priority),
    c.comments,
  ])
  return { json: toJsonProp<Packed>({ people, rows }) }
}

export function unpackCards(packed: PackedCards, columns: { id: string }[], milestones: Ref[]): TaskCard[] {
  const milestone = milestones.map((m) => ({ id: m.id, name: m.name }))
  const { people, rows } = fromJsonProp(packed.json)
  return rows.map(([id, title, column, position, version, assignee, dueOn, flags, checked, items, ms, priority, comments]) => ({
    id,
    title,
    columnId: columns[column]?.id ?? '',
    position,
    version,
    assignee: assignee >= 0 ? people[assignee]! : null,
    dueOn: dueOn || null,
    overdue: (flags & OVERDUE) !== 0,
    blocked: (flags & BLOCKED) !== 0,
    done: (flags & DONE) !== 0,
    checklist: { done: checked, total: items },
    milestone: ms >= 0 ? milestone[ms]! : null,
    priority: TASK_PRIORITIES[priority] ?? 'NONE',
    comments,
  }))
}
