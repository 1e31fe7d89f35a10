import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { bulkChangeOwner, bulkDelete, bulkMoveDeals, bulkRestore, type BulkEntity } from '@/lib/crm/bulk'
import { BulkIdsInput, BulkMoveInput, BulkOwnerInput } from '@/lib/crm/bulk.schema'
import { createMember, createOrg } from '../factories'
import { createTestCompany, createTestContact } from '../factories/companies'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)
const del = (ctx: Ctx, entity: BulkEntity, ids: string[]) => testDb.$transaction((tx) => bulkDelete(tx, ctx, entity, BulkIdsInput.parse({ ids })))
const restore = (ctx: Ctx, entity: BulkEntity, ids: string[]) => testDb.$transaction((tx) => bulkRestore(tx, ctx, entity, BulkIdsInput.parse({ ids })))
const owner = (ctx: Ctx, entity: BulkEntity, ids: string[], ownerId: string) => testDb.$transaction((tx) => bulkChangeOwner(tx, ctx, entity, BulkOwnerInput.parse({ ids, ownerId })))
const move = (ctx: Ctx, input: Record<string, unknown>) => testDb.$transaction((tx) => bulkMoveDeals(tx, ctx, BulkMoveInput.parse(input)))

async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN', { name: 'Ada Admin' })
  const rep = await createMember(org, 'SALES', { name: 'Sam Sales' })
  return { org, admin, rep }
}

describe('bulk delete and restore', () => {
  it('trashes and restores the selected companies, one audit entry each', async () => {
    const { admin } = await setup()
    const [a, b, c] = [await createTestCompany(admin.ctx), await createTestCompany(admin.ctx), await createTestCompany(admin.ctx)]
    expect(await del(admin.ctx, 'company', [a.id, b.id])).toEqual({ count: 2 })
    expect(await testDb.company.count({ where: { deletedAt: { not: null } } })).toBe(2)
    expect(await testDb.activityLog.count({ where: { action: 'company.deleted' } })).toBe(2)
    expect(await restore(admin.ctx, 'company', [a.id, b.id, c.id])).toEqual({ count: 2 })
    expect(await testDb.company.count({ where: { deletedAt: { not: null } } })).toBe(0)
    expect(await testDb.activityLog.count({ where: { action: 'company.restored' } })).toBe(2)
  })

  it('restores nothing when one of the contacts’ emails is taken again', async () => {
    const { admin } = await setup()
    const a = await createTestContact(admin.ctx, { email: 'a@example.com' })
    const b = await createTestContact(admin.ctx, { email: 'b@example.com' })
    await del(admin.ctx, 'contact', [a.id, b.id])
    await createTestContact(admin.ctx, { firstName: 'New', lastName: 'B', email: 'B@example.com' })
    expect(await fail(restore(admin.ctx, 'contact', [a.id, b.id]))).toMatchObject({ code: 'CONFLICT', field: 'email' })
    expect(await testDb.contact.count({ where: { deletedAt: { not: null } } })).toBe(2)
  })

  it('trashes deals (bumping their version) and hides them from the board’s rows', async () => {
    const { admin } = await setup()
    const { pipeline } = await createSalesSetup(admin.ctx)
    const deal = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    await del(admin.ctx, 'deal', [deal.id])
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ version: 2, deletedAt: expect.any(Date) })
  })

  it('changes nothing when a rep selected someone else’s record, or a delivery member acts', async () => {
    const { org, admin, rep } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    const own = await createTestCompany(rep.ctx)
    const theirs = await createTestCompany(admin.ctx)
    expect(await fail(del(rep.ctx, 'company', [own.id, theirs.id]))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('1 of the selected is someone else’s') })
    expect(await fail(del(delivery.ctx, 'company', [own.id]))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await testDb.company.count({ where: { deletedAt: { not: null } } })).toBe(0)
  })

  it('answers 404 when any selected id belongs to another organization', async () => {
    const { admin } = await setup()
    const outsider = await createMember(await createOrg(), 'ADMIN')
    const mine = await createTestCompany(admin.ctx)
    const foreign = await createTestCompany(outsider.ctx)
    expect(await fail(del(admin.ctx, 'company', [mine.id, foreign.id]))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await testDb.company.count({ where: { deletedAt: { not: null } } })).toBe(0)
  })
})

