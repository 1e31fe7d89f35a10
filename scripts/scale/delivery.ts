// The delivery half of the scale seed: projects (most from won deals), their board columns,
// milestones, members, tasks with start/due/baseline dates (some done on time, some late,
// some re-dated), dependencies, checklists, comments and the projects' audit entries. Each
// step is one INSERT ... SELECT generating rows inside PostgreSQL, deterministic like
// scripts/scale/bulk.ts, plus the bench's fixtures ("Bench board 300", "Bench redate 200",
// a busy delivery person). Parameter $1 is always the organization id. Runs inside the scale
// seed's transaction after the deals: it reads the temp table scale_deal for won deals.
import { DEFAULT_COLUMNS } from '../../lib/pm/board-columns'
import type { Exec } from './bulk'
import { BENCH } from './options'
import { lit, pick, rnd, skewed, uid, weighted } from './sql'
import * as w from './words'

export type DeliveryContext = {
  exec: Exec
  orgId: string
  /** delivery people's user ids; [0] is the busy person (delivery1), who is given open tasks at the end */
  delivery: string[]
  /** project role ids in PROJECT_ROLES order */
  roleIds: string[]
  /** how many companies the CRM part created (projects without a deal pick one) */
  companies: number
  projects: number
  tasks: number
}

/**
 * Where project n's tasks end in 1..T: a wavy cumulative curve (one wave per ~7 projects), so
 * a project gets between half and one and a half times the average (25..75 at 50) and the
 * total is exactly T. The curve's slope never drops to 0, so every project gets tasks.
 */
function boundary(b: DeliveryContext, n: string) {
  const x = `((${n})::float8 / ${b.projects})`
  const k = Math.max(1, b.projects / 7.3)
  return `(CASE WHEN (${n}) >= ${b.projects} THEN ${b.tasks} WHEN (${n}) <= 0 THEN 0
           ELSE floor(${b.tasks} * (${x} + 0.5 * sin(2 * pi() * ${k} * ${x}) / (2 * pi() * ${k})))::int END)`
}

/** Index (1-based, into the delivery array) of the k-th member of project n's team; k = 0 leads it. Never the busy person. */
const teamMember = (b: DeliveryContext, n: string, k: string) => `(2 + (((${n}) * 7 + (${k}) * 13) % ${Math.max(1, b.delivery.length - 1)}))`

/**
 * scale_project: each project's dates, status, company, source deal and task range. Projects
 * kick off over the last ~3 years and the next 6 weeks; long-finished ones are DONE (10 %
 * CANCELLED), running ones ACTIVE (some ON_HOLD), future ones PLANNED. A third slipped their
 * target by up to 3 weeks (the baseline keeps the first target). 70 % come from a won deal,
 * each deal at most once. The two bench projects come last.
 */
