import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { createTestTemplate } from '../factories/template-versions'
import { testDatabaseUrl, testDb } from '../setup/db'
import { createPrismaClient } from '@/lib/db'
import { changeDealStage } from '@/lib/handoff/change-stage'
import { winDeal, type WinResult } from '@/lib/handoff/win-deal'
import { WinDealInput } from '@/lib/handoff/win-deal.schema'
import { briefMarkdown, type HandoffSnapshot } from '@/lib/handoff/brief'

const win = (ctx: Ctx, input: Parameters<typeof WinDealInput.parse>[0]) => testDb.$transaction((tx) => winDeal(tx, ctx, WinDealInput.parse(input)), { timeout: 20_000, maxWait: 20_000 })

async function setup() {
  const org = await createOrg({ timeZone: 'Europe/Berlin' })
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales', email: `sam${Math.random()}@x.test` })
  const lead = await createMember(org, 'DELIVERY', { name: 'Dana Delivery' })
  const sales = await createSalesSetup(admin.ctx)
  const tpl = await createTestTemplate(admin.ctx, {
    name: 'Standard onboarding',
    roles: [{ name: 'Implementation lead', defaultUserId: lead.user.id }, { name: 'Solutions engineer' }],
    milestones: [{ name: 'Kickoff', offsetDays: 0 }, { name: 'Go-live', offsetDays: 10 }],
    tasks: [
      { title: 'Welcome call', milestone: 'Kickoff', offsetDays: 0, dealOwner: true },
      { title: 'Kickoff meeting', milestone: 'Kickoff', offsetDays: 1, role: 'Implementation lead', after: ['Welcome call'] },
      { title: 'Configure', milestone: 'Go-live', offsetDays: 3, durationDays: 2, role: 'Solutions engineer', after: ['Kickoff meeting'] },
      { title: 'Go live', milestone: 'Go-live', offsetDays: 10, role: 'Implementation lead', after: ['Configure'] },
    ],
  })
  await testDb.projectTemplate.update({ where: { id: tpl.template.id }, data: { isDefault: true } })
  const company = await testDb.company.create({ data: { orgId: org.id, name: 'Northwind Traders', domain: 'northwind.example' } })
  const deal = await createTestDeal(rep.ctx, { pipelineId: sales.pipeline.id, title: 'Northwind rollout', companyId: company.id, commitments: 'Go live before the trade fair in March.' })
  return { org, admin, rep, lead, sales, tpl, company, deal }
}

const projectsOf = (dealId: string) => testDb.project.findMany({ where: { sourceDealId: dealId } })

