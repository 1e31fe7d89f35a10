import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { notFound } from '@/lib/errors'
import type { TemplateContent } from '@/lib/pm/template-plan'

/** The fields of a template's milestones and tasks that projects and the editor read. */
export const TEMPLATE_MILESTONE_FIELDS = { id: true, name: true, anchor: true, offsetDays: true, businessDays: true, position: true } as const
export const TEMPLATE_TASK_FIELDS = {
  id: true,
  milestoneId: true,
  title: true,
  description: true,
  anchor: true,
  offsetDays: true,
  durationDays: true,
  businessDays: true,
  roleId: true,
  assignDealOwner: true,
  estimateMinutes: true,
  priority: true,
  checklist: true,
  position: true,
} as const

/** A template version's content, ready for planProject (scoped to the caller's organization). */
export async function loadTemplateContent(db: Db, ctx: Pick<Ctx, 'orgId'>, versionId: string): Promise<TemplateContent & { id: string; templateId: string; version: number }> {
  const version = await db.projectTemplateVersion.findFirst({
    where: { id: versionId, orgId: ctx.orgId },
    select: {
      id: true,
      templateId: true,
      version: true,
      leadTimeDays: true,
      leadTimeBusinessDays: true,
      defaultDurationDays: true,
      milestones: { select: TEMPLATE_MILESTONE_FIELDS, orderBy: { position: 'asc' } },
      tasks: { select: TEMPLATE_TASK_FIELDS, orderBy: { position: 'asc' } },
      dependencies: { select: { blockerId: true, blockedId: true } },
    },
  })
  if (!version) throw notFound('This template')
  return version
}
