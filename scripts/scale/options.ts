// Who and how much the scale seed creates. Shared by `npm run seed:scale` and `npm run bench`.
import { parseArgs } from 'node:util'
import { DEMO_PASSWORD } from '../../lib/demo-accounts'

export const SCALE_ORG = { name: 'Scale Co', slug: 'scale', currency: 'EUR', timeZone: 'Europe/Berlin' }
export const SCALE_PASSWORD = DEMO_PASSWORD
export const SCALE_ADMIN = 'admin@scale.test'
export const SCALE_MANAGER = 'manager@scale.test'
export const repEmail = (n: number) => `rep${n}@scale.test`
export const deliveryEmail = (n: number) => `delivery${n}@scale.test`

/** What the delivery bench measures, by name: a 300-task board, a 200-task re-date, a 40-task template, and a busy person's My work. */
export const BENCH = {
  boardProject: 'Bench board 300',
  boardTasks: 300,
  redateProject: 'Bench redate 200',
  redateTasks: 200,
  template: 'Bench template 40',
  templateTasks: 40,
  /** delivery1@scale.test: this many open tasks in live projects */
  busyEmail: 'delivery1@scale.test',
  busyOpenTasks: 400,
} as const

/** The database the scale data lives in when DATABASE_URL is not set: the dev cluster, its own database. */
export const SCALE_DATABASE = 'baton_scale'

export type ScaleOptions = {
  companies: number
  contacts: number
  deals: number
  reps: number
  /** average activities per deal (0 .. 2x per deal) */
  activitiesPerDeal: number
  /** delivery: projects (besides the two bench projects), tasks across them, delivery people */
  projects: number
  tasks: number
  delivery: number
  reset: boolean
}

export const FULL_SCALE = { companies: 20_000, contacts: 100_000, deals: 50_000, reps: 20, activitiesPerDeal: 2, projects: 5_000, tasks: 250_000 }

/** One delivery person per 40 projects (at least 5): most have 100-250 open tasks, delivery1 is the busy one. */
export const deliveryFor = (projects: number) => Math.max(5, Math.round(projects / 40))

export const SCALE_FLAGS = {
  scale: { type: 'string' },
  companies: { type: 'string' },
  contacts: { type: 'string' },
  deals: { type: 'string' },
  reps: { type: 'string' },
  activities: { type: 'string' },
  projects: { type: 'string' },
  tasks: { type: 'string' },
  delivery: { type: 'string' },
  reset: { type: 'boolean', default: false },
} as const

export const SCALE_USAGE = `  --scale <f>        multiply every count (default 1: ${FULL_SCALE.companies} companies, ${FULL_SCALE.contacts} contacts, ${FULL_SCALE.deals} deals,
                     ${FULL_SCALE.projects} projects, ${FULL_SCALE.tasks} tasks)
  --companies <n>    companies (overrides --scale)
  --contacts <n>     contacts
  --deals <n>        deals
  --reps <n>         sales reps rep1@scale.test .. (default ${FULL_SCALE.reps})
  --activities <n>   average activities per deal (default ${FULL_SCALE.activitiesPerDeal})
  --projects <n>     delivery projects (default ${FULL_SCALE.projects}; 0: no delivery data); plus "${BENCH.boardProject}" and "${BENCH.redateProject}"
  --tasks <n>        tasks in all, the bench projects' ${BENCH.boardTasks + BENCH.redateTasks} included (default ${FULL_SCALE.tasks}, at least 2 per project)
  --delivery <n>     delivery people delivery1@scale.test .. (default: one per 40 projects, at least 5)
  --reset            delete Scale Co's data first and seed it again`

function count(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}".`)
  return Math.round(value)
}

/** Options from parsed flags (node:util parseArgs with SCALE_FLAGS). */
export function scaleOptions(values: Partial<Record<keyof typeof SCALE_FLAGS, string | boolean | undefined>>): ScaleOptions {
  const factor = values.scale === undefined ? 1 : Number(values.scale)
  if (!Number.isFinite(factor) || factor <= 0 || factor > 20) throw new Error(`--scale must be a number above 0 and at most 20, got "${String(values.scale)}".`)
  const sized = (n: number) => Math.max(1, Math.round(n * factor))
  const projects = count('projects', values.projects as string | undefined, sized(FULL_SCALE.projects), 0, 1_000_000)
  const options: ScaleOptions = {
    companies: count('companies', values.companies as string | undefined, sized(FULL_SCALE.companies), 1, 5_000_000),
    contacts: count('contacts', values.contacts as string | undefined, sized(FULL_SCALE.contacts), 1, 20_000_000),
    deals: count('deals', values.deals as string | undefined, sized(FULL_SCALE.deals), 1, 5_000_000),
    reps: count('reps', values.reps as string | undefined, FULL_SCALE.reps, 1, 500),
    activitiesPerDeal: count('activities', values.activities as string | undefined, FULL_SCALE.activitiesPerDeal, 0, 50),
    projects,
    tasks: count('tasks', values.tasks as string | undefined, projects === 0 ? 0 : sized(FULL_SCALE.tasks), 0, 50_000_000),
    delivery: count('delivery', values.delivery as string | undefined, deliveryFor(projects), 2, 5_000),
    reset: values.reset === true,
  }
  if (options.contacts < options.companies) throw new Error('--contacts must be at least --companies (every company gets contacts).')
  if (options.projects > 0 && options.tasks < 2 * options.projects) throw new Error('--tasks must be at least twice --projects (every project gets tasks).')
  return options
}

export function parseScaleArgs(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: SCALE_FLAGS, strict: true, allowPositionals: false })
  return scaleOptions(values)
}