export async function prepareProjects(b: DeliveryContext) {
  const n = 'g.n'
  await b.exec(
    `CREATE TEMP TABLE scale_project ON COMMIT DROP AS
     WITH won AS (
       SELECT d.g, d.company_no, row_number() OVER (ORDER BY d.g) AS k FROM scale_deal d WHERE d.status = 'WON' AND d.deleted_at IS NULL
     ),
     regular AS (
       SELECT g.n,
              current_date + (-1000 + floor(${rnd(n, 201)} * 1046))::int AS kickoff,
              (30 + floor(${rnd(n, 202)} * 91))::int AS len,
              CASE WHEN ${rnd(n, 203)} < 0.35 THEN (1 + floor(${rnd(n, 204)} * 21))::int ELSE 0 END AS slip,
              ${boundary(b, 'g.n - 1')} + 1 AS first_g,
              ${boundary(b, 'g.n')} - ${boundary(b, 'g.n - 1')} AS task_count,
              CASE WHEN ${rnd(n, 206)} < 0.7 THEN won.g END AS deal_g,
              CASE WHEN ${rnd(n, 206)} < 0.7 AND won.g IS NOT NULL THEN won.company_no ELSE ${skewed(rnd(n, 207), b.companies, 1.4)} END AS company_no,
              ${pick(w.PROJECT_SUFFIXES, rnd(n, 208))} AS suffix,
              ${rnd(n, 209)} AS r_status,
              CASE WHEN ${rnd(n, 210)} < 0.01 THEN now() - ${rnd(n, 211)} * interval '30 days' END AS deleted_at
       FROM generate_series(1, ${b.projects}) AS g(n)
       LEFT JOIN won ON won.k = g.n
     )
     SELECT r.n, 'regular'::text AS mode, r.kickoff, r.len, r.slip, r.first_g, r.task_count, r.deal_g, r.company_no, r.deleted_at,
            r.kickoff + r.len AS target_on, r.kickoff + r.len - r.slip AS baseline_on,
            CASE WHEN r.kickoff > current_date THEN 'PLANNED'
                 WHEN r.kickoff + r.len + 20 < current_date THEN CASE WHEN r.r_status < 0.9 THEN 'DONE' ELSE 'CANCELLED' END
                 ELSE ${weighted([["'ACTIVE'", 85], ["'ON_HOLD'", 10], ["'CANCELLED'", 5]], 'r.r_status')} END AS status,
            r.suffix, NULL::text AS fixed_name
     FROM regular r
     UNION ALL
     SELECT ${b.projects} + 1, 'bench-board', current_date - 40, 100, 0, ${b.tasks} + 1, ${BENCH.boardTasks}, NULL, NULL, NULL,
            current_date + 60, current_date + 60, 'ACTIVE', NULL, ${lit(BENCH.boardProject)}
     UNION ALL
     SELECT ${b.projects} + 2, 'bench-redate', current_date + 10, 60, 0, ${b.tasks} + ${BENCH.boardTasks} + 1, ${BENCH.redateTasks}, NULL, NULL, NULL,
            current_date + 70, current_date + 70, 'ACTIVE', NULL, ${lit(BENCH.redateProject)}`,
  )
  await b.exec(`ANALYZE scale_project`)
}

export async function insertProjects(b: DeliveryContext) {
  const n = 'p.n'
  return b.exec(
    `INSERT INTO project (id, org_id, name, company_id, status, owner_id, kickoff_on, target_go_live_on, baseline_go_live_on,
                          completed_at, source_deal_id, version, created_at, updated_at, deleted_at)
     SELECT ${uid('project', n)}, $1::uuid,
            coalesce(p.fixed_name, coalesce(c.name, 'Internal') || ' ' || p.suffix),
            c.id, p.status::"ProjectStatus", ($2::uuid[])[${teamMember(b, n, '0')}],
            p.kickoff, p.target_on, p.baseline_on,
            CASE WHEN p.status = 'DONE' THEN least(p.target_on + (-5 + floor(${rnd(n, 220)} * 20))::int, current_date - 1) + interval '16 hours' END,
            CASE WHEN p.deal_g IS NOT NULL THEN ${uid('deal', 'p.deal_g')} END,
            1 + floor(${rnd(n, 221)} * 4)::int,
            p.kickoff - interval '5 days', least(now(), p.kickoff + interval '20 days'), p.deleted_at
     FROM scale_project p
     LEFT JOIN company c ON p.company_no IS NOT NULL AND c.id = ${uid('company', 'p.company_no')}`,
    b.orgId,
    b.delivery,
  )
}

/** The default columns (To do, In progress, Blocked, Done) of every project. */
export async function insertColumns(b: DeliveryContext) {
  const values = DEFAULT_COLUMNS.map((c, i) => `(${i + 1}, ${lit(c.name)}, ${lit(c.kind)})`).join(', ')
  return b.exec(
    `INSERT INTO board_column (id, org_id, project_id, name, kind, position)
     SELECT ${uid('column', 'p.n * 4 + k.k')}, $1::uuid, ${uid('project', 'p.n')}, k.name, k.kind::"ColumnKind", k.k * 1000
     FROM scale_project p CROSS JOIN (VALUES ${values}) AS k(k, name, kind)`,
    b.orgId,
  )
}

