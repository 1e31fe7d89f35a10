import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { toDay, type Day } from '@/lib/dates'
import { AppError } from '@/lib/errors'
import { readableProjects } from '@/lib/pm/project-access'
import { isUuid, projectMilestones, projectTaskRows, type MilestoneRow, type ProjectTaskRow } from '@/lib/pm/task-list'

// The timeline (Gantt) of a project: its dates, milestones, tasks with start, due and baseline,
// and the dependency edges between them. Four queries; the layout is computed in the component.

export type TimelineData = {
  project: { id: string; name: string; kickoffOn: Day; targetGoLiveOn: Day | null; baselineGoLiveOn: Day | null }
  milestones: MilestoneRow[]
  /** milestone groups in milestone order, tasks by start (then due, then title) */
  tasks: ProjectTaskRow[]
  /** "blocker blocks blocked", both ids among `tasks` */
  dependencies: { blockerId: string; blockedId: string }[]
}

const startOf = (t: ProjectTaskRow) => t.startOn ?? t.dueOn ?? '9999-12-31'

/** NOT_FOUND when the viewer may not read the project (another org's, deleted, or a rep's not-their-deal). */
export async function loadTimeline(db: Db, ctx: Ctx, projectId: string): Promise<TimelineData> {
  if (!isUuid(projectId)) throw new AppError('NOT_FOUND', 'This project was not found.')
  const project = await db.project.findFirst({
    where: { id: projectId, ...readableProjects(ctx) },
    select: { id: true, name: true, kickoffOn: true, targetGoLiveOn: true, baselineGoLiveOn: true },
  })
  if (!project) throw new AppError('NOT_FOUND', 'This project was not found.')
  const [tasks, milestones, dependencies] = await Promise.all([
    projectTaskRows(db, ctx, project.id),
    projectMilestones(db, ctx, project.id),
    db.taskDependency.findMany({ where: { orgId: ctx.orgId, projectId: project.id }, select: { blockerId: true, blockedId: true } }),
  ])
  const order = new Map<string | null, number>(milestones.map((m, i) => [m.id, i]))
  const rank = (t: ProjectTaskRow) => order.get(t.milestoneId) ?? milestones.length
  tasks.sort((a, b) => rank(a) - rank(b) || startOf(a).localeCompare(startOf(b)) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.title.localeCompare(b.title))
  return {
    project: {
      id: project.id,
      name: project.name,
      kickoffOn: toDay(project.kickoffOn),
      targetGoLiveOn: project.targetGoLiveOn ? toDay(project.targetGoLiveOn) : null,
      baselineGoLiveOn: project.baselineGoLiveOn ? toDay(project.baselineGoLiveOn) : null,
    },
    milestones,
    tasks,
    dependencies,
  }
}
