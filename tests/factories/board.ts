import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'
import { createMember, createOrg } from './index'
import { createSalesSetup, createTestDeal } from './crm'
import { createTestProject } from './projects'
import { testDb } from '../setup/db'

/** Runs a service in a transaction, as the actions do. */
export const inTx = <T>(fn: (db: Db) => Promise<T>) => testDb.$transaction((tx) => fn(tx))

/**
 * An organization with a member of each role, and a project whose source deal belongs to
 * `rep` (so the rep follows it) while `stranger` is another rep. Tasks go to the To-do column.
 */
export async function followedProject(options: Parameters<typeof createTestProject>[1] & { timeZone?: string } = {}) {
  const org = await createOrg(options.timeZone ? { timeZone: options.timeZone } : {})
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const lead = await createMember(org, 'DELIVERY', { name: 'Dana Lead' })
  const manager = await createMember(org, 'MANAGER', { name: 'Max Manager' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Rep' })
  const stranger = await createMember(org, 'SALES', { name: 'Sid Other' })
  const { pipeline } = await createSalesSetup(admin.ctx)
  const deal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id, title: 'Acme rollout' })
  const board = await createTestProject(lead.ctx, { ...options, sourceDealId: deal.id })
  const members: Record<Role, { ctx: Ctx; user: { id: string; name: string } }> = { ADMIN: admin, DELIVERY: lead, MANAGER: manager, SALES: rep }
  return { org, admin, lead, manager, rep, stranger, deal, members, ...board }
}

/** A second organization with its own admin, for cross-tenant checks. */
export async function otherOrg() {
  const org = await createOrg()
  return createMember(org, 'ADMIN', { name: 'Olga Other' })
}

export async function addMilestone(ctx: Ctx, projectId: string, name: string, dueOn = '2026-04-01') {
  const day = new Date(`${dueOn}T00:00:00Z`)
  return testDb.milestone.create({ data: { orgId: ctx.orgId, projectId, name, dueOn: day, baselineDueOn: day, position: 1 } })
}

export async function logsOf(entityId: string) {
  return testDb.activityLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' } })
}
