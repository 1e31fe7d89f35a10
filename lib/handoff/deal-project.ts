import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { toDay, todayIn, type Day } from '@/lib/dates'
import { emptyFigures, loadProjectFigures, percentDone } from '@/lib/pm/project-figures'
import { projectHealth, type ProjectHealth } from '@/lib/pm/project-health'
import { readableProjects } from '@/lib/pm/project-access'
import type { HandoffSnapshot } from '@/lib/handoff/brief'

export type DealProject = {
  id: string
  name: string
  status: string
  percentDone: number
  done: number
  total: number
  overdue: number
  nextMilestone: { name: string; dueOn: Day } | null
  targetGoLiveOn: Day | null
  baselineGoLiveOn: Day | null
  health: ProjectHealth
  /** false: the project exists but this person may not open it (a rep who does not own the deal) */
  readable: boolean
}

/** The deal page's view of its project: status, progress, the next milestone, overdue work. */
export async function dealProject(db: Db, ctx: Ctx, dealId: string, timeZone: string): Promise<DealProject | null> {
  const project = await db.project.findFirst({
    where: { orgId: ctx.orgId, sourceDealId: dealId, deletedAt: null },
    select: { id: true, name: true, status: true, targetGoLiveOn: true, baselineGoLiveOn: true, completedAt: true },
  })
  if (!project) return null
  const readable = Boolean(await db.project.findFirst({ where: { id: project.id, ...readableProjects(ctx) }, select: { id: true } }))
  const today = todayIn(timeZone)
  const figures = (await loadProjectFigures(db, ctx, [project.id], today)).get(project.id) ?? emptyFigures
  const targetGoLiveOn = project.targetGoLiveOn ? toDay(project.targetGoLiveOn) : null
  const baselineGoLiveOn = project.baselineGoLiveOn ? toDay(project.baselineGoLiveOn) : null
  const { health } = projectHealth({
    status: project.status,
    today,
    targetGoLiveOn,
    baselineGoLiveOn,
    completedOn: project.completedAt ? todayIn(timeZone, project.completedAt) : null,
    overdueMilestones: figures.overdueMilestones,
    openTasksDueAfterTarget: figures.dueAfterTarget,
    busiestOpenWorkMinutes: figures.busiestOpenMinutes,
  })
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    percentDone: percentDone(figures),
    done: figures.done,
    total: figures.total,
    overdue: figures.overdue,
    nextMilestone: figures.nextMilestone ? { name: figures.nextMilestone.name, dueOn: figures.nextMilestone.dueOn } : null,
    targetGoLiveOn,
    baselineGoLiveOn,
    health,
    readable,
  }
}

/** The handoff snapshot a project was built with (null for a project made by hand). */
export async function projectHandoff(db: Db, ctx: Ctx, projectId: string): Promise<HandoffSnapshot | null> {
  const project = await db.project.findFirst({ where: { id: projectId, ...readableProjects(ctx) }, select: { handoff: true } })
  return (project?.handoff as HandoffSnapshot | null | undefined) ?? null
}
