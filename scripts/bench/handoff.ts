// Issue 5's hot paths: winning a deal whose template has 40 tasks (the project, its tasks,
// dependencies, brief, audit and outbox in one transaction), its floor in hand-written SQL,
// and a burst of concurrent wins of different deals.
import type { Ctx } from '../../lib/authz'
import type { Db } from '../../lib/db'
import { createPrismaClient } from '../../lib/db'
import { winDeal } from '../../lib/handoff/win-deal'
import type { Fixtures, HotPath } from './types'
import type { Statement } from './sql'

// An admin wins any open deal: the bench draws on all of them, not one rep's.
const adminCtx = (f: Fixtures): Ctx => ({ orgId: f.orgId, userId: f.admin.id, role: 'ADMIN' })
/** Deals reserved for the timed single wins (at least --warmup + --runs); the burst uses the ones after them. */
const SINGLE = 200
export const BURST = 10
/** Runs of the burst: each adds BURST projects to the scale data for good. */
const BURST_RUNS = 20

/** The bench template as the organization's default, so every win builds a 40-task project. */
async function benchTemplateIsDefault(db: Db, f: Fixtures) {
  const template = await db.projectTemplateVersion.findUniqueOrThrow({ where: { id: f.templateVersionId }, select: { templateId: true } })
  await db.projectTemplate.updateMany({ where: { orgId: f.orgId, isDefault: true, NOT: { id: template.templateId } }, data: { isDefault: false } })
  await db.projectTemplate.update({ where: { id: template.templateId }, data: { isDefault: true } })
}

const winnable = (f: Fixtures, i: number) => {
  const id = f.winnableDealIds[i]
  if (!id) throw new Error('The scale data has run out of open deals without a project. Seed it again: npm run seed:scale -- --reset')
  return id
}

/**
 * The floor: the rows a 40-task win writes, by hand in one transaction — lock and win the deal,
 * the project, 4 columns, members, milestones and tasks copied from the template with their
 * dates, dependencies, the audit entries and the outbox rows (the replay rolls it back).
 */
