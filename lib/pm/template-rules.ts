import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { parseMoney } from '@/lib/money'
import { dealTypeLabels } from '@/lib/crm/deals.schema'
import { andList, conditionCount, describeAmount, describeConditions, type DealTypeValue, type RuleConditions, type RuleLookups } from '@/lib/pm/template-rule-text'
import type { TemplateRuleInput, UpdateTemplateRuleInput } from '@/lib/pm/template-rules.schema'
import { assertCanEditTemplates } from '@/lib/pm/template-rights'

// When a template applies to a deal (the handoff picks one with pickTemplate). A rule's
// conditions: pipeline, deal type, any of some products among the line items, an amount range
// in the organization's currency. Every set condition must hold; the highest priority wins;
// a tie goes to the rule with more conditions set, then to the oldest rule. No rule matching:
// the organization's default template. Archived templates and their rules are ignored.

export type TemplateRuleDto = RuleConditions & { id: string; priority: number; conditions: string[] }

export type TemplatePick = {
  templateId: string
  versionId: string
  name: string
  /** why this template, e.g. ["pipeline Enterprise", "amount ≥ €50,000.00"] or ["organization default"] */
  reasons: string[]
  /** the rule that matched, or null for the organization default */
  ruleId: string | null
}

type RuleRow = { pipelineId: string | null; dealType: DealTypeValue | null; productIds: string[]; minAmountMinor: bigint | null; maxAmountMinor: bigint | null }

export function ruleConditions(r: RuleRow): RuleConditions {
  return { pipelineId: r.pipelineId, dealType: r.dealType, productIds: r.productIds, minAmountMinor: r.minAmountMinor?.toString() ?? null, maxAmountMinor: r.maxAmountMinor?.toString() ?? null }
}

/** Names of the organization's pipelines and products (archived ones too), and its currency. */
export async function ruleLookups(db: Db, ctx: Pick<Ctx, 'orgId'>): Promise<RuleLookups> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })
  const pipelines = await db.pipeline.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } })
  const products = await db.product.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } })
  return { currency: org.currency.trim(), pipelines: new Map(pipelines.map((p) => [p.id, p.name])), products: new Map(products.map((p) => [p.id, p.name])) }
}

export async function listTemplateRules(db: Db, ctx: Ctx, templateId: string): Promise<TemplateRuleDto[]> {
  const rules = await db.templateRule.findMany({
    where: { orgId: ctx.orgId, templateId },
    orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, pipelineId: true, dealType: true, productIds: true, minAmountMinor: true, maxAmountMinor: true, priority: true },
  })
  if (!rules.length) return []
  const lookups = await ruleLookups(db, ctx)
  return rules.map((r) => {
    const conditions = ruleConditions(r)
    return { id: r.id, priority: r.priority, ...conditions, conditions: describeConditions(conditions, lookups) }
  })
}

type RuleFields = Omit<TemplateRuleInput, 'templateId'>

/** Checks every id belongs to the organization and parses the amounts in its currency. */
async function ruleData(db: Db, ctx: Ctx, input: RuleFields) {
  if (input.pipelineId) {
    const pipeline = await db.pipeline.findFirst({ where: { id: input.pipelineId, orgId: ctx.orgId }, select: { id: true } })
    if (!pipeline) throw new AppError('NOT_FOUND', 'This pipeline was not found.', 'pipelineId')
  }
  const productIds = [...new Set(input.productIds)]
  if (productIds.length) {
    const found = await db.product.count({ where: { orgId: ctx.orgId, id: { in: productIds } } })
    if (found !== productIds.length) throw new AppError('NOT_FOUND', 'One of these products was not found.', 'productIds')
  }
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })
  const amount = (value: string | undefined, field: string) => {
    if (value === undefined) return null
    const parsed = parseMoney(value, org.currency.trim())
    if (!parsed.ok) throw new AppError('INVALID', parsed.error, field)
    return parsed.minor
  }
  const minAmountMinor = amount(input.minAmount, 'minAmount')
  const maxAmountMinor = amount(input.maxAmount, 'maxAmount')
  if (minAmountMinor !== null && maxAmountMinor !== null && maxAmountMinor < minAmountMinor) {
    throw new AppError('INVALID', 'The maximum is below the minimum.', 'maxAmount')
  }
  const data = { pipelineId: input.pipelineId ?? null, dealType: input.dealType ?? null, productIds, minAmountMinor, maxAmountMinor, priority: input.priority }
  if (!conditionCount(ruleConditions(data))) {
    throw new AppError('INVALID', 'Set at least one condition. For a template that applies when no rule does, make it the default.')
  }
  return data
}

