// A demo project for a won deal, as the handoff (lib/handoff/win-deal.ts) builds it: from a
// template, linked to its deal (sourceDealId, the deal owner on the "deal owner" tasks) and
// carrying the handoff snapshot of the deal as it was at the close. Shared by the demo projects
// (demo-projects.ts) and the demo history (demo-history-projects.ts).
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import type { Day } from '../../lib/dates'
import { takeSnapshot } from '../../lib/handoff/snapshot'
import { createProjectFromTemplate, type CreateExtras } from '../../lib/pm/create-project'
import type { CreateProjectInput } from '../../lib/pm/create-project.schema'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/**
 * `closeOn` is the day the deal was won (the snapshot's close date); `takenAt` dates the snapshot
 * (default: now), for deals won in the past.
 */
export async function createDemoDealProject(
  tx: Tx,
  ctx: Ctx,
  input: CreateProjectInput & { sourceDealId: string },
  closeOn: Day,
  options: { takenAt?: Date; extras?: Omit<CreateExtras, 'handoff'> } = {},
) {
  const snapshot = await takeSnapshot(tx, ctx, input.sourceDealId, closeOn)
  const handoff = options.takenAt ? { ...snapshot, takenAt: options.takenAt.toISOString() } : snapshot
  return createProjectFromTemplate(tx, ctx, input, { ...options.extras, handoff })
}
