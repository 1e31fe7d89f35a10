import type { Ctx } from '@/lib/authz'
import { testDb } from '../setup/db'
import { createTestProject } from './projects'

const day = (value: string) => new Date(`${value}T00:00:00Z`)

/** A project with two milestones (the later one created first), tasks in them and outside, a re-dated task and a dependency. */
export async function plannedProject(ctx: Ctx, people: { ann: string; bob: string }, sourceDealId?: string) {
  const { project, tasks, column } = await createTestProject(ctx, {
    name: 'Acme rollout',
    sourceDealId,
    tasks: [
      { title: 'Go live', dueOn: '2026-03-20', assigneeId: people.bob },
      { title: 'Kickoff call', dueOn: '2026-03-03', assigneeId: people.ann, kind: 'DONE' },
      { title: 'Import data', dueOn: '2026-03-12', assigneeId: people.bob },
      { title: 'Configure', dueOn: '2026-03-10' },
      { title: 'Write the FAQ' },
    ],
  })
  const [goLive, kickoffCall, importData, configure] = tasks
  const launch = await testDb.milestone.create({ data: { orgId: ctx.orgId, projectId: project.id, name: 'Launch', dueOn: day('2026-03-20'), baselineDueOn: day('2026-03-18'), position: 2 } })
  const setup = await testDb.milestone.create({ data: { orgId: ctx.orgId, projectId: project.id, name: 'Setup', dueOn: day('2026-03-12'), baselineDueOn: day('2026-03-12'), position: 1 } })
  await testDb.task.update({ where: { id: goLive!.id }, data: { milestoneId: launch.id, startOn: day('2026-03-16') } })
  await testDb.task.updateMany({ where: { id: { in: [kickoffCall!.id, importData!.id, configure!.id] } }, data: { milestoneId: setup.id } })
  // Re-dated: planned for the 9th, now due the 12th; 6 hours; in progress.
  await testDb.task.update({
    where: { id: importData!.id },
    data: { startOn: day('2026-03-05'), baselineDueOn: day('2026-03-09'), estimateMinutes: 360, columnId: column('DOING').id },
  })
  await testDb.task.update({ where: { id: kickoffCall!.id }, data: { completedOn: day('2026-03-04') } })
  await testDb.taskDependency.create({ data: { orgId: ctx.orgId, projectId: project.id, blockerId: importData!.id, blockedId: goLive!.id } })
  return { project, tasks: { goLive: goLive!, kickoffCall: kickoffCall!, importData: importData!, configure: configure! }, milestones: { setup, launch } }
}

