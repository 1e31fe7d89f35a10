import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { addLostReason, archiveLostReason } from '@/lib/crm/lost-reasons'
import { getPipeline } from '@/lib/crm/pipelines'
import { archiveProduct, createProduct, listProducts, updateProduct } from '@/lib/crm/products'
import { addStage, moveStage, removeStage, updateStage } from '@/lib/crm/stages'
import { updateOrgSettings } from '@/lib/org/organization'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)
const tx = <T>(fn: (db: Parameters<Parameters<typeof testDb.$transaction>[0]>[0]) => Promise<T>) => testDb.$transaction(fn)

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  return { org, admin, ...(await createSalesSetup(admin.ctx)) }
}

describe('pipeline stages', () => {
  it('adds an open stage before the closed ones, renames it and moves it', async () => {
    const { admin, pipeline } = await setup()
    await tx((db) => addStage(db, admin.ctx, { pipelineId: pipeline.id, name: 'Demo', probability: 40, kind: 'OPEN', forecastCategory: 'BEST_CASE' }))
    let names = (await getPipeline(testDb, admin.ctx)).stages.map((s) => s.name)
    expect(names).toEqual(['Lead in', 'Qualified', 'Proposal', 'Negotiation', 'Demo', 'Won', 'Lost'])
    const demo = (await getPipeline(testDb, admin.ctx)).stages.find((s) => s.name === 'Demo')!
    await tx((db) => updateStage(db, admin.ctx, { stageId: demo.id, name: 'Product demo', probability: 45, forecastCategory: 'BEST_CASE' }))
    await tx((db) => moveStage(db, admin.ctx, { stageId: demo.id, direction: 'up' }))
    names = (await getPipeline(testDb, admin.ctx)).stages.map((s) => s.name)
    expect(names).toEqual(['Lead in', 'Qualified', 'Proposal', 'Product demo', 'Negotiation', 'Won', 'Lost'])
  })

  it('keeps exactly one Won and at least one Lost stage', async () => {
    const { admin, pipeline, stage } = await setup()
    expect(await fail(tx((db) => addStage(db, admin.ctx, { pipelineId: pipeline.id, name: 'Won 2', probability: 100, kind: 'WON', forecastCategory: 'CLOSED' })))).toMatchObject({ code: 'INVALID', message: 'A pipeline has exactly one Won stage.' })
    expect(await fail(tx((db) => removeStage(db, admin.ctx, { stageId: stage('Won').id })))).toMatchObject({ code: 'INVALID', message: 'Won cannot be removed: a pipeline needs a Won stage.' })
    expect(await fail(tx((db) => removeStage(db, admin.ctx, { stageId: stage('Lost').id })))).toMatchObject({ message: 'Lost cannot be removed: a pipeline needs at least one Lost stage.' })
    await tx((db) => addStage(db, admin.ctx, { pipelineId: pipeline.id, name: 'Disqualified', probability: 0, kind: 'LOST', forecastCategory: 'OMITTED' }))
    await tx((db) => removeStage(db, admin.ctx, { stageId: stage('Lost').id }))
    expect((await getPipeline(testDb, admin.ctx)).stages.map((s) => s.name)).toContain('Disqualified')
  })

  it('asks where to move the deals of a stage it removes, and moves them all', async () => {
    const { admin, pipeline, stage } = await setup()
    for (let i = 0; i < 3; i++) await createTestDeal(admin.ctx, { pipelineId: pipeline.id, stageId: stage('Qualified').id, title: `Q${i}` })
    expect(await fail(tx((db) => removeStage(db, admin.ctx, { stageId: stage('Qualified').id })))).toMatchObject({ field: 'moveToStageId', message: 'Qualified has 3 deals: choose a stage to move them to.' })
    expect(await fail(tx((db) => removeStage(db, admin.ctx, { stageId: stage('Qualified').id, moveToStageId: stage('Won').id })))).toMatchObject({ field: 'moveToStageId' })
    expect(await tx((db) => removeStage(db, admin.ctx, { stageId: stage('Qualified').id, moveToStageId: stage('Proposal').id }))).toEqual({ movedDeals: 3 })
    const moved = await testDb.deal.findMany({ where: { stageId: stage('Proposal').id }, orderBy: { position: 'asc' } })
    expect(moved.map((d) => [d.title, d.probability, d.version])).toEqual([['Q2', 50, 2], ['Q1', 50, 2], ['Q0', 50, 2]])
  })

  it('is for admins and managers only, and 404 across organizations', async () => {
    const { org, admin, pipeline, stage } = await setup()
    const rep = await createMember(org, 'SALES')
    expect(await fail(tx((db) => addStage(db, rep.ctx, { pipelineId: pipeline.id, name: 'X', probability: 5, kind: 'OPEN', forecastCategory: 'PIPELINE' })))).toMatchObject({ code: 'FORBIDDEN' })
    const manager = await createMember(org, 'MANAGER')
    await tx((db) => updateStage(db, manager.ctx, { stageId: stage('Proposal').id, name: 'Offer', probability: 55, forecastCategory: 'BEST_CASE' }))
    const outsider = await createMember(await createOrg(), 'ADMIN')
    expect(await fail(tx((db) => updateStage(db, outsider.ctx, { stageId: stage('Lead in').id, name: 'Hacked', probability: 1, forecastCategory: 'PIPELINE' })))).toMatchObject({ code: 'NOT_FOUND' })
    expect(stage('Lead in').name).toBe('Lead in')
    expect((await testDb.pipelineStage.findUniqueOrThrow({ where: { id: stage('Lead in').id } })).name).toBe('Lead in')
    void admin
  })
})