/** Four milestones per project, evenly spread to the target; their baselines spread to the first target. */
export async function insertMilestones(b: DeliveryContext) {
  return b.exec(
    `INSERT INTO milestone (id, org_id, project_id, name, due_on, baseline_due_on, position)
     SELECT ${uid('milestone', 'p.n * 4 + j')}, $1::uuid, ${uid('project', 'p.n')}, (${`ARRAY[${w.MILESTONES.map(lit).join(',')}]::text[]`})[j],
            p.kickoff + round(p.len * j / 4.0)::int, p.kickoff + round((p.len - p.slip) * j / 4.0)::int, j * 1000
     FROM scale_project p CROSS JOIN generate_series(1, 4) AS j`,
    b.orgId,
  )
}

/** The project's team: its lead (the owner) and two more delivery people, each with a project role. */
export async function insertMembers(b: DeliveryContext) {
  return b.exec(
    `INSERT INTO project_member (id, org_id, project_id, user_id, role_id, created_at)
     SELECT ${uid('member', 'p.n * 4 + k')}, $1::uuid, ${uid('project', 'p.n')}, ($2::uuid[])[${teamMember(b, 'p.n', 'k')}],
            ($3::uuid[])[1 + k], p.kickoff - interval '5 days'
     FROM scale_project p CROSS JOIN generate_series(0, 2) AS k
     ON CONFLICT DO NOTHING`,
    b.orgId,
    b.delivery,
    b.roleIds,
  )
}

/**
 * scale_task: every task's project, place (i of c), milestone (by quarter of the project),
 * dates, whether and when it was completed, and its column. A task's planned slot is its
 * share of the first plan (kickoff to baseline); a slipped project stretches later tasks more,
 * and one task in ten was pushed a few days besides (baseline = the first due date). Done
 * projects are all done, three in four on time; running projects have most past tasks done,
 * some overdue, current ones in progress or blocked; planned projects and the re-date bench
 * project have none done. Completion days are never in the future.
 */
export async function prepareTasks(b: DeliveryContext) {
  const g = 't.g'
  const titles = `(CASE a.milestone_j ${w.TASK_TITLES.map((list, j) => `WHEN ${j + 1} THEN ${pick(list, rnd(g, 300))}`).join(' ')} END)`
  await b.exec(
    `CREATE TEMP TABLE scale_task ON COMMIT DROP AS
     SELECT t.g, p.n, t.i, p.task_count AS c, p.mode, a.milestone_j, ${titles} AS title, x.start_on, x.due_on, x.baseline_due_on,
            y.done, CASE WHEN y.done THEN least(greatest(x.start_on, x.baseline_due_on + y.delta), current_date) END AS completed_on,
            CASE WHEN y.done THEN 4
                 WHEN x.start_on <= current_date AND p.mode <> 'bench-redate' THEN ${weighted([['2', 70], ['3', 8], ['1', 22]], rnd(g, 306))}
                 ELSE 1 END AS column_k,
            a.team_k
     FROM scale_project p
     CROSS JOIN LATERAL (SELECT p.first_g + s.i - 1 AS g, s.i FROM generate_series(1, p.task_count) AS s(i)) t
     CROSS JOIN LATERAL (
       SELECT 1 + floor((t.i - 1) * 4 / p.task_count)::int AS milestone_j,
              (1 + floor(${rnd(g, 301)} * 6))::int AS d,
              p.kickoff + floor((p.len - p.slip) * (t.i - 1)::float8 / p.task_count)::int AS base_start,
              floor(${rnd(g, 307)} * 3)::int AS team_k
     ) a
     CROSS JOIN LATERAL (
       SELECT a.base_start + round(p.slip * (t.i - 1)::float8 / p.task_count)::int AS start_on,
              least(a.base_start + a.d, p.baseline_on) AS baseline_due_on,
              least(a.base_start + a.d, p.baseline_on) + round(p.slip * t.i::float8 / p.task_count)::int
                + CASE WHEN ${rnd(g, 302)} < 0.1 THEN (1 + floor(${rnd(g, 303)} * 5))::int ELSE 0 END AS due_on
     ) x
     CROSS JOIN LATERAL (
       SELECT CASE WHEN p.mode = 'bench-redate' OR p.status = 'PLANNED' THEN false
                   WHEN p.status = 'DONE' THEN true
                   WHEN p.status = 'CANCELLED' THEN x.due_on < p.kickoff + p.len / 2 AND x.due_on < current_date
                   WHEN x.due_on < current_date - 2 THEN ${rnd(g, 304)} < 0.88
                   WHEN x.start_on <= current_date THEN ${rnd(g, 304)} < 0.25
                   ELSE false END AS done,
              CASE WHEN ${rnd(g, 305)} < 0.75 THEN (-3 + floor(${rnd(g, 308)} * 4))::int ELSE (1 + floor(${rnd(g, 308)} * 10))::int END AS delta
     ) y`,
  )
  await b.exec(`ANALYZE scale_task`)
}

