import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { organizationPeople } from '@/lib/pm/project-people'

export type TemplateChoice = {
  templateId: string
  versionId: string
  name: string
  version: number
  isDefault: boolean
  taskCount: number
  /** the roles its tasks use, each with its default person (when still a member) */
  roles: { id: string; name: string; defaultUserId: string | null }[]
  /** some tasks go to the deal's owner */
  hasDealOwnerTasks: boolean
}

/**
 * What the new-project dialog offers: the live templates at their current version, each with
 * the roles it needs filled (the default template first).
 */
export async function templateChoices(db: Db, ctx: Pick<Ctx, 'orgId'>): Promise<TemplateChoice[]> {
  const rows = await db.$queryRaw<TemplateChoice[]>`
    SELECT t.id::text AS "templateId", v.id::text AS "versionId", t.name, v.version, t.is_default AS "isDefault",
      (SELECT count(*)::int FROM template_task tt WHERE tt.version_id = v.id) AS "taskCount",
      EXISTS (SELECT 1 FROM template_task tt WHERE tt.version_id = v.id AND tt.assign_deal_owner) AS "hasDealOwnerTasks",
      coalesce((
        SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'defaultUserId', m.user_id) ORDER BY r.position, r.name)
        FROM project_role r LEFT JOIN membership m ON m.org_id = r.org_id AND m.user_id = r.default_user_id
        WHERE r.org_id = t.org_id AND r.id IN (SELECT tt.role_id FROM template_task tt WHERE tt.version_id = v.id)
      ), '[]'::json) AS roles
    FROM project_template t JOIN project_template_version v ON v.id = t.current_version_id
    WHERE t.org_id = ${ctx.orgId}::uuid AND t.archived_at IS NULL
    ORDER BY t.is_default DESC, t.name`
  return rows
}

export type NewProjectOptions = { templates: TemplateChoice[]; people: { id: string; name: string }[] }

/** The dialog's choices: templates with their roles, and the organization's people. */
export async function newProjectOptions(db: Db, ctx: Pick<Ctx, 'orgId'>): Promise<NewProjectOptions> {
  const [templates, people] = await Promise.all([templateChoices(db, ctx), organizationPeople(db, ctx)])
  return { templates, people }
}
