import 'server-only'
import { briefMarkdown, type HandoffSnapshot } from '@/lib/handoff/brief'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { toDay } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import { readableProjects } from '@/lib/pm/project-access'

const day = (d: Date | null) => (d ? toDay(d) : null)
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The REST API's view of a project: header, milestones and tasks with their dates and baselines. */
export async function getProjectForApi(db: Db, ctx: Ctx, projectId: string) {
  if (!uuid.test(projectId)) throw notFound('This project')
  const project = await db.project.findFirst({
    where: { id: projectId, ...readableProjects(ctx) },
    select: {
      id: true,
      name: true,
      status: true,
      kickoffOn: true,
      targetGoLiveOn: true,
      baselineGoLiveOn: true,
      completedAt: true,
      sourceDealId: true,
      companyId: true,
      brief: true,
      handoff: true,
      owner: { select: { id: true, name: true } },
      templateVersion: { select: { templateId: true, version: true } },
      milestones: { orderBy: { position: 'asc' }, select: { id: true, name: true, dueOn: true, baselineDueOn: true, completedAt: true } },
      tasks: {
        orderBy: [{ dueOn: 'asc' }, { position: 'asc' }],
        select: {
          id: true,
          title: true,
          milestoneId: true,
          startOn: true,
          dueOn: true,
          baselineDueOn: true,
          completedAt: true,
          completedOn: true,
          priority: true,
          column: { select: { name: true, kind: true } },
          assignee: { select: { id: true, name: true } },
          blockedBy: { select: { blockerId: true } },
        },
      },
    },
  })
  if (!project) throw notFound('This project')
  return {
    ...project,
    kickoffOn: day(project.kickoffOn),
    targetGoLiveOn: day(project.targetGoLiveOn),
    baselineGoLiveOn: day(project.baselineGoLiveOn),
    /** what sales sold and promised, as at the win (null for a project not made from a deal) */
    handoff: project.handoff as HandoffSnapshot | null,
    handoffBrief: project.handoff ? briefMarkdown(project.handoff as HandoffSnapshot) : null,
    template: project.templateVersion,
    templateVersion: undefined,
    milestones: project.milestones.map((m) => ({ ...m, dueOn: day(m.dueOn), baselineDueOn: day(m.baselineDueOn) })),
    tasks: project.tasks.map(({ column, blockedBy, ...t }) => ({
      ...t,
      status: column.kind,
      column: column.name,
      startOn: day(t.startOn),
      dueOn: day(t.dueOn),
      baselineDueOn: day(t.baselineDueOn),
      completedOn: day(t.completedOn),
      /** completed after its first due date: stays late after the due date moves */
      late: t.completedOn && t.baselineDueOn ? t.completedOn > t.baselineDueOn : null,
      blockedBy: blockedBy.map((b) => b.blockerId),
    })),
  }
}
