import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { createPipeline } from '@/lib/crm/pipelines'
import { AppError } from '@/lib/errors'
import { createTemplateRule, deleteTemplateRule, listTemplateRules, pickTemplate, updateTemplateRule } from '@/lib/pm/template-rules'
import type { TemplateRuleInput } from '@/lib/pm/template-rules.schema'
import { archiveTemplate, createTemplate, listTemplates, setDefaultTemplate } from '@/lib/pm/templates'
import { seedDemo } from '@/prisma/seed/demo'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

type Tx = Parameters<Parameters<typeof testDb.$transaction>[0]>[0]
const tx = <T>(fn: (db: Tx) => Promise<T>) => testDb.$transaction(fn)
const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)

async function setup() {
  const org = await createOrg({ currency: 'EUR' })
  const admin = await createMember(org, 'ADMIN')
  const ctx = admin.ctx
  const sales = await createSalesSetup(ctx)
  const enterprise = await tx((db) => createPipeline(db, ctx, { name: 'Enterprise' }))
  const product = (name: string, sku: string) => testDb.product.create({ data: { orgId: ctx.orgId, name, sku, unitPriceMinor: 100_000n, currency: 'EUR' } })
  const pro = await product('Onboarding Pro', 'PRO')
  const starter = await product('Onboarding Starter', 'START')
  const template = (name: string) => tx((db) => createTemplate(db, ctx, { name }))
  const rule = (templateId: string, fields: Partial<TemplateRuleInput>) => tx((db) => createTemplateRule(db, ctx, { templateId, productIds: [], priority: 0, ...fields }))
  const deal = async (fields: { pipelineId?: string; amount?: string; dealType?: 'NEW_BUSINESS' | 'EXPANSION' | 'RENEWAL'; products?: string[] } = {}) => {
    const created = await createTestDeal(ctx, { pipelineId: fields.pipelineId ?? sales.pipeline.id, amount: fields.amount ?? '1000', dealType: fields.dealType ?? 'NEW_BUSINESS' })
    for (const [i, productId] of (fields.products ?? []).entries()) {
      await testDb.dealLineItem.create({ data: { orgId: ctx.orgId, dealId: created.id, productId, name: 'Line', quantity: 1, unitPriceMinor: 1n, position: i } })
    }
    return created
  }
  const pick = (dealId: string, who: Pick<Ctx, 'orgId'> = ctx) => pickTemplate(testDb, who, dealId)
  return { org, ctx, sales, enterprise, pro, starter, template, rule, deal, pick }
}

