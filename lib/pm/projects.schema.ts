import { z } from 'zod'
import type { ProjectStatus } from '@/lib/generated/prisma/enums'

export const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'ON_HOLD', 'DONE', 'CANCELLED'] as const satisfies readonly ProjectStatus[]
export type { ProjectStatus }

export const statusLabels: Record<ProjectStatus, string> = {
  PLANNED: 'Planned',
  ACTIVE: 'Active',
  ON_HOLD: 'On hold',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
}

export const HEALTHS = ['ON_TRACK', 'AT_RISK', 'LATE'] as const
export const PROJECT_SORTS = ['name', 'kickoff', 'goLive', 'progress', 'health', 'created'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]
export const sortLabels: Record<ProjectSort, string> = {
  name: 'Name',
  kickoff: 'Kickoff',
  goLive: 'Target go-live',
  progress: 'Progress',
  health: 'Health',
  created: 'Newest',
}

/** "open" (the default) = planned, active or on hold; "all" = every live project. */
export const STATUS_FILTERS = ['open', 'all', ...PROJECT_STATUSES] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

export const PAGE_SIZE = 50

/** The projects list's URL. A bad value is dropped, never an error. */
export const ProjectListParams = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).default('open').catch('open'),
  /** a user id or "me" */
  owner: z.union([z.literal('me'), z.uuid()]).optional().catch(undefined),
  company: z.uuid().optional().catch(undefined),
  /** projects made from this template (the delivery dashboard links here) */
  template: z.uuid().optional().catch(undefined),
  health: z.enum(HEALTHS).optional().catch(undefined),
  sort: z.enum(PROJECT_SORTS).default('goLive').catch('goLive'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  /** how many rows to show ("Show more" raises it) */
  limit: z.coerce.number().int().min(1).max(1000).default(PAGE_SIZE).catch(PAGE_SIZE),
  /** "1": the trash (deleted projects, to restore) */
  trash: z.literal('1').optional().catch(undefined),
})
export type ProjectListParams = z.infer<typeof ProjectListParams>