export async function insertTasks(b: DeliveryContext) {
  const g = 't.g'
  return b.exec(
    `INSERT INTO task (id, org_id, project_id, column_id, milestone_id, title, description, position, assignee_id, role_id,
                       start_on, due_on, baseline_due_on, started_at, completed_at, completed_on, estimate_minutes, priority,
                       version, created_at, updated_at)
     SELECT ${uid('task', g)}, $1::uuid, ${uid('project', 't.n')}, ${uid('column', 't.n * 4 + t.column_k')}, ${uid('milestone', 't.n * 4 + t.milestone_j')},
            t.title, CASE WHEN ${rnd(g, 310)} < 0.2 THEN 'See the handoff notes for the customer''s requirements.' END,
            t.i * 1024,
            CASE WHEN ${rnd(g, 311)} < 0.08 THEN NULL ELSE ($2::uuid[])[${teamMember(b, 't.n', 't.team_k')}] END,
            ($3::uuid[])[1 + (t.milestone_j + t.team_k) % cardinality($3::uuid[])],
            t.start_on, t.due_on, t.baseline_due_on,
            CASE WHEN t.column_k > 1 THEN least(now(), t.start_on + interval '9 hours') END,
            CASE WHEN t.done THEN least(now(), t.completed_on + interval '15 hours') END, t.completed_on,
            CASE WHEN ${rnd(g, 312)} < 0.7 THEN 30 * (1 + floor(${rnd(g, 313)} * 16))::int END,
            ${weighted([["'NONE'", 50], ["'LOW'", 15], ["'MEDIUM'", 20], ["'HIGH'", 10], ["'URGENT'", 5]], rnd(g, 314))}::"TaskPriority",
            1 + floor(${rnd(g, 315)} * 3)::int,
            (t.start_on - 10) + interval '8 hours', least(now(), coalesce(t.completed_on, t.start_on) + interval '15 hours')
     FROM scale_task t`,
    b.orgId,
    b.delivery,
    b.roleIds,
  )
}

/** "A blocks B" between neighbours of a project (a quarter of them) and a few one further on: always forwards, so never a cycle. */
export async function insertDependencies(b: DeliveryContext) {
  return b.exec(
    `INSERT INTO task_dependency (org_id, project_id, blocker_id, blocked_id, created_at)
     SELECT $1::uuid, ${uid('project', 't.n')}, ${uid('task', 't.g')}, ${uid('task', 't.g + s.step')}, (t.start_on - 10) + interval '8 hours'
     FROM scale_task t CROSS JOIN (VALUES (1, 0.25), (2, 0.05)) AS s(step, share)
     WHERE t.i + s.step <= t.c AND ${rnd('t.g * 2 + s.step', 320)} < s.share`,
    b.orgId,
  )
}

/** Checklists on one task in five (2-5 items): all ticked on done tasks, some on started ones. */
export async function insertChecklists(b: DeliveryContext) {
  const k = 't.g * 8 + k.k'
  return b.exec(
    `INSERT INTO checklist_item (id, org_id, task_id, title, done_at, position)
     SELECT ${uid('check', k)}, $1::uuid, ${uid('task', 't.g')}, ${pick(w.CHECKLIST_ITEMS, rnd(k, 331))},
            CASE WHEN t.done THEN least(now(), t.completed_on + interval '14 hours')
                 WHEN t.column_k > 1 AND ${rnd(k, 332)} < 0.5 THEN least(now(), t.start_on + interval '12 hours') END,
            k.k * 1000
     FROM scale_task t CROSS JOIN LATERAL generate_series(1, 2 + floor(${rnd('t.g', 330)} * 4)::int) AS k(k)
     WHERE ${rnd('t.g', 333)} < 0.2`,
    b.orgId,
  )
}