const logged = (data: Awaited<ReturnType<typeof ruleData>>) => ({ ...data, minAmountMinor: data.minAmountMinor?.toString() ?? null, maxAmountMinor: data.maxAmountMinor?.toString() ?? null })

export async function createTemplateRule(db: Db, ctx: Ctx, input: TemplateRuleInput) {
  assertCanEditTemplates(ctx)
  const template = await db.projectTemplate.findFirst({ where: { id: input.templateId, orgId: ctx.orgId }, select: { id: true } })
  if (!template) throw notFound('This template')
  const { templateId: _t, ...fields } = input
  const data = await ruleData(db, ctx, fields)
  const rule = await db.templateRule.create({ data: { orgId: ctx.orgId, templateId: template.id, ...data }, select: { id: true } })
  await logActivity(db, ctx, { entityType: 'project_template', entityId: template.id, action: 'template.rule_added', changes: { ruleId: rule.id, ...logged(data) } })
  return rule
}

async function ruleInOrg(db: Db, ctx: Ctx, ruleId: string) {
  const rule = await db.templateRule.findFirst({ where: { id: ruleId, orgId: ctx.orgId }, select: { id: true, templateId: true } })
  if (!rule) throw notFound('This rule')
  return rule
}

export async function updateTemplateRule(db: Db, ctx: Ctx, input: UpdateTemplateRuleInput) {
  assertCanEditTemplates(ctx)
  const rule = await ruleInOrg(db, ctx, input.ruleId)
  const { ruleId: _r, ...fields } = input
  const data = await ruleData(db, ctx, fields)
  await db.templateRule.update({ where: { id: rule.id }, data })
  await logActivity(db, ctx, { entityType: 'project_template', entityId: rule.templateId, action: 'template.rule_updated', changes: { ruleId: rule.id, ...logged(data) } })
}

export async function deleteTemplateRule(db: Db, ctx: Ctx, input: { ruleId: string }) {
  assertCanEditTemplates(ctx)
  const rule = await ruleInOrg(db, ctx, input.ruleId)
  await db.templateRule.delete({ where: { id: rule.id } })
  await logActivity(db, ctx, { entityType: 'project_template', entityId: rule.templateId, action: 'template.rule_removed', changes: { ruleId: rule.id } })
}

type DealFacts = { pipelineId: string; dealType: DealTypeValue; productIds: ReadonlySet<string>; amountMinor: bigint; currency: string }

/** Whether every set condition of a rule holds for a deal; amounts only compare in the org's currency. */
export function ruleMatches(rule: RuleRow, deal: DealFacts, orgCurrency: string): boolean {
  if (rule.pipelineId !== null && rule.pipelineId !== deal.pipelineId) return false
  if (rule.dealType !== null && rule.dealType !== deal.dealType) return false
  if (rule.productIds.length && !rule.productIds.some((id) => deal.productIds.has(id))) return false
  if (rule.minAmountMinor !== null || rule.maxAmountMinor !== null) {
    if (deal.currency !== orgCurrency) return false
    if (rule.minAmountMinor !== null && deal.amountMinor < rule.minAmountMinor) return false
    if (rule.maxAmountMinor !== null && deal.amountMinor > rule.maxAmountMinor) return false
  }
  return true
}

/**
 * The template a deal should get, with the reasons in words: the best matching rule (highest
 * priority, then most conditions, then oldest), else the organization default, else null.
 * Only live templates with a saved version count. Another organization's deal: NOT_FOUND.
 */
type PickRow = {
  pipelineId: string
  dealType: DealTypeValue
  amountMinor: string
  currency: string
  pipelineName: string
  orgCurrency: string
  products: { id: string; name: string }[]
  rules: { id: string; pipelineId: string | null; dealType: DealTypeValue | null; productIds: string[]; minAmountMinor: string | null; maxAmountMinor: string | null; priority: number; createdAt: string; templateId: string; templateName: string; versionId: string }[]
  fallback: { id: string; name: string; versionId: string } | null
}

