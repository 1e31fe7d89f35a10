import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { AppError } from '@/lib/errors'
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

/**
 * A template version's content, ready for planProject (scoped to the caller's organization).
 * Another organization's or a missing version: NOT_FOUND on `field`, the input that named it.
 */
export async function loadTemplateContent(db: Db, ctx: Pick<Ctx, 'orgId'>, versionId: string, field = 'templateVersionId'): Promise<TemplateContent & { id: string; templateId: string; version: number }> {
  // One query (a 40-task template is read inside the handoff's transaction); the same fields as
  // TEMPLATE_MILESTONE_FIELDS and TEMPLATE_TASK_FIELDS, in position order.
  const [version] = await db.$queryRaw<(TemplateContent & { id: string; templateId: string; version: number })[]>`
    SELECT v.id, v.template_id AS "templateId", v.version, v.lead_time_days AS "leadTimeDays", v.lead_time_business_days AS "leadTimeBusinessDays",
           v.default_duration_days AS "defaultDurationDays",
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'anchor', m.anchor, 'offsetDays', m.offset_days, 'businessDays', m.business_days,
                                                  'position', m.position) ORDER BY m.position), '[]'::json)
         FROM template_milestone m WHERE m.org_id = v.org_id AND m.version_id = v.id) AS milestones,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'milestoneId', t.milestone_id, 'title', t.title, 'description', t.description, 'anchor', t.anchor,
                                                  'offsetDays', t.offset_days, 'durationDays', t.duration_days, 'businessDays', t.business_days, 'roleId', t.role_id,
                                                  'assignDealOwner', t.assign_deal_owner, 'estimateMinutes', t.estimate_minutes, 'priority', t.priority,
                                                  'checklist', t.checklist, 'position', t.position) ORDER BY t.position), '[]'::json)
         FROM template_task t WHERE t.org_id = v.org_id AND t.version_id = v.id) AS tasks,
      (SELECT coalesce(json_agg(json_build_object('blockerId', d.blocker_id, 'blockedId', d.blocked_id)), '[]'::json)
         FROM template_dependency d WHERE d.org_id = v.org_id AND d.version_id = v.id) AS dependencies
    FROM project_template_version v WHERE v.id = ${versionId}::uuid AND v.org_id = ${ctx.orgId}::uuid`
  if (!version) throw new AppError('NOT_FOUND', 'That template was not found.', field)
  return version
}
