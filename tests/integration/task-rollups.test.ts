import { describe, expect, it } from 'vitest'
import { deleteTask, createTask, setTaskDone, updateTask } from '@/lib/pm/tasks'
import { moveTask } from '@/lib/pm/task-move'
import { createMember, createOrg } from '../factories'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

// project_open_work and task_completion_month are kept by triggers on task (migration
// 20261203040000_task_rollups, ADR 0013): after any write through the services, or straight
// SQL, they must equal what the tasks themselves say. Project health and the on-time figures
// of the delivery dashboard read them.

const UNASSIGNED = '00000000-0000-0000-0000-000000000000'

type Work = { project_id: string; assignee_key: string; open_tasks: number; open_minutes: number }

/** What the table says (rows with no open work left out) and what the tasks say. */
async function bothSides() {
  const kept = await testDb.$queryRaw<Work[]>`
    SELECT project_id::text, assignee_key::text, open_tasks, open_minutes::int AS open_minutes
    FROM project_open_work WHERE open_tasks <> 0 OR open_minutes <> 0 ORDER BY 1, 2`
  const counted = await testDb.$queryRaw<Work[]>`
    SELECT project_id::text, coalesce(assignee_id, ${UNASSIGNED}::uuid)::text AS assignee_key, count(*)::int AS open_tasks,
      coalesce(sum(estimate_minutes), 0)::int AS open_minutes
    FROM task WHERE completed_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`
  return { kept, counted }
}

type Done = { month: string; project_id: string; assignee_key: string; completed: number; on_time: number }

