// How a demo history project went, worked out task by task (pure; demo-history-projects.ts
// writes the result in one statement). A project slips by `drift` days spread over its plan
// (negative: ahead of plan), each task adds a little noise (some people are later than others),
// and nothing starts before the handoff lag has passed since the close. A task whose completion
// day is before today is done (started, completed, in the DONE column); from the first one that
// is not, the rest are open, so an active project's past-due open tasks are overdue. Some late
// tasks had their due date moved (the baseline stays: still late), and a project that slipped
// had its target go-live moved (the baseline go-live stays).
import { addBusinessDays, addDays, countBusinessDays, daysBetween, type Day } from '../../lib/dates'
import type { ProjectStatus } from '../../lib/generated/prisma/enums'
import type { AuditEntry } from './demo-history-rows'
import { at, chance, clamp, weighted, workingDay, type Random } from './demo-history-time'

export type ProjectMeta = {
  id: string
  ownerId: string
  closeOn: Day
  kickoffOn: Day
  baselineGoLiveOn: Day
  /** days the project slips by its end (negative: ahead) */
  drift: number
  /** days from the close (the last one, for a deal won again) to the first task started */
  lag: number
  lagFrom: Day
  createdAt: Date
}
export type TaskFacts = { id: string; startOn: Day | null; dueOn: Day | null; position: number; estimateMinutes: number | null; assigneeId: string | null }
export type ColumnIds = { done: string; doing: string }
export type Context = { today: Day; now: Date; holidays: ReadonlySet<Day>; random: Random; bias: (assigneeId: string | null) => number }

export type TaskRow = {
  id: string
  column_id: string | null
  started_at: string | null
  completed_at: string | null
  completed_on: Day | null
  due_on: Day | null
  estimate_minutes: number | null
  created_at: string
  updated_at: string
}
export type ProjectRow = { id: string; status: ProjectStatus; completed_at: string | null; target_go_live_on: Day; created_at: string; updated_at: string }

const NOISE = [
  [-2, 12],
  [-1, 28],
  [0, 38],
  [1, 10],
  [2, 7],
  [4, 4],
  [7, 1],
] as const

const later = (a: Day, b: Day) => (a > b ? a : b)
const iso = (d: Date) => d.toISOString()

export function progressProject(meta: ProjectMeta, facts: TaskFacts[], columns: ColumnIds, c: Context): { tasks: TaskRow[]; project: ProjectRow; audit: AuditEntry[] } {
  const { today, holidays, random } = c
  const span = Math.max(1, daysBetween(meta.kickoffOn, meta.baselineGoLiveOn))
  const firstStart = workingDay(addDays(meta.lagFrom, meta.lag), holidays)
  const created = iso(meta.createdAt)
  const ordered = facts.filter((t) => t.dueOn).sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.position - b.position)
  const tasks: TaskRow[] = []
  let open = false
  let doing = false
  let goLive: Date | null = null
  for (const t of ordered) {
    const due = t.dueOn!
    const start = t.startOn ?? due
    const slip = (day: Day) => Math.round(meta.drift * clamp(daysBetween(meta.kickoffOn, day) / span, 0, 1))
    const startDay = workingDay(later(addDays(start, slip(start)), firstStart), holidays)
    const doneDay = later(workingDay(addDays(due, slip(due) + weighted(random, NOISE) + c.bias(t.assigneeId)), holidays), startDay)
    open ||= doneDay >= today
    const estimate = t.estimateMinutes ?? (chance(random, 0.85) ? (countBusinessDays(start, due, holidays) + 1) * random.pick([120, 180, 240]) : null)
    if (!open) {
      const startedAt = at(startDay, random.int(6, 9), random.int(0, 59))
      const completedAt = at(doneDay, random.int(11, 16), random.int(0, 59))
      if (!goLive || completedAt > goLive) goLive = completedAt
      // a third of the late ones had their due date moved on the way (done after the baseline all the same)
      const moved = doneDay > due && chance(random, 0.35) ? addBusinessDays(due, random.int(1, Math.max(1, countBusinessDays(due, doneDay, holidays))), holidays) : due
      tasks.push({ id: t.id, column_id: columns.done, started_at: iso(startedAt), completed_at: iso(completedAt), completed_on: doneDay, due_on: moved, estimate_minutes: estimate, created_at: created, updated_at: iso(completedAt) })
      continue
    }
    // open: the first one under way is in progress (others too, now and then); some overdue ones were re-dated
    const started: boolean = startDay < today && (!doing || chance(random, 0.25))
    doing ||= started
    const startedAt = started ? at(startDay, random.int(6, 9), random.int(0, 59)) : null
    const moved = due < today && chance(random, 0.3) ? addBusinessDays(due, random.int(2, 10), holidays) : due
    tasks.push({
      id: t.id,
      column_id: started ? columns.doing : null,
      started_at: startedAt && iso(startedAt),
      completed_at: null,
      completed_on: null,
      due_on: moved,
      estimate_minutes: estimate,
      created_at: created,
      updated_at: iso(startedAt ?? meta.createdAt),
    })
  }

  const audit: AuditEntry[] = []
  const log = (action: string, changes: Record<string, unknown>, when: Date) => audit.push({ actorId: meta.ownerId, entityType: 'project', entityId: meta.id, action, changes, at: when })
  const status: ProjectStatus = !open ? 'DONE' : meta.kickoffOn > today ? 'PLANNED' : 'ACTIVE'
  let target = meta.baselineGoLiveOn
  if (status === 'DONE' && goLive) {
    const liveOn = goLive.toISOString().slice(0, 10)
    if (daysBetween(target, liveOn) > 2) {
      // the target followed the slip, half-way through the delay
      const when = at(later(addDays(target, -Math.ceil(daysBetween(target, liveOn) / 2)), addDays(meta.kickoffOn, 1)), 9)
      log('project.updated', { targetGoLiveOn: { from: target, to: liveOn } }, when)
      target = liveOn
    }
    log('project.updated', { status: { from: 'ACTIVE', to: 'DONE' } }, new Date(goLive.getTime() + 30 * 60_000))
  } else if (status === 'ACTIVE' && meta.drift >= 4) {
    const moved = addBusinessDays(target, Math.round(meta.drift), holidays)
    const when = new Date(Math.min(at(addDays(meta.kickoffOn, Math.floor(daysBetween(meta.kickoffOn, today) / 2)), 9).getTime(), c.now.getTime() - 3_600_000))
    log('project.updated', { targetGoLiveOn: { from: target, to: moved } }, when)
    target = moved
  }
  const touched = [meta.createdAt, ...tasks.map((t) => new Date(t.updated_at))].reduce((a, b) => (b > a ? b : a))
  return {
    tasks,
    project: { id: meta.id, status, completed_at: status === 'DONE' && goLive ? iso(goLive) : null, target_go_live_on: target, created_at: created, updated_at: iso(touched) },
    audit,
  }
}
