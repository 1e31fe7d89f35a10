import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import type { AppError } from '@/lib/errors'
import { addActivity, setTaskDone } from '@/lib/crm/activities'
import { AddActivityInput } from '@/lib/crm/activities.schema'
import { moveDeal } from '@/lib/crm/deals'
import { listTimeline, type TimelineActivity, type TimelineChange } from '@/lib/crm/timeline'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)

async function setup() {
  const org = await createOrg({ currency: 'EUR', timeZone: 'Europe/Berlin' })
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  const sales = await createSalesSetup(admin.ctx)
  const company = await testDb.company.create({ data: { orgId: org.id, name: 'Northwind' } })
  const contact = await testDb.contact.create({ data: { orgId: org.id, firstName: 'Anna', lastName: 'Berger', email: 'anna@northwind.example', companyId: company.id } })
  const deal = await createTestDeal(rep.ctx, { pipelineId: sales.pipeline.id, title: 'Northwind rollout', companyId: company.id })
  return { org, admin, rep, company, contact, deal, ...sales }
}

const add = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => addActivity(tx, ctx, AddActivityInput.parse(input)))
const timeline = (ctx: Ctx, entityType: 'deal' | 'company' | 'contact', entityId: string) => listTimeline(testDb, ctx, { entityType, entityId })
const activities = (items: Awaited<ReturnType<typeof timeline>>) => items.filter((i): i is TimelineActivity => i.type === 'activity')

