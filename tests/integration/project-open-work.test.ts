import { describe, expect, it } from 'vitest'
import { deleteTask, createTask, setTaskDone, updateTask } from '@/lib/pm/tasks'
import { moveTask } from '@/lib/pm/task-move'
import { createMember, createOrg } from '../factories'
import { createTestProject } from '../factories/projects'
import { testDb } from '../setup/db'

// project_open_work is kept by triggers on task (migration 20261203040000_project_open_work):
// after any write through the services, or straight SQL, it must equal the open work counted
// from the tasks themselves. Project health on the delivery dashboard reads it.

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

async function expectInStep() {
  const { kept, counted } = await bothSides()
  expect(kept).toEqual(counted)
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

describe('project open work (kept by triggers)', () => {
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
    await testDb.project.delete({ where: { id: project.project.id } })
    expect(await testDb.$queryRaw<unknown[]>`SELECT * FROM project_open_work`).toEqual([])
    await expectInStep()
  })
})