/** A comment or two by the team on one task in eight (never dated in the future). */
export async function insertComments(b: DeliveryContext) {
  const k = 't.g * 4 + k.k'
  return b.exec(
    `INSERT INTO task_comment (id, org_id, task_id, author_id, body, created_at)
     SELECT ${uid('comment', k)}, $1::uuid, ${uid('task', 't.g')}, ($2::uuid[])[${teamMember(b, 't.n', 'k.k')}],
            ${pick(w.COMMENT_BODIES, rnd(k, 341))}, least(now() - interval '1 hour', (t.start_on + k.k) + interval '11 hours')
     FROM scale_task t CROSS JOIN LATERAL generate_series(1, 1 + floor(${rnd('t.g', 340)} * 2)::int) AS k(k)
     WHERE ${rnd('t.g', 342)} < 0.125 AND t.start_on <= current_date`,
    b.orgId,
    b.delivery,
  )
}

/** A milestone is done when all its tasks are: completed when its last task was. */
export async function completeMilestones(b: DeliveryContext) {
  return b.exec(
    `UPDATE milestone m SET completed_at = x.last_done
     FROM (SELECT milestone_id, max(completed_at) AS last_done FROM task WHERE org_id = $1::uuid GROUP BY milestone_id HAVING bool_and(completed_at IS NOT NULL)) x
     WHERE m.org_id = $1::uuid AND m.id = x.milestone_id`,
    b.orgId,
  )
}

/**
 * The busy person (delivery1) takes over BENCH.busyOpenTasks open tasks of live projects
 * (fewer when the data is small), drawn across them so some are overdue, some due this week
 * and most later, and joins those projects' teams.
 */
export async function assignBusyPerson(b: DeliveryContext) {
  const moved = await b.exec(
    `UPDATE task t SET assignee_id = $2::uuid
     FROM (SELECT t2.id FROM task t2 JOIN project p ON p.id = t2.project_id
           WHERE t2.org_id = $1::uuid AND t2.completed_at IS NULL AND p.status NOT IN ('DONE', 'CANCELLED') AND p.deleted_at IS NULL
             AND p.name NOT LIKE 'Bench %'
           ORDER BY md5(t2.id::text)
           LIMIT ${BENCH.busyOpenTasks}) x
     WHERE t.id = x.id`,
    b.orgId,
    b.delivery[0],
  )
  await b.exec(
    `INSERT INTO project_member (id, org_id, project_id, user_id, role_id, created_at)
     SELECT gen_random_uuid(), $1::uuid, x.project_id, $2::uuid, NULL, now()
     FROM (SELECT DISTINCT project_id FROM task WHERE org_id = $1::uuid AND assignee_id = $2::uuid) x
     ON CONFLICT DO NOTHING`,
    b.orgId,
    b.delivery[0],
  )
  return moved
}

/** "created the project" in each project's history, from a won deal when it has one. */
export async function insertProjectAudit(b: DeliveryContext) {
  return b.exec(
    `INSERT INTO activity_log (id, org_id, actor_id, entity_type, entity_id, action, changes, created_at)
     SELECT ${uid('log-project', 'p.n')}, $1::uuid, ($2::uuid[])[${teamMember(b, 'p.n', '0')}], 'project', ${uid('project', 'p.n')}, 'project.created',
            jsonb_strip_nulls(jsonb_build_object('tasks', p.task_count, 'milestones', 4, 'kickoffOn', p.kickoff::text, 'targetGoLiveOn', p.baseline_on::text,
                                                 'sourceDealId', CASE WHEN p.deal_g IS NOT NULL THEN ${uid('deal', 'p.deal_g')}::text END)),
            p.kickoff - interval '5 days'
     FROM scale_project p`,
    b.orgId,
    b.delivery,
  )
}
