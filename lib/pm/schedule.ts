// Template scheduling, pure: dates of template tasks counted from an anchor (the close date
// or the kickoff), in calendar or business days, dependency cycles, and shifting open dates
// when a kickoff slips. No database; the delivery and handoff services build on it.
import { addBusinessDays, addDays, countBusinessDays, daysBetween, type Day } from '@/lib/dates'

export type Anchor = 'CLOSE' | 'KICKOFF'

export type TemplateTaskSpec = {
  key: string
  title: string
  anchor: Anchor
  /** days after the anchor the task starts */
  offsetDays: number
  /** working length in days (0 = a one-day task) */
  durationDays: number
  businessDays: boolean
  /** keys of tasks that must finish first */
  dependsOn: string[]
}

export type ScheduledTask = { key: string; startOn: Day; dueOn: Day }

/** Returns one dependency cycle as a list of keys (first = last), or null when there is none. */
export function findCycle(edges: { blocker: string; blocked: string }[]): string[] | null {
  const next = new Map<string, string[]>()
  for (const { blocker, blocked } of edges) next.set(blocker, [...(next.get(blocker) ?? []), blocked])
  const state = new Map<string, 'visiting' | 'done'>()
  const path: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node]
    state.set(node, 'visiting')
    path.push(node)
    for (const to of next.get(node) ?? []) {
      const cycle = visit(to)
      if (cycle) return cycle
    }
    path.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of next.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return null
}

function move(day: Day, days: number, business: boolean, holidays: ReadonlySet<Day>): Day {
  return business ? addBusinessDays(day, days, holidays) : addDays(day, days)
}

/** Start and due dates of each template task for the given anchors. */
export function scheduleTemplate(tasks: TemplateTaskSpec[], anchors: Record<Anchor, Day>, holidays: ReadonlySet<Day> = new Set()): ScheduledTask[] {
  return tasks.map((task) => {
    const startOn = move(anchors[task.anchor], task.offsetDays, task.businessDays, holidays)
    return { key: task.key, startOn, dueOn: move(startOn, task.durationDays, task.businessDays, holidays) }
  })
}

export type ScheduleProblem = { key: string; message: string }

/**
 * What is wrong with a template: unknown or self dependencies, cycles, and tasks that start
 * before a task they depend on is due (checked on a sample schedule with kickoff = close).
 */
export function validateTemplate(tasks: TemplateTaskSpec[], sampleStart: Day = '2026-01-05'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = []
  const byKey = new Map(tasks.map((t) => [t.key, t]))
  for (const task of tasks) {
    for (const dep of task.dependsOn) {
      if (dep === task.key) problems.push({ key: task.key, message: `“${task.title}” cannot depend on itself.` })
      else if (!byKey.has(dep)) problems.push({ key: task.key, message: `“${task.title}” depends on a task that is not in the template.` })
    }
  }
  const cycle = findCycle(tasks.flatMap((t) => t.dependsOn.filter((d) => d !== t.key && byKey.has(d)).map((d) => ({ blocker: d, blocked: t.key }))))
  if (cycle) {
    const names = cycle.map((k) => `“${byKey.get(k)!.title}”`)
    problems.push({ key: cycle[0]!, message: `These tasks wait for each other in a circle: ${names.join(' → ')}.` })
    return problems
  }
  const dates = new Map(scheduleTemplate(tasks, { CLOSE: sampleStart, KICKOFF: sampleStart }).map((s) => [s.key, s]))
  for (const task of tasks) {
    for (const dep of task.dependsOn) {
      const blocker = dates.get(dep)
      const own = dates.get(task.key)
      if (blocker && own && own.startOn < blocker.dueOn) {
        problems.push({
          key: task.key,
          message: `“${task.title}” starts before “${byKey.get(dep)!.title}” is due; move its offset to at least ${minimumOffset(task, byKey.get(dep)!)} days.`,
        })
      }
    }
  }
  return problems
}

function minimumOffset(task: TemplateTaskSpec, blocker: TemplateTaskSpec): number {
  if (task.anchor !== blocker.anchor) return task.offsetDays
  return blocker.offsetDays + blocker.durationDays
}

/**
 * Shifts a date by the number of (business) days the kickoff moved: a task due on the
 * 3rd working day after kickoff stays on the 3rd working day after the new kickoff.
 */
export function shiftDay(day: Day, from: Day, to: Day, business: boolean, holidays: ReadonlySet<Day> = new Set()): Day {
  if (!business) return addDays(day, daysBetween(from, to))
  const steps = businessDaysBetween(from, to, holidays)
  return addBusinessDays(day, steps, holidays)
}

/** Signed count of working days from a to b (weekends and holidays skipped). */
export function businessDaysBetween(a: Day, b: Day, holidays: ReadonlySet<Day> = new Set()): number {
  return countBusinessDays(a, b, holidays)
}
