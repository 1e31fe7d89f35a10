import type { Ctx } from '@/lib/authz'
import type { ColumnKind } from '@/lib/generated/prisma/enums'
import { defaultColumnRows } from '@/lib/pm/board-columns'
import { testDb } from '../setup/db'

const day = (value: string) => new Date(`${value}T00:00:00Z`)

/**
 * A project with the default board columns, inserted directly (tests of boards, tasks and
 * My work that do not need a template). `tasks` go to the TODO column in order.
 */
export async function createTestProject(
  ctx: Ctx,
  options: {
    name?: string
    kickoffOn?: string
    ownerId?: string
    sourceDealId?: string
    tasks?: { title: string; dueOn?: string; assigneeId?: string; kind?: ColumnKind }[]
  } = {},
) {
  const project = await testDb.project.create({
    data: {
      orgId: ctx.orgId,
      name: options.name ?? 'Project',
      status: 'ACTIVE',
      ownerId: options.ownerId ?? ctx.userId,
      kickoffOn: day(options.kickoffOn ?? '2026-03-02'),
      sourceDealId: options.sourceDealId,
    },
  })
  await testDb.boardColumn.createMany({ data: defaultColumnRows(ctx.orgId, project.id) })
  const columns = await testDb.boardColumn.findMany({ where: { projectId: project.id }, orderBy: { position: 'asc' } })
  const column = (kind: ColumnKind) => columns.find((c) => c.kind === kind)!
  const tasks = []
  for (const [index, task] of (options.tasks ?? []).entries()) {
    const dueOn = task.dueOn ? day(task.dueOn) : null
    const done = task.kind === 'DONE'
    tasks.push(
      await testDb.task.create({
        data: {
          orgId: ctx.orgId,
          projectId: project.id,
          columnId: column(task.kind ?? 'TODO').id,
          title: task.title,
          position: (index + 1) * 1000,
          assigneeId: task.assigneeId,
          dueOn,
          baselineDueOn: dueOn,
          completedAt: done ? new Date() : null,
          completedOn: done ? dueOn : null,
        },
      }),
    )
  }
  return { project, columns, column, tasks }
}