describe('lost reasons', () => {
  it('refuses a duplicate next to the field and keeps at least one', async () => {
    const { admin, reasons } = await setup()
    expect(await fail(tx((db) => addLostReason(db, admin.ctx, { label: 'price' })))).toMatchObject({ code: 'CONFLICT', field: 'label' })
    for (const r of reasons.slice(1)) await tx((db) => archiveLostReason(db, admin.ctx, { lostReasonId: r.id }))
    expect(await fail(tx((db) => archiveLostReason(db, admin.ctx, { lostReasonId: reasons[0]!.id })))).toMatchObject({ code: 'INVALID' })
  })
})

describe('products', () => {
  it('stores the price exactly in the org currency, refuses a duplicate SKU, and archives', async () => {
    const { admin } = await setup()
    const p = await tx((db) => createProduct(db, admin.ctx, { name: 'Onboarding Pro', sku: 'ONB', unitPrice: '12,000.10' }))
    expect(await listProducts(testDb, admin.ctx)).toEqual([{ id: p.id, name: 'Onboarding Pro', sku: 'ONB', unitPriceMinor: '1200010', currency: 'EUR' }])
    expect(await fail(tx((db) => createProduct(db, admin.ctx, { name: 'Other', sku: 'ONB', unitPrice: '1' })))).toMatchObject({ field: 'sku' })
    expect(await fail(tx((db) => updateProduct(db, admin.ctx, { productId: p.id, name: 'Onboarding Pro', unitPrice: '1.001' })))).toMatchObject({ field: 'unitPrice', message: 'Use at most 2 decimals for EUR.' })
    await tx((db) => archiveProduct(db, admin.ctx, { productId: p.id }))
    expect(await listProducts(testDb, admin.ctx)).toEqual([])
  })
})

describe('organization settings', () => {
  it('lets an admin change the currency and time zone, with clear errors', async () => {
    const { org, admin } = await setup()
    await tx((db) => updateOrgSettings(db, admin.ctx, { name: 'Acme', currency: 'USD', timeZone: 'America/New_York' }))
    expect(await testDb.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ currency: 'USD', timeZone: 'America/New_York' })
    expect(await fail(tx((db) => updateOrgSettings(db, admin.ctx, { name: 'Acme', currency: 'XYZ', timeZone: 'UTC' })))).toMatchObject({ field: 'currency' })
    expect(await fail(tx((db) => updateOrgSettings(db, admin.ctx, { name: 'Acme', currency: 'EUR', timeZone: 'Mars/Base' })))).toMatchObject({ field: 'timeZone' })
    const manager = await createMember(org, 'MANAGER')
    expect(await fail(tx((db) => updateOrgSettings(db, manager.ctx, { name: 'Acme', currency: 'EUR', timeZone: 'UTC' })))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