describe('winDeal', () => {
  it('wins the deal and builds one project from the default template, with people, dates and the brief', async () => {
    const { rep, lead, deal, tpl, company } = await setup()
    const product = await testDb.product.create({ data: { orgId: rep.ctx.orgId, name: 'Onboarding Pro', unitPriceMinor: 1_200_000n, currency: 'EUR' } })
    await testDb.dealLineItem.createMany({
      data: [
        { orgId: rep.ctx.orgId, dealId: deal.id, productId: product.id, name: 'Onboarding Pro', quantity: 1, unitPriceMinor: 1_200_000n, position: 1 },
        { orgId: rep.ctx.orgId, dealId: deal.id, name: 'Training day', quantity: 2, unitPriceMinor: 150_000n, discountBp: 1000, position: 2 },
      ],
    })
    await testDb.deal.update({ where: { id: deal.id }, data: { amountMinor: 1_470_000n } }) // the sum, as the line-item service keeps it
    const contact = await testDb.contact.create({ data: { orgId: rep.ctx.orgId, firstName: 'Elif', lastName: 'Yilmaz', email: 'elif@northwind.example', phone: '+49 30 1234', companyId: company.id } })
    await testDb.dealContact.create({ data: { orgId: rep.ctx.orgId, dealId: deal.id, contactId: contact.id, role: 'CHAMPION' } })
    await testDb.activity.create({ data: { orgId: rep.ctx.orgId, kind: 'NOTE', dealId: deal.id, authorId: rep.user.id, body: 'They need SSO from day one.' } })

    // Friday 2026-03-06: kickoff = close + 5 business days = Friday 13th.
    const result = await win(rep.ctx, { dealId: deal.id, closeOn: '2026-03-06' })
    expect(result.alreadyWon).toBe(false)
    expect(result.project).toMatchObject({ created: true, taskCount: 4, unfilledRoles: [{ name: 'Solutions engineer' }] })

    const wonDeal = await testDb.deal.findUniqueOrThrow({ where: { id: deal.id }, include: { stage: true } })
    expect(wonDeal).toMatchObject({ status: 'WON', probability: 100, version: deal.version + 1 })
    expect(wonDeal.stage.kind).toBe('WON')
    expect(wonDeal.closedAt!.toISOString().slice(0, 10)).toBe('2026-03-06')

    const project = await testDb.project.findUniqueOrThrow({ where: { id: result.project!.id }, include: { members: true, tasks: { orderBy: { position: 'asc' } } } })
    expect(project).toMatchObject({ name: 'Northwind Traders — Northwind rollout', sourceDealId: deal.id, companyId: company.id, templateVersionId: tpl.version.id, ownerId: lead.user.id })
    expect(project.kickoffOn.toISOString().slice(0, 10)).toBe('2026-03-13')
    const tasks = Object.fromEntries(project.tasks.map((t) => [t.title, t]))
    expect(tasks['Welcome call']!.assigneeId).toBe(rep.user.id) // the deal owner
    expect(tasks['Kickoff meeting']!.assigneeId).toBe(lead.user.id) // the role's default person
    expect(tasks['Configure']!.assigneeId).toBeNull() // nobody fills the role: flagged
    expect(tasks['Configure']!.roleId).toBe(tpl.roles.get('Solutions engineer'))
    // business days from Friday 13th: +3 -> Wednesday 18th, due +2 -> Friday 20th
    expect(tasks['Configure']!.startOn!.toISOString().slice(0, 10)).toBe('2026-03-18')
    expect(tasks['Configure']!.dueOn!.toISOString().slice(0, 10)).toBe('2026-03-20')
    expect(tasks['Configure']!.baselineDueOn).toEqual(tasks['Configure']!.dueOn)
    expect(await testDb.taskDependency.count({ where: { projectId: project.id } })).toBe(3)

    const brief = project.handoff as unknown as HandoffSnapshot
    expect(brief.deal).toMatchObject({ title: 'Northwind rollout', closeOn: '2026-03-06', amountMinor: '1470000', currency: 'EUR' })
    expect(brief.lineItems).toEqual([
      { name: 'Onboarding Pro', quantity: 1, unitPriceMinor: '1200000', discountBp: 0, totalMinor: '1200000' },
      { name: 'Training day', quantity: 2, unitPriceMinor: '150000', discountBp: 1000, totalMinor: '270000' },
    ])
    expect(brief.contacts).toEqual([{ id: contact.id, name: 'Elif Yilmaz', role: 'Champion', email: 'elif@northwind.example', phone: '+49 30 1234', jobTitle: null }])
    expect(brief.commitments).toBe('Go live before the trade fair in March.')
    expect(brief.notes.map((n) => n.body)).toEqual(['They need SSO from day one.'])
    expect(brief.owner).toMatchObject({ name: 'Sam Sales' })
    // the snapshot is the brief (its Markdown is what the API returns); the project's own brief stays delivery's
    expect(briefMarkdown(brief)).toContain('| Training day | 2 | €1,500.00 | 10 % | €2,700.00 |')
    expect(briefMarkdown(brief)).toContain('Go live before the trade fair in March.')
    expect(project.brief).toBeNull()

    // the snapshot does not follow later edits of the deal
    await testDb.deal.update({ where: { id: deal.id }, data: { commitments: 'Changed later' } })
    expect(((await testDb.project.findUniqueOrThrow({ where: { id: project.id } })).handoff as unknown as HandoffSnapshot).commitments).toBe('Go live before the trade fair in March.')

    // both sides logged, and the events wait in the outbox
    expect(await testDb.activityLog.count({ where: { entityId: deal.id, action: 'deal.project_created' } })).toBe(1)
    expect(await testDb.activityLog.count({ where: { entityId: project.id, action: 'project.created_from_deal' } })).toBe(1)
    expect((await testDb.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((e) => e.type)).toEqual(['deal.won', 'project.created'])
  })

  it('gives one project to 20 concurrent wins of the same deal, and every caller gets it', async () => {
    const { rep, deal } = await setup()
    const clients = Array.from({ length: 4 }, () => createPrismaClient(testDatabaseUrl, 5))
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          clients[i % 4]!.$transaction((tx) => winDeal(tx, rep.ctx, WinDealInput.parse({ dealId: deal.id })), { timeout: 30_000, maxWait: 30_000 }),
        ),
      )
      const projects = await projectsOf(deal.id)
      expect(projects).toHaveLength(1)
      expect(new Set(results.map((r: WinResult) => r.project?.id))).toEqual(new Set([projects[0]!.id]))
      expect(results.filter((r) => !r.alreadyWon)).toHaveLength(1)
      expect(await testDb.task.count({ where: { projectId: projects[0]!.id } })).toBe(4)
      expect(await testDb.outboxEvent.count({ where: { type: 'project.created' } })).toBe(1)
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()))
    }
  })

  it('won -> lost -> won keeps one project: on hold with notes and a notice, then active again', async () => {
    const { rep, lead, deal, sales } = await setup()
    const first = await win(rep.ctx, { dealId: deal.id })
    const projectId = first.project!.id
    await testDb.project.update({ where: { id: projectId }, data: { status: 'ACTIVE' } })
    let current = await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })
    await testDb.$transaction((tx) =>
      changeDealStage(tx, rep.ctx, { dealId: deal.id, stageId: sales.stage('Lost').id, version: current.version, lostReasonId: sales.reasons[0]!.id }),
    )
    expect(await testDb.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'ON_HOLD' })
    expect(await testDb.activity.findFirst({ where: { dealId: deal.id, subject: 'Project put on hold' } })).not.toBeNull()
    expect(await testDb.activityLog.count({ where: { entityId: projectId, action: 'project.put_on_hold' } })).toBe(1)
    expect(await testDb.notification.findFirst({ where: { userId: lead.user.id } })).toMatchObject({ kind: 'project.on_hold' })

    // won again, this time by dropping it on the Won column
    current = await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })
    const again = await testDb.$transaction((tx) => changeDealStage(tx, rep.ctx, { dealId: deal.id, stageId: sales.stage('Won').id, version: current.version }))
    expect(again).toMatchObject({ status: 'WON', projectId })
    expect(await projectsOf(deal.id)).toHaveLength(1)
    expect(await testDb.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'ACTIVE' })
    expect(await testDb.task.count({ where: { projectId } })).toBe(4)
    // reopening a won deal behaves like losing it
    current = await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })
    await testDb.$transaction((tx) => changeDealStage(tx, rep.ctx, { dealId: deal.id, stageId: sales.stage('Proposal').id, version: current.version }))
    expect(await testDb.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({ status: 'ON_HOLD' })
    expect((await testDb.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((e) => e.type)).toEqual([
      'deal.won',
      'project.created',
      'deal.lost',
      'project.on_hold',
      'deal.won',
      'project.reactivated',
      'deal.reopened',
      'project.on_hold',
    ])
  })

  it('writes nothing when a step fails: the deal stays open and no project exists', async () => {
    const { rep, deal, tpl } = await setup()
    const outsider = await createMember(await createOrg(), 'DELIVERY')
    const roleId = tpl.roles.get('Solutions engineer')!
    await expect(win(rep.ctx, { dealId: deal.id, roleAssignments: { [roleId]: outsider.user.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ status: 'OPEN', version: deal.version })
    expect(await testDb.project.count()).toBe(0)
    expect(await testDb.task.count()).toBe(0)
    expect(await testDb.outboxEvent.count()).toBe(0)
    expect(await testDb.activityLog.count({ where: { entityId: deal.id, action: 'deal.stage_changed' } })).toBe(0)
  })

  it('can win without a project and add one later through the same action', async () => {
    const { rep, deal } = await setup()
    const won = await win(rep.ctx, { dealId: deal.id, project: 'none' })
    expect(won.project).toBeNull()
    expect(await projectsOf(deal.id)).toHaveLength(0)
    const later = await win(rep.ctx, { dealId: deal.id })
    expect(later).toMatchObject({ alreadyWon: true, project: { created: true } })
    expect(await projectsOf(deal.id)).toHaveLength(1)
    expect((await win(rep.ctx, { dealId: deal.id })).project!.id).toBe(later.project!.id)
  })

  it('follows the role rules: another rep cannot win the deal, DELIVERY cannot, another org gets 404', async () => {
    const { org, deal } = await setup()
    const otherRep = await createMember(org, 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    const stranger = await createMember(await createOrg(), 'ADMIN')
    await expect(win(otherRep.ctx, { dealId: deal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(win(delivery.ctx, { dealId: deal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(win(stranger.ctx, { dealId: deal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await projectsOf(deal.id)).toHaveLength(0)
  })

  it('wins a deal whose company is in the trash (the project just has no company)', async () => {
    const { rep, deal, company } = await setup()
    await testDb.company.update({ where: { id: company.id }, data: { deletedAt: new Date() } })
    const result = await win(rep.ctx, { dealId: deal.id })
    expect(await testDb.project.findUniqueOrThrow({ where: { id: result.project!.id } })).toMatchObject({ companyId: null, sourceDealId: deal.id })
  })

  it('uses the template the rules pick over the default', async () => {
    const { admin, rep, deal, sales } = await setup()
    const enterprise = await createTestTemplate(admin.ctx, { name: 'Enterprise onboarding', tasks: [{ title: 'Security review', offsetDays: 0 }] })
    await testDb.templateRule.create({ data: { orgId: admin.ctx.orgId, templateId: enterprise.template.id, pipelineId: sales.pipeline.id, priority: 10 } })
    const result = await win(rep.ctx, { dealId: deal.id })
    expect(await testDb.project.findUniqueOrThrow({ where: { id: result.project!.id } })).toMatchObject({ templateId: enterprise.template.id })
  })
})