/** Completions per month, project and person: the rollup and the tasks. */
async function completions() {
  const kept = await testDb.$queryRaw<Done[]>`
    SELECT to_char(month, 'YYYY-MM') AS month, project_id::text, assignee_key::text, completed, on_time
    FROM task_completion_month WHERE completed <> 0 OR on_time <> 0 ORDER BY 1, 2, 3`
  const counted = await testDb.$queryRaw<Done[]>`
    SELECT to_char(completed_on, 'YYYY-MM') AS month, project_id::text, coalesce(assignee_id, ${UNASSIGNED}::uuid)::text AS assignee_key,
      count(*)::int AS completed, count(*) FILTER (WHERE completed_on <= baseline_due_on)::int AS on_time
    FROM task WHERE completed_at IS NOT NULL AND completed_on IS NOT NULL AND baseline_due_on IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
  return { kept, counted }
}

async function expectInStep() {
  const { kept, counted } = await bothSides()
  expect(kept).toEqual(counted)
  const done = await completions()
  expect(done.kept).toEqual(done.counted)
  return kept
}

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  const ann = await createMember(org, 'DELIVERY', { name: 'Ann' })
  const bob = await createMember(org, 'DELIVERY', { name: 'Bob' })
  const project = await createTestProject(admin.ctx, { name: 'Rollout' })
  return { admin, ann, bob, project }
}

describe('task rollups (kept by triggers)', () => {
  it('follows tasks created, re-estimated, reassigned, moved, completed, reopened and deleted', async () => {
    const { admin, ann, bob, project } = await setup()
    const todo = project.column('TODO').id
    const a = await createTask(testDb, admin.ctx, { projectId: project.project.id, columnId: todo, title: 'Configure', assigneeId: ann.user.id, priority: 'NONE' })
    const b = await createTask(testDb, admin.ctx, { projectId: project.project.id, columnId: todo, title: 'Train', assigneeId: ann.user.id, priority: 'NONE' })
    const c = await createTask(testDb, admin.ctx, { projectId: project.project.id, columnId: todo, title: 'Unassigned', priority: 'NONE' })
    expect(await expectInStep()).toEqual([
      { project_id: project.project.id, assignee_key: UNASSIGNED, open_tasks: 1, open_minutes: 0 },
      { project_id: project.project.id, assignee_key: ann.user.id, open_tasks: 2, open_minutes: 0 },
    ].sort((x, y) => x.assignee_key.localeCompare(y.assignee_key)))

    await updateTask(testDb, admin.ctx, { taskId: a.id, estimateHours: 6 })
    await updateTask(testDb, admin.ctx, { taskId: b.id, estimateHours: 2.5 })
    const ann1 = (await expectInStep()).find((r) => r.assignee_key === ann.user.id)
    expect(ann1).toMatchObject({ open_tasks: 2, open_minutes: 510 })

    await updateTask(testDb, admin.ctx, { taskId: b.id, assigneeId: bob.user.id })
    await updateTask(testDb, admin.ctx, { taskId: c.id, title: 'Renamed' })
    const fresh = await testDb.task.findUniqueOrThrow({ where: { id: a.id } })
    await moveTask(testDb, admin.ctx, { taskId: a.id, toColumnId: project.column('DOING').id, version: fresh.version })
    const moved = await expectInStep()
    expect(moved.find((r) => r.assignee_key === ann.user.id)).toMatchObject({ open_tasks: 1, open_minutes: 360 })
    expect(moved.find((r) => r.assignee_key === bob.user.id)).toMatchObject({ open_tasks: 1, open_minutes: 150 })

    await setTaskDone(testDb, admin.ctx, { taskId: a.id, done: true })
    expect((await expectInStep()).find((r) => r.assignee_key === ann.user.id)).toBeUndefined()
    await setTaskDone(testDb, admin.ctx, { taskId: a.id, done: false })
    expect((await expectInStep()).find((r) => r.assignee_key === ann.user.id)).toMatchObject({ open_tasks: 1, open_minutes: 360 })

    await deleteTask(testDb, admin.ctx, { taskId: b.id })
    expect((await expectInStep()).find((r) => r.assignee_key === bob.user.id)).toBeUndefined()
  })

  it('counts completions per month on time or late against the baseline, also after the due date moves', async () => {
    const { admin, ann, project } = await setup()
    const task = (title: string, dueOn: string) =>
      testDb.task.create({ data: { orgId: project.project.orgId, projectId: project.project.id, columnId: project.column('TODO').id, title, position: 1, assigneeId: ann.user.id, dueOn: new Date(`${dueOn}T00:00:00Z`), baselineDueOn: new Date(`${dueOn}T00:00:00Z`) } })
    const complete = (id: string, on: string) => testDb.task.update({ where: { id }, data: { completedAt: new Date(`${on}T12:00:00Z`), completedOn: new Date(`${on}T00:00:00Z`) } })
    const early = await task('Early', '2026-03-10')
    const late = await task('Late', '2026-03-10')
    await complete(early.id, '2026-03-09')
    await complete(late.id, '2026-04-02')
    // the due date moves after the fact: still late against the baseline
    await updateTask(testDb, admin.ctx, { taskId: late.id, dueOn: '2026-04-30' })
    await expectInStep()
    const rows = (await completions()).kept
    expect(rows.map((r) => [r.month, r.completed, r.on_time])).toEqual([
      ['2026-03', 1, 1],
      ['2026-04', 1, 0],
    ])
    // reopened: the completion goes away; completed again in March on time
    await testDb.task.update({ where: { id: late.id }, data: { completedAt: null, completedOn: null } })
    await complete(late.id, '2026-03-10')
    await expectInStep()
    expect((await completions()).kept.map((r) => [r.month, r.completed, r.on_time])).toEqual([['2026-03', 2, 2]])
  })

  it('stays right under concurrent completions of the same person’s tasks', async () => {
    const { ann, project } = await setup()
    const tasks = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        testDb.task.create({ data: { orgId: project.project.orgId, projectId: project.project.id, columnId: project.column('TODO').id, title: `T${i}`, position: i, assigneeId: ann.user.id, estimateMinutes: 60 } }),
      ),
    )
    // each completion in its own transaction, all at once
    await Promise.all(
      tasks.slice(0, 5).map((t) =>
        testDb.$transaction(async (tx) => {
          await tx.task.update({ where: { id: t.id }, data: { completedAt: new Date(), completedOn: new Date('2026-03-02T00:00:00Z') } })
          await tx.$executeRaw`SELECT pg_sleep(0.02)`
        }),
      ),
    )
    expect(await expectInStep()).toEqual([{ project_id: project.project.id, assignee_key: ann.user.id, open_tasks: 3, open_minutes: 180 }])
  })

  it('goes with a project deleted together with its tasks', async () => {
    const { admin, ann, project } = await setup()
    await createTask(testDb, admin.ctx, { projectId: project.project.id, columnId: project.column('TODO').id, title: 'Configure', assigneeId: ann.user.id, priority: 'NONE' })
    await testDb.task.updateMany({ where: { projectId: project.project.id }, data: { completedAt: new Date(), completedOn: new Date('2026-03-02T00:00:00Z'), baselineDueOn: new Date('2026-03-03T00:00:00Z') } })
    await testDb.project.delete({ where: { id: project.project.id } })
    expect(await testDb.$queryRaw<unknown[]>`SELECT * FROM project_open_work`).toEqual([])
    expect(await testDb.$queryRaw<unknown[]>`SELECT * FROM task_completion_month`).toEqual([])
    await expectInStep()
  })
})
