// The scale organization "Scale Co": people and pipelines through the app's own services,
// then companies, contacts, deals, line items, deal contacts, activities and audit entries
// generated in SQL (scripts/scale/bulk.ts), then the delivery data: roles, the bench template,
// projects, columns, milestones, members, tasks, dependencies, checklists and comments
// (scripts/scale/delivery.ts). All in one transaction: a failed or interrupted run leaves
// nothing behind, and --reset only replaces Scale Co once the new data is complete.
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import { hashPassword } from '../../lib/auth/password'
import { createDefaultLostReasons, createPipeline, DEFAULT_STAGES } from '../../lib/crm/pipelines'
import * as bulk from './bulk'
import * as delivery from './delivery'
import { createBenchTemplate, createDeliveryPeople, createRolesAndHolidays } from './delivery-setup'
import { REP_NAMES, PRODUCTS } from './words'
import { BENCH, repEmail, SCALE_ADMIN, SCALE_MANAGER, SCALE_ORG, SCALE_PASSWORD, type ScaleOptions } from './options'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
type Log = (line: string) => void

export class ScaleOrgExists extends Error {}

const ENTERPRISE_STAGES = [
  { name: 'Discovery', probability: 10, kind: 'OPEN', forecastCategory: 'PIPELINE' },
  { name: 'Solution design', probability: 30, kind: 'OPEN', forecastCategory: 'PIPELINE' },
  { name: 'Business case', probability: 50, kind: 'OPEN', forecastCategory: 'BEST_CASE' },
  { name: 'Legal review', probability: 80, kind: 'OPEN', forecastCategory: 'COMMIT' },
  ...DEFAULT_STAGES.filter((s) => s.kind !== 'OPEN'),
] as const

/** Tables holding an organization's rows, children first (so no cascade has work left to do). */
const ORG_TABLES = [
  'notification', 'task_comment', 'checklist_item', 'task_dependency', 'task', 'milestone', 'board_column', 'project_member', 'project',
  'template_rule', 'template_dependency', 'template_task', 'template_milestone', 'project_template', 'project_template_version', 'project_role', 'holiday',
  'activity', 'activity_log', 'deal_contact', 'deal_line_item', 'deal', 'contact', 'company', 'product', 'lost_reason', 'pipeline_stage', 'pipeline', 'membership',
]

export async function scaleOrgId(prisma: PrismaClient) {
  return (await prisma.organization.findUnique({ where: { slug: SCALE_ORG.slug }, select: { id: true } }))?.id ?? null
}

function timer(log: Log) {
  return async function step<T>(label: string, run: () => Promise<T>, rows?: (result: T) => number): Promise<T> {
    const started = performance.now()
    const result = await run()
    const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6)
    const count = rows ? `${rows(result).toLocaleString('en-US').padStart(10)} rows` : ''.padStart(15)
    log(`  ${label.padEnd(28)}${count} ${seconds} s`)
    return result
  }
}

async function deleteOrg(tx: Tx, orgId: string) {
  const fast = await withoutTriggers(tx)
  const tables = fast ? await everyOrgTable(tx) : ORG_TABLES
  let rows = 0
  for (const table of tables) rows += await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE org_id = $1::uuid`, orgId)
  rows += await tx.$executeRawUnsafe(`DELETE FROM organization WHERE id = $1::uuid`, orgId)
  if (fast) await tx.$executeRawUnsafe('SET LOCAL session_replication_role = origin')
  return rows
}

/**
 * Foreign keys are checked by triggers, and most of them have no index of their own (indexes lead
 * with org_id): deleting 50,000 deals and 250,000 tasks row by row took more than ten minutes.
 * When the connection may (a superuser, as on the embedded database), the reset turns triggers
 * off for its transaction and empties every table with an org_id, rollups included.
 */
async function withoutTriggers(tx: Tx) {
  try {
    await tx.$executeRawUnsafe('SAVEPOINT replica')
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica')
    return true
  } catch {
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT replica')
    return false
  }
}

/** Every table with an org_id, rollups included (with triggers off, nothing else empties them). */
async function everyOrgTable(tx: Tx) {
  const rows = await tx.$queryRawUnsafe<{ table: string }[]>(
    `SELECT c.table_name AS table FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'`,
  )
  return rows.map((r) => r.table)
}

/** The admin, a manager and the sales reps, all with the demo password (hashed once). Existing users are reused. */
async function createPeople(tx: Tx, orgId: string, reps: number, passwordHash: string) {
  const people = [
    { email: SCALE_ADMIN, name: 'Scale Admin', role: 'ADMIN' as const },
    { email: SCALE_MANAGER, name: 'Scale Manager', role: 'MANAGER' as const },
    ...Array.from({ length: reps }, (_, i) => ({ email: repEmail(i + 1), name: REP_NAMES[i % REP_NAMES.length]! + (i >= REP_NAMES.length ? ` ${i + 1}` : ''), role: 'SALES' as const })),
  ]
  const ids: string[] = []
  for (const person of people) {
    const user = await tx.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash },
      update: { name: person.name, passwordHash },
      select: { id: true },
    })
    await tx.membership.create({ data: { orgId, userId: user.id, role: person.role } })
    ids.push(user.id)
  }
  return { adminId: ids[0]!, repIds: ids.slice(2) }
}

