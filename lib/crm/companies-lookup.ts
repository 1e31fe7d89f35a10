import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'

/** Companies to pick from in a form: by name, live ones only, bounded. */
export async function companyOptions(db: Db, ctx: Ctx, take = 200) {
  const rows = await db.company.findMany({
    where: { orgId: ctx.orgId, deletedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, name: true },
  })
  return rows.map((r) => ({ value: r.id, label: r.name }))
}
