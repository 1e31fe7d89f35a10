// A project's health from a few figures the list and the header compute in SQL. Pure: the
// projects list, the project header and the delivery dashboards share it.
import { businessDaysBetween } from '@/lib/pm/schedule'
import { addDays, formatDay, type Day } from '@/lib/dates'
import type { ProjectStatus } from '@/lib/generated/prisma/enums'

export type ProjectHealth = 'ON_TRACK' | 'AT_RISK' | 'LATE'

export const healthLabels: Record<ProjectHealth, string> = { ON_TRACK: 'On track', AT_RISK: 'At risk', LATE: 'Late' }

/** A working day of estimated work, for "does the open work fit before the target?". */
export const WORK_MINUTES_PER_DAY = 8 * 60

export type HealthFigures = {
  status: ProjectStatus
  today: Day
  targetGoLiveOn: Day | null
  baselineGoLiveOn: Day | null
  /** the day the project was marked done, in the organization's time zone */
  completedOn: Day | null
  /** open milestones whose due date has passed */
  overdueMilestones: number
  /** open tasks due after the target go-live */
  openTasksDueAfterTarget: number
  /** estimated minutes of open work of the busiest person (unassigned work counts as one person) */
  busiestOpenWorkMinutes: number
  holidays?: ReadonlySet<Day>
}

export type HealthVerdict = { health: ProjectHealth; reasons: string[] }

/** How health is worked out, in the order the rules are checked (shown next to the badges). */
export const HEALTH_RULES: readonly { health: ProjectHealth; rule: string }[] = [
  { health: 'LATE', rule: 'The target go-live date has passed and the project is not done.' },
  { health: 'LATE', rule: 'The project was completed after its baseline go-live (the first target). It stays late.' },
  { health: 'AT_RISK', rule: 'A milestone is overdue.' },
  { health: 'AT_RISK', rule: 'An open task is due after the target go-live.' },
  {
    health: 'AT_RISK',
    rule: `The busiest person's open estimated work (${WORK_MINUTES_PER_DAY / 60} hours a day) needs more working days than are left before the target.`,
  },
  { health: 'ON_TRACK', rule: 'Otherwise the project is on track. Cancelled projects have no health.' },
]

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The project's health and the reasons for it (empty when on track). */
export function projectHealth(figures: HealthFigures): HealthVerdict {
  const { status, today, targetGoLiveOn: target, baselineGoLiveOn: baseline } = figures
  if (status === 'CANCELLED') return { health: 'ON_TRACK', reasons: [] }
  if (status === 'DONE') {
    const promised = baseline ?? target
    if (promised && figures.completedOn && figures.completedOn > promised) {
      return { health: 'LATE', reasons: [`Completed on ${formatDay(figures.completedOn)}, after the baseline go-live ${formatDay(promised)}.`] }
    }
    return { health: 'ON_TRACK', reasons: [] }
  }
  if (target && target < today) return { health: 'LATE', reasons: [`The target go-live ${formatDay(target)} has passed.`] }

  const reasons: string[] = []
  if (figures.overdueMilestones > 0) reasons.push(`${plural(figures.overdueMilestones, 'milestone is', 'milestones are')} overdue.`)
  if (target && figures.openTasksDueAfterTarget > 0) {
    reasons.push(`${plural(figures.openTasksDueAfterTarget, 'open task is', 'open tasks are')} due after the target go-live.`)
  }
  if (target && figures.busiestOpenWorkMinutes > 0) {
    // today counts when it is a working day
    const daysLeft = Math.max(0, businessDaysBetween(addDays(today, -1), target, figures.holidays))
    const daysNeeded = Math.ceil(figures.busiestOpenWorkMinutes / WORK_MINUTES_PER_DAY)
    if (daysNeeded > daysLeft) reasons.push(`The open work needs ${plural(daysNeeded, 'working day')}; ${plural(daysLeft, 'is', 'are')} left before the target.`)
  }
  return { health: reasons.length ? 'AT_RISK' : 'ON_TRACK', reasons }
}