export async function pickTemplate(db: Db, ctx: Pick<Ctx, 'orgId'>, dealId: string): Promise<TemplatePick | null> {
  // One query: the deal's facts, its products, every live rule and the default template.
  const [deal] = await db.$queryRaw<PickRow[]>`
    SELECT d.pipeline_id AS "pipelineId", d.deal_type::text AS "dealType", d.amount_minor::text AS "amountMinor", d.currency, p.name AS "pipelineName", o.currency AS "orgCurrency",
      (SELECT coalesce(json_agg(json_build_object('id', pr.id, 'name', pr.name)), '[]'::json)
         FROM product pr WHERE pr.org_id = d.org_id AND pr.id IN (SELECT l.product_id FROM deal_line_item l WHERE l.org_id = d.org_id AND l.deal_id = d.id)) AS products,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'pipelineId', r.pipeline_id, 'dealType', r.deal_type, 'productIds', r.product_ids,
                                                  'minAmountMinor', r.min_amount_minor::text, 'maxAmountMinor', r.max_amount_minor::text, 'priority', r.priority,
                                                  'createdAt', r.created_at, 'templateId', t.id, 'templateName', t.name, 'versionId', t.current_version_id)), '[]'::json)
         FROM template_rule r JOIN project_template t ON t.id = r.template_id
        WHERE r.org_id = d.org_id AND t.org_id = d.org_id AND t.archived_at IS NULL AND t.current_version_id IS NOT NULL) AS rules,
      (SELECT json_build_object('id', t.id, 'name', t.name, 'versionId', t.current_version_id) FROM project_template t
        WHERE t.org_id = d.org_id AND t.is_default AND t.archived_at IS NULL AND t.current_version_id IS NOT NULL LIMIT 1) AS fallback
    FROM deal d JOIN pipeline p ON p.id = d.pipeline_id JOIN organization o ON o.id = d.org_id
    WHERE d.id = ${dealId}::uuid AND d.org_id = ${ctx.orgId}::uuid AND d.deleted_at IS NULL`
  if (!deal) throw notFound('This deal')
  const facts: DealFacts = {
    pipelineId: deal.pipelineId,
    dealType: deal.dealType,
    productIds: new Set(deal.products.map((p) => p.id)),
    amountMinor: BigInt(deal.amountMinor),
    currency: deal.currency.trim(),
  }
  const orgCurrency = deal.orgCurrency.trim()
  const rules = deal.rules.map((r) => ({
    ...r,
    minAmountMinor: r.minAmountMinor === null ? null : BigInt(r.minAmountMinor),
    maxAmountMinor: r.maxAmountMinor === null ? null : BigInt(r.maxAmountMinor),
    createdAt: Date.parse(r.createdAt),
  }))
  const best = rules
    .filter((r) => ruleMatches(r, facts, orgCurrency))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        conditionCount(ruleConditions(b)) - conditionCount(ruleConditions(a)) ||
        a.createdAt - b.createdAt ||
        a.id.localeCompare(b.id),
    )[0]
  if (best) {
    const products = deal.products.filter((p) => best.productIds.includes(p.id)).map((p) => p.name).sort((a, b) => a.localeCompare(b))
    const reasons: string[] = []
    if (best.pipelineId) reasons.push(`pipeline ${deal.pipelineName}`)
    if (best.dealType) reasons.push(`deal type ${dealTypeLabels[best.dealType]}`)
    if (products.length) reasons.push(`${products.length === 1 ? 'product' : 'products'} ${andList(products)}`)
    const amount = describeAmount(best.minAmountMinor?.toString() ?? null, best.maxAmountMinor?.toString() ?? null, orgCurrency)
    if (amount) reasons.push(amount)
    return { templateId: best.templateId, versionId: best.versionId, name: best.templateName, reasons, ruleId: best.id }
  }
  if (!deal.fallback) return null
  return { templateId: deal.fallback.id, versionId: deal.fallback.versionId, name: deal.fallback.name, reasons: ['organization default'], ruleId: null }
}
