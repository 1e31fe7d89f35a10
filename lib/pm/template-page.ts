import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { addDays, fromDay, todayIn, type Day } from '@/lib/dates'
import { listPipelines } from '@/lib/crm/pipelines'
import { listProducts } from '@/lib/crm/products'
import { loadHolidays } from '@/lib/pm/holidays'
import { listProjectRoles } from '@/lib/pm/project-roles'
import { listTemplateRules } from '@/lib/pm/template-rules'
import { getTemplateEditor } from '@/lib/pm/templates'

/** The Monday after `today` (the preview's starting kickoff). */
export function nextMonday(today: Day): Day {
  const weekday = fromDay(today).getUTCDay()
  return addDays(today, ((8 - weekday) % 7) || 7)
}

/** Everything the template page shows: the editor's version, roles, holidays, rules and what rules choose from. */
export async function loadTemplatePage(db: Db, ctx: Ctx, org: { timeZone: string; currency: string }, templateId: string, versionNumber?: number) {
  const editor = await getTemplateEditor(db, ctx, templateId, versionNumber)
  const roles = (await listProjectRoles(db, ctx, { includeArchived: true })).map((r) => ({ id: r.id, name: r.name, archived: r.archived }))
  const holidays = [...(await loadHolidays(db, ctx.orgId))].sort()
  const rules = await listTemplateRules(db, ctx, templateId)
  const pipelines = (await listPipelines(db, ctx)).map((p) => ({ id: p.id, name: p.name }))
  const products = (await listProducts(db, ctx)).map((p) => ({ id: p.id, name: p.name }))
  const defaultTemplate = await db.projectTemplate.findFirst({ where: { orgId: ctx.orgId, isDefault: true, archivedAt: null }, select: { name: true } })
  return {
    ...editor,
    roles,
    holidays,
    rules,
    pipelines,
    products,
    defaultTemplateName: defaultTemplate?.name ?? null,
    defaultKickoff: nextMonday(todayIn(org.timeZone)),
    currency: org.currency.trim(),
  }
}