describe('bulk owner change', () => {
  it('reassigns contacts and records the owner change by name', async () => {
    const { admin, rep } = await setup()
    const a = await createTestContact(admin.ctx)
    const b = await createTestContact(admin.ctx)
    expect(await owner(admin.ctx, 'contact', [a.id, b.id], rep.user.id)).toEqual({ count: 2 })
    expect(await testDb.contact.count({ where: { ownerId: rep.user.id } })).toBe(2)
    const log = await testDb.activityLog.findFirstOrThrow({ where: { entityId: a.id, action: 'contact.updated' } })
    expect(log.changes).toMatchObject({ owner: { from: 'Ada Admin', to: 'Sam Sales' } })
  })

  it('lets a rep claim unowned companies but not give theirs away, nor reassign deals', async () => {
    const { admin, rep } = await setup()
    const { pipeline } = await createSalesSetup(admin.ctx)
    const unowned = await createTestCompany(admin.ctx, { ownerId: null })
    const own = await createTestCompany(rep.ctx)
    expect(await owner(rep.ctx, 'company', [unowned.id], rep.user.id)).toEqual({ count: 1 })
    expect(await fail(owner(rep.ctx, 'company', [own.id], admin.user.id))).toMatchObject({ code: 'FORBIDDEN', field: 'ownerId' })
    const deal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    expect(await fail(owner(rep.ctx, 'deal', [deal.id], admin.user.id))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await owner(admin.ctx, 'deal', [deal.id], admin.user.id)).toEqual({ count: 1 })
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ ownerId: admin.user.id, version: 2 })
  })
})

describe('bulk stage move', () => {
  it('moves deals through moveDeal: status, probability and audit follow the stage', async () => {
    const { admin } = await setup()
    const { pipeline, stage } = await createSalesSetup(admin.ctx)
    const a = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const b = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    expect(await move(admin.ctx, { ids: [a.id, b.id], stageId: stage('Won').id })).toEqual({ count: 2 })
    const deals = await testDb.deal.findMany({ where: { id: { in: [a.id, b.id] } } })
    expect(deals.every((d) => d.status === 'WON' && d.probability === 100 && d.closedAt !== null)).toBe(true)
    expect(await testDb.activityLog.count({ where: { action: 'deal.stage_changed' } })).toBe(2)
  })

  it('needs a lost reason for a Lost stage, then records it on every deal', async () => {
    const { admin } = await setup()
    const { pipeline, stage, reasons } = await createSalesSetup(admin.ctx)
    const a = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    expect(await fail(move(admin.ctx, { ids: [a.id], stageId: stage('Lost').id }))).toMatchObject({ code: 'INVALID', field: 'lostReasonId' })
    await move(admin.ctx, { ids: [a.id], stageId: stage('Lost').id, lostReasonId: reasons[1]!.id, lostNote: 'Went elsewhere' })
    expect(await testDb.deal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: 'LOST', lostReasonId: reasons[1]!.id, lostNote: 'Went elsewhere' })
  })

  it('refuses deals of another pipeline and a rep moving someone else’s deal, changing nothing', async () => {
    const { admin, rep } = await setup()
    const { pipeline, stage } = await createSalesSetup(admin.ctx)
    const other = await testDb.$transaction(async (tx) => {
      const { createPipeline } = await import('@/lib/crm/pipelines')
      return createPipeline(tx, admin.ctx, { name: 'Enterprise' })
    })
    const here = await createTestDeal(admin.ctx, { pipelineId: pipeline.id })
    const there = await createTestDeal(admin.ctx, { pipelineId: other.id })
    expect(await fail(move(admin.ctx, { ids: [here.id, there.id], stageId: stage('Proposal').id }))).toMatchObject({ code: 'INVALID', field: 'stageId' })
    const repDeal = await createTestDeal(rep.ctx, { pipelineId: pipeline.id })
    expect(await fail(move(rep.ctx, { ids: [repDeal.id, here.id], stageId: stage('Proposal').id }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await testDb.deal.count({ where: { stageId: stage('Proposal').id } })).toBe(0)
  })
})