describe('pickTemplate', () => {
  it('matches on the pipeline, with the reason in words', async () => {
    const { enterprise, template, rule, deal, pick } = await setup()
    const t = await template('Enterprise onboarding')
    const r = await rule(t.id, { pipelineId: enterprise.id, priority: 10 })
    expect(await pick((await deal({ pipelineId: enterprise.id })).id)).toEqual({
      templateId: t.id,
      versionId: t.versionId,
      name: 'Enterprise onboarding',
      reasons: ['pipeline Enterprise'],
      ruleId: r.id,
    })
    expect(await pick((await deal()).id)).toBeNull()
  })

  it('matches on the deal type', async () => {
    const { template, rule, deal, pick } = await setup()
    const t = await template('Expansion kit')
    await rule(t.id, { dealType: 'EXPANSION' })
    expect(await pick((await deal({ dealType: 'EXPANSION' })).id)).toMatchObject({ name: 'Expansion kit', reasons: ['deal type Expansion'] })
    expect(await pick((await deal({ dealType: 'RENEWAL' })).id)).toBeNull()
  })

  it('matches when any of the rule’s products is among the line items, naming the ones found', async () => {
    const { pro, starter, template, rule, deal, pick } = await setup()
    const t = await template('Product onboarding')
    await rule(t.id, { productIds: [pro.id, starter.id] })
    expect(await pick((await deal({ products: [pro.id] })).id)).toMatchObject({ reasons: ['product Onboarding Pro'] })
    expect(await pick((await deal({ products: [starter.id, pro.id] })).id)).toMatchObject({ reasons: ['products Onboarding Pro and Onboarding Starter'] })
    expect(await pick((await deal()).id)).toBeNull()
  })

  it('matches an amount range in the organization’s currency, ends included', async () => {
    const { template, rule, deal, pick } = await setup()
    const big = await template('Big')
    const mid = await template('Mid')
    await rule(big.id, { minAmount: '50,000' })
    await rule(mid.id, { minAmount: '10,000', maxAmount: '49,999.99' })
    expect(await pick((await deal({ amount: '50000' })).id)).toMatchObject({ name: 'Big', reasons: ['amount ≥ €50,000.00'] })
    expect(await pick((await deal({ amount: '49999.99' })).id)).toMatchObject({ name: 'Mid', reasons: ['amount €10,000.00–€49,999.99'] })
    expect(await pick((await deal({ amount: '9999.99' })).id)).toBeNull()
    // A deal in another currency is not compared with euro amounts.
    const dollars = await deal({ amount: '90000' })
    await testDb.deal.update({ where: { id: dollars.id }, data: { currency: 'USD' } })
    expect(await pick(dollars.id)).toBeNull()
  })

  it('needs every set condition to hold', async () => {
    const { enterprise, pro, template, rule, deal, pick } = await setup()
    const t = await template('Strict')
    await rule(t.id, { pipelineId: enterprise.id, productIds: [pro.id], minAmount: '20000' })
    expect(await pick((await deal({ pipelineId: enterprise.id, products: [pro.id], amount: '25000' })).id)).toMatchObject({
      reasons: ['pipeline Enterprise', 'product Onboarding Pro', 'amount ≥ €20,000.00'],
    })
    expect(await pick((await deal({ pipelineId: enterprise.id, products: [pro.id], amount: '15000' })).id)).toBeNull()
    expect(await pick((await deal({ products: [pro.id], amount: '25000' })).id)).toBeNull()
    expect(await pick((await deal({ pipelineId: enterprise.id, amount: '25000' })).id)).toBeNull()
  })

  it('takes the highest priority, then the rule with more conditions, then the oldest', async () => {
    const { enterprise, template, rule, deal, pick } = await setup()
    const [a, b, c, d] = [await template('A'), await template('B'), await template('C'), await template('D')]
    const target = await deal({ pipelineId: enterprise.id, amount: '60000', dealType: 'EXPANSION' })

    await rule(a.id, { pipelineId: enterprise.id, priority: 1 })
    await rule(b.id, { minAmount: '50000', priority: 5 })
    expect((await pick(target.id))!.name).toBe('B')
    // Same priority: more conditions set wins.
    await rule(c.id, { minAmount: '50000', dealType: 'EXPANSION', priority: 5 })
    expect((await pick(target.id))!.name).toBe('C')
    // Same priority and as many conditions: the older rule stays.
    await rule(d.id, { pipelineId: enterprise.id, dealType: 'EXPANSION', priority: 5 })
    expect((await pick(target.id))!.name).toBe('C')
  })

  it('falls back to the organization default, and ignores archived templates and their rules', async () => {
    const { enterprise, template, rule, deal, pick, ctx } = await setup()
    const standard = await template('Standard onboarding')
    const special = await template('Special')
    await rule(special.id, { pipelineId: enterprise.id })
    const target = await deal({ pipelineId: enterprise.id })
    expect(await pick(target.id)).toMatchObject({ name: 'Special' })

    await tx((db) => archiveTemplate(db, ctx, { templateId: special.id }))
    expect(await pick(target.id)).toBeNull()
    await tx((db) => setDefaultTemplate(db, ctx, { templateId: standard.id, isDefault: true }))
    expect(await pick(target.id)).toEqual({ templateId: standard.id, versionId: standard.versionId, name: 'Standard onboarding', reasons: ['organization default'], ruleId: null })
    await tx((db) => archiveTemplate(db, ctx, { templateId: standard.id }))
    expect(await pick(target.id)).toBeNull()
  })

  it('ignores another organization’s rules and refuses another organization’s deal', async () => {
    const mine = await setup()
    const theirs = await setup()
    const t = await theirs.template('Theirs')
    await theirs.rule(t.id, { minAmount: '1' })
    await tx((db) => setDefaultTemplate(db, theirs.ctx, { templateId: t.id, isDefault: true }))
    const myDeal = await mine.deal({ amount: '5000' })
    expect(await mine.pick(myDeal.id)).toBeNull()
    expect(await fail(theirs.pick(myDeal.id))).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('template rules', () => {
  it('lists, updates and deletes rules with their conditions in words', async () => {
    const { ctx, enterprise, pro, template, rule } = await setup()
    const t = await template('Rules')
    const r = await rule(t.id, { pipelineId: enterprise.id, productIds: [pro.id], minAmount: '50000', priority: 10 })
    expect(await listTemplateRules(testDb, ctx, t.id)).toEqual([
      expect.objectContaining({ id: r.id, priority: 10, minAmountMinor: '5000000', maxAmountMinor: null, conditions: ['pipeline Enterprise', 'product Onboarding Pro', 'amount ≥ €50,000.00'] }),
    ])
    expect((await listTemplates(testDb, ctx)).find((x) => x.id === t.id)!.rules).toEqual(['Pipeline Enterprise · product Onboarding Pro · amount ≥ €50,000.00'])

    await tx((db) => updateTemplateRule(db, ctx, { ruleId: r.id, dealType: 'RENEWAL', productIds: [], maxAmount: '1,000', priority: 3 }))
    expect((await listTemplateRules(testDb, ctx, t.id))[0]!.conditions).toEqual(['deal type Renewal', 'amount ≤ €1,000.00'])
    await tx((db) => deleteTemplateRule(db, ctx, { ruleId: r.id }))
    expect(await listTemplateRules(testDb, ctx, t.id)).toEqual([])
    const log = await testDb.activityLog.findMany({ where: { entityId: t.id }, orderBy: { createdAt: 'asc' } })
    expect(log.map((l) => l.action)).toEqual(['template.created', 'template.rule_added', 'template.rule_updated', 'template.rule_removed'])
  })

  it('explains bad input next to the field and needs at least one condition', async () => {
    const { template, rule } = await setup()
    const t = await template('Checks')
    expect(await fail(rule(t.id, {}))).toMatchObject({ code: 'INVALID', message: expect.stringContaining('Set at least one condition') })
    expect(await fail(rule(t.id, { minAmount: '12.345' }))).toMatchObject({ field: 'minAmount', message: 'Use at most 2 decimals for EUR.' })
    expect(await fail(rule(t.id, { minAmount: '500', maxAmount: '100' }))).toMatchObject({ field: 'maxAmount', message: 'The maximum is below the minimum.' })
  })

  it('refuses another organization’s pipeline, products, template and rule; sales may not change rules', async () => {
    const mine = await setup()
    const theirs = await setup()
    const t = await mine.template('Mine')
    expect(await fail(mine.rule(t.id, { pipelineId: theirs.enterprise.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'pipelineId' })
    expect(await fail(mine.rule(t.id, { productIds: [theirs.pro.id] }))).toMatchObject({ code: 'NOT_FOUND', field: 'productIds' })
    expect(await fail(theirs.rule(t.id, { minAmount: '1' }))).toMatchObject({ code: 'NOT_FOUND' })
    const r = await mine.rule(t.id, { minAmount: '1' })
    expect(await fail(tx((db) => deleteTemplateRule(db, theirs.ctx, { ruleId: r.id })))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(tx((db) => updateTemplateRule(db, theirs.ctx, { ruleId: r.id, productIds: [], minAmount: '2', priority: 0 })))).toMatchObject({ code: 'NOT_FOUND' })
    const rep = await createMember(mine.org, 'SALES')
    expect(await fail(tx((db) => createTemplateRule(db, rep.ctx, { templateId: t.id, productIds: [], minAmount: '1', priority: 0 })))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await listTemplateRules(testDb, theirs.ctx, t.id)).toEqual([])
  })
})

describe('the demo templates', () => {
  it('seeds roles, holidays and two templates: Enterprise deals get Enterprise onboarding, others the default', async () => {
    await seedDemo(testDb)
    const org = await testDb.organization.findFirstOrThrow({ where: { slug: 'acme' } })
    const admin = await testDb.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } })
    const ctx: Ctx = { orgId: org.id, userId: admin.id, role: 'ADMIN' }
    const templates = await listTemplates(testDb, ctx)
    expect(templates.map((t) => [t.name, t.isDefault, t.taskCount, t.milestoneCount, t.rules])).toEqual([
      ['Standard onboarding', true, 12, 3, []],
      ['Enterprise onboarding', false, 40, 5, ['Pipeline Enterprise']],
    ])
    const roles = await testDb.projectRole.findMany({ where: { orgId: org.id }, orderBy: { position: 'asc' }, select: { name: true, defaultUser: { select: { email: true } } } })
    expect(roles.map((r) => [r.name, r.defaultUser?.email ?? null])).toEqual([
      ['Implementation lead', 'delivery@acme.test'],
      ['Account manager', 'manager@acme.test'],
      ['Solutions engineer', null],
    ])
    expect(await testDb.holiday.count({ where: { orgId: org.id, day: new Date('2026-12-25T00:00:00Z') } })).toBe(1)

    const enterprise = await testDb.pipeline.findFirstOrThrow({ where: { orgId: org.id, name: 'Enterprise' } })
    const enterpriseDeal = await createTestDeal(ctx, { pipelineId: enterprise.id, title: 'Global rollout', amount: '20000' })
    const otherDeal = await testDb.deal.findFirstOrThrow({ where: { orgId: org.id, pipelineId: { not: enterprise.id } } })
    expect(await pickTemplate(testDb, ctx, enterpriseDeal.id)).toMatchObject({ name: 'Enterprise onboarding', reasons: ['pipeline Enterprise'] })
    expect(await pickTemplate(testDb, ctx, otherDeal.id)).toMatchObject({ name: 'Standard onboarding', reasons: ['organization default'], ruleId: null })
  })
})