function winFloorSql(f: Fixtures): Statement[] {
  const deal = f.winnableDealIds[0]!
  const project = '00000000-0000-4000-8000-00000000b0a7'
  const v = f.templateVersionId
  const org = f.orgId
  return [
    { text: `SELECT id, status, version FROM deal WHERE id = $1::uuid AND org_id = $2::uuid AND deleted_at IS NULL FOR UPDATE`, values: [deal, org] },
    {
      text: `UPDATE deal SET stage_id = s.id, status = 'WON', probability = 100, closed_at = now(), stage_entered_at = now(), version = version + 1
             FROM pipeline_stage s WHERE deal.id = $1::uuid AND s.pipeline_id = deal.pipeline_id AND s.kind = 'WON'`,
      values: [deal],
    },
    {
      text: `INSERT INTO project (id, org_id, name, status, owner_id, kickoff_on, target_go_live_on, baseline_go_live_on, source_deal_id, template_id, template_version_id, brief, handoff, updated_at)
             SELECT $1::uuid, $2::uuid, 'Floor project', 'PLANNED', $3::uuid, current_date + 7, current_date + 67, current_date + 67, $4::uuid, tv.template_id, tv.id, repeat('x', 2000), '{"version":1}'::jsonb, now()
             FROM project_template_version tv WHERE tv.id = $5::uuid`,
      values: [project, org, f.admin.id, deal, v],
    },
    {
      text: `INSERT INTO board_column (id, org_id, project_id, name, kind, position)
             SELECT gen_random_uuid(), $1::uuid, $2::uuid, c.name, c.kind::"ColumnKind", c.pos FROM (VALUES ('To do', 'TODO', 1000), ('In progress', 'DOING', 2000), ('Blocked', 'BLOCKED', 3000), ('Done', 'DONE', 4000)) c(name, kind, pos)`,
      values: [org, project],
    },
    { text: `INSERT INTO project_member (id, org_id, project_id, user_id) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid)`, values: [org, project, f.admin.id] },
    {
      text: `INSERT INTO milestone (id, org_id, project_id, name, due_on, baseline_due_on, position)
             SELECT md5(m.id::text || $2::text)::uuid, $1::uuid, $2::uuid, m.name, current_date + 7 + m.offset_days, current_date + 7 + m.offset_days, m.position FROM template_milestone m WHERE m.version_id = $3::uuid`,
      values: [org, project, v],
    },
    {
      text: `INSERT INTO task (id, org_id, project_id, column_id, milestone_id, title, description, position, role_id, start_on, due_on, baseline_due_on, estimate_minutes, priority, updated_at)
             SELECT md5(t.id::text || $2::text)::uuid, $1::uuid, $2::uuid, (SELECT id FROM board_column WHERE project_id = $2::uuid AND kind = 'TODO'), md5(t.milestone_id::text || $2::text)::uuid,
                    t.title, t.description, t.position * 1000, t.role_id, current_date + 7 + t.offset_days, current_date + 7 + t.offset_days + t.duration_days,
                    current_date + 7 + t.offset_days + t.duration_days, t.estimate_minutes, t.priority, now()
             FROM template_task t WHERE t.version_id = $3::uuid`,
      values: [org, project, v],
    },
    {
      text: `INSERT INTO task_dependency (org_id, project_id, blocker_id, blocked_id)
             SELECT $1::uuid, $2::uuid, md5(d.blocker_id::text || $2::text)::uuid, md5(d.blocked_id::text || $2::text)::uuid FROM template_dependency d WHERE d.version_id = $3::uuid`,
      values: [org, project, v],
    },
    {
      text: `INSERT INTO checklist_item (id, org_id, task_id, title, position)
             SELECT gen_random_uuid(), $1::uuid, md5(t.id::text || $2::text)::uuid, c.title, c.n FROM template_task t, unnest(t.checklist) WITH ORDINALITY c(title, n) WHERE t.version_id = $3::uuid`,
      values: [org, project, v],
    },
    {
      text: `INSERT INTO activity_log (id, org_id, actor_id, entity_type, entity_id, action, changes)
             VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'deal', $3::uuid, 'deal.stage_changed', '{}'), (gen_random_uuid(), $1::uuid, $2::uuid, 'project', $4::uuid, 'project.created', '{}'),
                    (gen_random_uuid(), $1::uuid, $2::uuid, 'deal', $3::uuid, 'deal.project_created', '{}'), (gen_random_uuid(), $1::uuid, $2::uuid, 'project', $4::uuid, 'project.created_from_deal', '{}')`,
      values: [org, f.admin.id, deal, project],
    },
    {
      text: `INSERT INTO outbox_event (id, org_id, type, entity_type, entity_id, payload)
             VALUES (gen_random_uuid(), $1::uuid, 'deal.won', 'deal', $2::uuid, '{}'), (gen_random_uuid(), $1::uuid, 'project.created', 'project', $3::uuid, '{}')`,
      values: [org, deal, project],
    },
  ]
}

export const handoffHotPaths: HotPath[] = [
  {
    suite: 'handoff',
    name: 'winDeal, 40-task template (service)',
    budgetMs: 50,
    measure: 'service',
    transaction: true,
    prepare: benchTemplateIsDefault,
    // each run wins another open deal (a won deal stays won)
    service: (tx, f, i) => {
      if (i + 1 >= SINGLE) throw new Error(`More single wins than the ${SINGLE} deals reserved for them: raise SINGLE in scripts/bench/handoff.ts.`)
      return winDeal(tx, adminCtx(f), { dealId: winnable(f, i + 1), project: 'auto', roleAssignments: {} })
    },
    floorSql: winFloorSql,
  },
  {
    suite: 'handoff',
    name: `burst: ${BURST} concurrent wins of different deals`,
    budgetMs: 1000,
    measure: 'service',
    runs: BURST_RUNS,
    // BURST wins at once, each in its own transaction on a pool of BURST connections
    service: async (_db, f, i) => {
      const pool = burstPool()
      await Promise.all(
        Array.from({ length: BURST }, (_, k) =>
          pool.$transaction((tx) => winDeal(tx, adminCtx(f), { dealId: winnable(f, SINGLE + i * BURST + k), project: 'auto', roleAssignments: {} }), { timeout: 30_000, maxWait: 30_000 }),
        ),
      )
    },
  },
]

let pool: ReturnType<typeof createPrismaClient> | null = null
function burstPool() {
  pool ??= createPrismaClient(process.env.BENCH_DATABASE_URL!, BURST)
  return pool
}
