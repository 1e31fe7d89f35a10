import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'

type Option = { value: string; label: string }

/** The choices of the dashboard filters: the organization's pipelines, people and templates. */
export async function dashboardOptions(db: Db, ctx: Ctx, want: { pipelines?: boolean; owners?: boolean; templates?: boolean }) {
  const [pipelines, owners, templates] = await Promise.all([
    want.pipelines ? db.pipeline.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }) : null,
    want.owners
      ? db.membership.findMany({ where: { orgId: ctx.orgId }, orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true } } } })
      : null,
    want.templates ? db.projectTemplate.findMany({ where: { orgId: ctx.orgId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }) : null,
  ])
  const options: { pipelines?: Option[]; owners?: Option[]; templates?: Option[] } = {}
  if (pipelines) options.pipelines = pipelines.map((p) => ({ value: p.id, label: p.name }))
  if (owners) options.owners = owners.map((m) => ({ value: m.user.id, label: m.user.name }))
  if (templates) options.templates = templates.map((t) => ({ value: t.id, label: t.name }))
  return options
}