export async function seedScale(prisma: PrismaClient, options: ScaleOptions, log: Log) {
  const step = timer(log)
  const existing = await scaleOrgId(prisma)
  if (existing && !options.reset) {
    throw new ScaleOrgExists(`${SCALE_ORG.name} (/${SCALE_ORG.slug}) already exists in this database. Run with --reset to delete its data and seed it again.`)
  }
  const started = performance.now()
  const passwordHash = await step('password hash', () => hashPassword(SCALE_PASSWORD))

  let bodyDone = 0
  await prisma.$transaction(
    async (tx) => {
      const exec: bulk.Exec = (sql, ...values) => tx.$executeRawUnsafe(sql, ...values)
      await exec(`SET LOCAL synchronous_commit = off`)
      await exec(`SET LOCAL work_mem = '64MB'`)
      if (existing) await step(`reset: delete ${SCALE_ORG.name}`, () => deleteOrg(tx, existing), (n) => n)

      const { org, ctx, repIds } = await step('organization and people', async () => {
        const org = await tx.organization.create({ data: SCALE_ORG, select: { id: true, currency: true } })
        const people = await createPeople(tx, org.id, options.reps, passwordHash)
        const ctx: Ctx = { orgId: org.id, userId: people.adminId, role: 'ADMIN' }
        return { org, ctx, repIds: people.repIds }
      })

      const { pipelineIds, lostReasonIds } = await step('pipelines, reasons, products', async () => {
        const main = await createPipeline(tx, ctx, { name: 'New business', isDefault: true })
        const enterprise = await createPipeline(tx, ctx, { name: 'Enterprise', stages: [...ENTERPRISE_STAGES] })
        await createDefaultLostReasons(tx, ctx)
        await tx.product.createMany({
          data: PRODUCTS.map(([name, sku, price]) => ({ orgId: org.id, name, sku, unitPriceMinor: BigInt(price), currency: org.currency })),
        })
        const reasons = await tx.lostReason.findMany({ where: { orgId: org.id }, orderBy: { position: 'asc' }, select: { id: true } })
        return { pipelineIds: [main.id, enterprise.id] as [string, string], lostReasonIds: reasons.map((r) => r.id) }
      })

      const b: bulk.BulkContext = {
        exec,
        orgId: org.id,
        currency: org.currency,
        reps: repIds,
        pipelineIds,
        lostReasonIds,
        companies: options.companies,
        contacts: options.contacts,
        deals: options.deals,
        activitiesPerDeal: options.activitiesPerDeal,
      }
      const rows = (n: number) => n
      await step('companies', () => bulk.insertCompanies(b), rows)
      await step('contacts', () => bulk.insertContacts(b), rows)
      await step('deal attributes (temp)', () => bulk.prepareDeals(b, PRODUCTS.map(([, sku]) => sku)))
      await step('deals', () => bulk.insertDeals(b), rows)
      await step('line items', () => bulk.insertLineItems(b), rows)
      await step('deal contacts', () => bulk.insertDealContacts(b), rows)
      await step('activities', () => bulk.insertActivities(b), rows)
      await step('audit trail', () => bulk.insertAuditTrail(b), rows)

      if (options.projects > 0) {
        const deliveryIds = await step('delivery people', () => createDeliveryPeople(tx, org.id, options.delivery, passwordHash), (ids) => ids.length)
        const roleIds = await step('roles, holidays', () => createRolesAndHolidays(tx, org.id, deliveryIds), (ids) => ids.length)
        await step(`template "${BENCH.template}"`, () => createBenchTemplate(tx, org.id, ctx.userId, roleIds), (t) => t.tasks)
        // --tasks counts every task, the bench projects' 500 included.
        const regularTasks = Math.max(2 * options.projects, options.tasks - BENCH.boardTasks - BENCH.redateTasks)
        const d: delivery.DeliveryContext = { exec, orgId: org.id, delivery: deliveryIds, roleIds, companies: options.companies, projects: options.projects, tasks: regularTasks }
        await step('project plan (temp)', () => delivery.prepareProjects(d))
        await step('projects', () => delivery.insertProjects(d), rows)
        await step('board columns', () => delivery.insertColumns(d), rows)
        await step('milestones', () => delivery.insertMilestones(d), rows)
        await step('project members', () => delivery.insertMembers(d), rows)
        await step('task plan (temp)', () => delivery.prepareTasks(d))
        await step('tasks', () => delivery.insertTasks(d), rows)
        await step('task dependencies', () => delivery.insertDependencies(d), rows)
        await step('checklist items', () => delivery.insertChecklists(d), rows)
        await step('task comments', () => delivery.insertComments(d), rows)
        // Planned on statistics from before this transaction, the next statements took minutes after a reset.
        await step('analyze milestones, tasks', () => tx.$executeRawUnsafe('ANALYZE milestone, task'))
        await step('milestones done', () => delivery.completeMilestones(d), rows)
        await step(`busy ${BENCH.busyEmail.split('@')[0]}`, () => delivery.assignBusyPerson(d), rows)
        await step('project history', () => delivery.insertProjectAudit(d), rows)
      }
      bodyDone = performance.now()
    },
    { timeout: 60 * 60_000, maxWait: 30_000 },
  )
  log(`  ${'commit'.padEnd(28)}${''.padStart(15)} ${((performance.now() - bodyDone) / 1000).toFixed(1).padStart(6)} s`)
  // Fresh statistics and visibility maps: the planner sees the new sizes and index-only scans work.
  await step('vacuum analyze', () => prisma.$executeRawUnsafe(`VACUUM (ANALYZE) company, contact, deal, deal_line_item, deal_contact, activity, activity_log, "user", membership, pipeline_stage, product, project, project_member, board_column, milestone, task, task_dependency, checklist_item, task_comment`))
  log(`  ${'total'.padEnd(28)}${''.padStart(15)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`)
}