describe('addActivity', () => {
  it('logs on a deal and links the deal’s company, so the company’s timeline shows it too', async () => {
    const { rep, deal, company } = await setup()
    const call = await add(rep.ctx, { kind: 'CALL', dealId: deal.id, subject: 'Discovery', body: 'They want a pilot in March.' })
    expect(call).toMatchObject({ kind: 'CALL', dealId: deal.id, companyId: company.id, contactId: null })

    const onDeal = activities(await timeline(rep.ctx, 'deal', deal.id))
    expect(onDeal).toHaveLength(1)
    expect(onDeal[0]).toMatchObject({ kind: 'CALL', subject: 'Discovery', body: 'They want a pilot in March.', actor: { name: 'Sam Sales' } })
    const onCompany = activities(await timeline(rep.ctx, 'company', company.id))
    expect(onCompany.map((a) => a.id)).toEqual([call.id])
    expect(onCompany[0]!.links.deal).toEqual({ id: deal.id, title: 'Northwind rollout' })

    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: call.id } })
    expect(log).toMatchObject({ action: 'activity.created', actorId: rep.user.id })
  })

  it('logs on a contact (linking the contact’s company) and on a company alone', async () => {
    const { rep, contact, company } = await setup()
    const email = await add(rep.ctx, { kind: 'EMAIL', contactId: contact.id, subject: 'Proposal sent' })
    expect(email).toMatchObject({ contactId: contact.id, companyId: company.id, dealId: null })
    const meeting = await add(rep.ctx, { kind: 'MEETING', companyId: company.id, subject: 'QBR', occurredOn: '2026-01-15' })
    expect(meeting).toMatchObject({ companyId: company.id, contactId: null, dealId: null })

    const onContact = activities(await timeline(rep.ctx, 'contact', contact.id))
    expect(onContact.map((a) => a.subject)).toEqual(['Proposal sent'])
    const onCompany = activities(await timeline(rep.ctx, 'company', company.id))
    // Newest first: the meeting happened on 15 January, before the email logged today.
    expect(onCompany.map((a) => a.subject)).toEqual(['Proposal sent', 'QBR'])
    expect(onCompany[0]!.links.contact).toEqual({ id: contact.id, name: 'Anna Berger' })
  })

  it('puts each missing field’s message next to it', () => {
    const errors = (input: Record<string, unknown>) => AddActivityInput.safeParse(input).error?.flatten().fieldErrors
    const dealId = crypto.randomUUID()
    expect(errors({ kind: 'NOTE', dealId, body: '  ' })).toMatchObject({ body: ['Write the note.'] })
    expect(errors({ kind: 'TASK', dealId })).toMatchObject({ subject: ['Give the task a title.'], dueOn: ['Choose a due date.'] })
    expect(errors({ kind: 'TASK', dealId, subject: 'Send contract', dueOn: '2026-02-30' })).toMatchObject({ dueOn: ['Enter a date like 2026-12-31.'] })
    expect(errors({ kind: 'NOTE', body: 'orphan' })).toMatchObject({ kind: ['Log the activity on a deal, a contact or a company.'] })
  })

  it('refuses a logged call in the future, next to the date', async () => {
    const { rep, deal } = await setup()
    const error = await fail(add(rep.ctx, { kind: 'CALL', dealId: deal.id, body: 'Will call', occurredOn: '2999-01-01' }))
    expect(error).toMatchObject({ code: 'INVALID', field: 'occurredOn' })
    expect(await testDb.activity.count()).toBe(0)
  })

  it('adds a follow-up task assigned to its author unless someone else is chosen', async () => {
    const { rep, admin, deal } = await setup()
    await add(rep.ctx, { kind: 'TASK', dealId: deal.id, subject: 'Send the revised proposal', dueOn: '2026-12-01' })
    await add(rep.ctx, { kind: 'TASK', dealId: deal.id, subject: 'Approve the discount', dueOn: '2026-12-02', assigneeId: admin.user.id })
    const tasks = activities(await timeline(rep.ctx, 'deal', deal.id))
    expect(tasks.map((t) => [t.subject, t.task?.assignee?.name, t.task?.dueOn, t.task?.done])).toEqual([
      ['Approve the discount', 'Ada Admin', '2026-12-02', false],
      ['Send the revised proposal', 'Sam Sales', '2026-12-01', false],
    ])
  })

  it('lets a sales rep log only on deals they own; delivery cannot log at all', async () => {
    const { org, admin, pipeline, company, deal } = await setup()
    const otherRep = await createMember(org, 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    expect(await fail(add(otherRep.ctx, { kind: 'NOTE', dealId: deal.id, body: 'hi' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(add(delivery.ctx, { kind: 'NOTE', companyId: company.id, body: 'hi' }))).toMatchObject({ code: 'FORBIDDEN' })
    // Companies and contacts are shared: any rep may log on them.
    expect(await add(otherRep.ctx, { kind: 'NOTE', companyId: company.id, body: 'Met them at a fair' })).toMatchObject({ companyId: company.id })
    const managersDeal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    expect(await add(admin.ctx, { kind: 'NOTE', dealId: managersDeal.id, body: 'ok' })).toMatchObject({ dealId: managersDeal.id })
  })

  it('answers 404 next to the field for a deal, contact, company or assignee of another organization', async () => {
    const { rep, deal } = await setup()
    const other = await createMember(await createOrg(), 'ADMIN')
    const { pipeline } = await createSalesSetup(other.ctx)
    const foreignDeal = await createTestDeal(other.ctx, { pipelineId: pipeline.id })
    const foreignContact = await testDb.contact.create({ data: { orgId: other.ctx.orgId, firstName: 'X', lastName: 'Y' } })
    const foreignCompany = await testDb.company.create({ data: { orgId: other.ctx.orgId, name: 'Foreign' } })
    expect(await fail(add(rep.ctx, { kind: 'NOTE', dealId: foreignDeal.id, body: 'x' }))).toMatchObject({ code: 'NOT_FOUND', field: 'dealId' })
    expect(await fail(add(rep.ctx, { kind: 'NOTE', contactId: foreignContact.id, body: 'x' }))).toMatchObject({ code: 'NOT_FOUND', field: 'contactId' })
    expect(await fail(add(rep.ctx, { kind: 'NOTE', companyId: foreignCompany.id, body: 'x' }))).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' })
    expect(await fail(add(rep.ctx, { kind: 'TASK', dealId: deal.id, subject: 't', dueOn: '2026-12-01', assigneeId: other.user.id }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'assigneeId',
    })
    expect(await testDb.activity.count()).toBe(0)
  })
})

describe('setTaskDone', () => {
  it('marks a task done and open again, and the timeline shows it', async () => {
    const { rep, deal } = await setup()
    const task = await add(rep.ctx, { kind: 'TASK', dealId: deal.id, subject: 'Call back', dueOn: '2000-01-01' })
    let [item] = activities(await timeline(rep.ctx, 'deal', deal.id))
    expect(item!.task).toMatchObject({ done: false, overdue: true, canToggle: true })

    await testDb.$transaction((tx) => setTaskDone(tx, rep.ctx, { activityId: task.id, done: true }))
    ;[item] = activities(await timeline(rep.ctx, 'deal', deal.id))
    expect(item!.task).toMatchObject({ done: true, overdue: false })

    await testDb.$transaction((tx) => setTaskDone(tx, rep.ctx, { activityId: task.id, done: false }))
    ;[item] = activities(await timeline(rep.ctx, 'deal', deal.id))
    expect(item!.task).toMatchObject({ done: false })
    const logs = await testDb.activityLog.findMany({ where: { entityId: task.id }, orderBy: { createdAt: 'asc' }, select: { action: true } })
    expect(logs.map((l) => l.action)).toEqual(['activity.created', 'activity.completed', 'activity.reopened'])
  })

  it('refuses notes, other reps’ tasks, delivery, and another organization’s task', async () => {
    const { org, rep, admin, deal, company } = await setup()
    const note = await add(rep.ctx, { kind: 'NOTE', dealId: deal.id, body: 'n' })
    const managersTask = await add(admin.ctx, { kind: 'TASK', companyId: company.id, subject: 'Manager task', dueOn: '2026-12-01' })
    const otherRep = await createMember(org, 'SALES')
    const delivery = await createMember(org, 'DELIVERY')
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const set = (ctx: Ctx, activityId: string) => fail(testDb.$transaction((tx) => setTaskDone(tx, ctx, { activityId, done: true })))
    expect(await set(rep.ctx, note.id)).toMatchObject({ code: 'INVALID' })
    expect(await set(otherRep.ctx, managersTask.id)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await set(delivery.ctx, managersTask.id)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await set(outsider.ctx, managersTask.id)).toMatchObject({ code: 'NOT_FOUND' })
    expect((await testDb.activity.findUniqueOrThrow({ where: { id: managersTask.id } })).doneAt).toBeNull()
  })
})

describe('listTimeline', () => {
  it('weaves activities and changes newest first, with stage moves, lost reasons and actor names, skipping reorders', async () => {
    const { rep, deal, stage, reasons } = await setup()
    await add(rep.ctx, { kind: 'NOTE', dealId: deal.id, body: 'Kick-off' })
    await testDb.$transaction((tx) => moveDeal(tx, rep.ctx, { dealId: deal.id, stageId: stage('Proposal').id, version: 1 }))
    await testDb.$transaction((tx) => moveDeal(tx, rep.ctx, { dealId: deal.id, stageId: stage('Proposal').id, version: 2 })) // a reorder: noise
    await add(rep.ctx, { kind: 'CALL', dealId: deal.id, body: 'Pricing pushback' })
    await testDb.$transaction((tx) =>
      moveDeal(tx, rep.ctx, { dealId: deal.id, stageId: stage('Lost').id, version: 3, lostReasonId: reasons[0]!.id, lostNote: 'Budget cut' }),
    )

    const items = await timeline(rep.ctx, 'deal', deal.id)
    expect(items.map((i) => (i.type === 'activity' ? i.kind : i.action))).toEqual(['deal.stage_changed', 'CALL', 'deal.stage_changed', 'NOTE', 'deal.created'])
    const at = items.map((i) => i.at)
    expect([...at].sort().reverse()).toEqual(at)
    const [lost, , moved, , created] = items as TimelineChange[]
    expect(moved).toMatchObject({ summary: 'moved the deal', actor: { name: 'Sam Sales' }, lines: [{ label: 'Stage', from: 'Lead in', to: 'Proposal' }] })
    expect(lost!.summary).toBe('marked the deal as lost')
    expect(lost!.lines).toEqual([
      { label: 'Stage', from: 'Proposal', to: 'Lost' },
      { label: 'Status', from: 'Open', to: 'Lost' },
      { label: 'Lost reason', to: `${reasons[0]!.label} (Budget cut)` },
    ])
    expect(created).toMatchObject({ summary: 'created the deal', lines: expect.arrayContaining([{ label: 'Amount', to: '€1,000.00' }, { label: 'Stage', to: 'Lead in' }]) })
  })

  it('honours the limit and answers 404 for another organization’s record', async () => {
    const { rep, deal, company } = await setup()
    for (let i = 0; i < 4; i++) await add(rep.ctx, { kind: 'NOTE', dealId: deal.id, body: `n${i}` })
    const items = await listTimeline(testDb, rep.ctx, { entityType: 'deal', entityId: deal.id }, { limit: 3 })
    expect(items.map((i) => (i.type === 'activity' ? i.body : i.action))).toEqual(['n3', 'n2', 'n1'])
    const outsider = await createMember(await createOrg(), 'ADMIN')
    expect(await fail(timeline(outsider.ctx, 'deal', deal.id))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(timeline(outsider.ctx, 'company', company.id))).toMatchObject({ code: 'NOT_FOUND' })
  })
})
