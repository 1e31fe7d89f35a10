import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { toDay, todayIn, type Day } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import { canEditDeal } from '@/lib/crm/deal-access'
import { pickTemplate } from '@/lib/pm/template-rules'

// What the "Mark as won" dialog shows before anything is written: the template the rules pick
// and why, the other templates, each template's roles with their default people, its lead time
// (the dialog proposes kickoff = close date + lead time), and who can fill a role.

export type WinPlanTemplate = {
  id: string
  name: string
  leadTimeDays: number
  leadTimeBusinessDays: boolean
  taskCount: number
  roles: { id: string; name: string; defaultUserId: string | null }[]
}

export type WinPlan = {
  deal: { id: string; title: string; status: 'OPEN' | 'WON' | 'LOST'; version: number; companyName: string | null; canEdit: boolean }
  existingProject: { id: string; name: string; status: string } | null
  today: Day
  picked: { templateId: string; reasons: string[] } | null
  templates: WinPlanTemplate[]
  people: { id: string; name: string }[]
  holidays: Day[]
}

export async function planWin(db: Db, ctx: Ctx, dealId: string): Promise<WinPlan> {
  const deal = await db.deal.findFirst({
    where: { id: dealId, orgId: ctx.orgId, deletedAt: null },
    select: { id: true, title: true, status: true, version: true, ownerId: true, company: { select: { name: true } }, org: { select: { timeZone: true } }, project: { select: { id: true, name: true, status: true, deletedAt: true } } },
  })
  if (!deal) throw notFound('This deal')
  const [picked, templates, people, holidays] = await Promise.all([
    pickTemplate(db, ctx, dealId),
    db.projectTemplate.findMany({
      where: { orgId: ctx.orgId, archivedAt: null, currentVersionId: { not: null } },
      orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
      select: {
        id: true,
        name: true,
        currentVersion: {
          select: {
            leadTimeDays: true,
            leadTimeBusinessDays: true,
            _count: { select: { tasks: true } },
            tasks: { where: { roleId: { not: null } }, distinct: ['roleId'], select: { role: { select: { id: true, name: true, defaultUserId: true, position: true } } } },
          },
        },
      },
    }),
    db.membership.findMany({ where: { orgId: ctx.orgId }, orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true } } } }),
    db.holiday.findMany({ where: { orgId: ctx.orgId }, select: { day: true } }),
  ])
  return {
    deal: { id: deal.id, title: deal.title, status: deal.status, version: deal.version, companyName: deal.company?.name ?? null, canEdit: canEditDeal(ctx, deal) },
    existingProject: deal.project && !deal.project.deletedAt ? { id: deal.project.id, name: deal.project.name, status: deal.project.status } : null,
    today: todayIn(deal.org.timeZone),
    picked: picked ? { templateId: picked.templateId, reasons: picked.reasons } : null,
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      leadTimeDays: t.currentVersion!.leadTimeDays,
      leadTimeBusinessDays: t.currentVersion!.leadTimeBusinessDays,
      taskCount: t.currentVersion!._count.tasks,
      roles: t.currentVersion!.tasks
        .map((task) => task.role!)
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
        .map((r) => ({ id: r.id, name: r.name, defaultUserId: r.defaultUserId })),
    })),
    people: people.map((m) => m.user),
    holidays: holidays.map((h) => toDay(h.day)),
  }
}
