import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Role } from '@/lib/generated/prisma/enums'

export type ProjectPerson = { id: string; name: string; role: Role }

/**
 * The people who can read a project: every member but sales, and the sales rep who owns the
 * project's deal. They are who a task can be assigned to and who a comment can mention.
 */
export async function projectPeople(db: Db, ctx: Ctx, of: { projectId: string }): Promise<ProjectPerson[]> {
  return db.$queryRaw<ProjectPerson[]>`
    SELECT u.id, u.name, ms.role
    FROM membership ms
    JOIN "user" u ON u.id = ms.user_id
    WHERE ms.org_id = ${ctx.orgId}::uuid
      AND (ms.role <> 'SALES' OR ms.user_id = (
        SELECT d.owner_id FROM project p JOIN deal d ON d.id = p.source_deal_id
        WHERE p.id = ${of.projectId}::uuid AND p.org_id = ${ctx.orgId}::uuid))
    ORDER BY u.name, u.id`
}
