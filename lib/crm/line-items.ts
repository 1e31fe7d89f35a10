import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { lineItemTotal, minorToDecimal, parseMoney } from '@/lib/money'
import { assertCanEditDeal } from '@/lib/crm/deal-access'
import type { AddLineItemInput, RemoveLineItemInput, UpdateLineItemInput } from '@/lib/crm/line-items.schema'

export type LineItemDto = {
  id: string
  productId: string | null
  name: string
  sku: string | null
  quantity: number
  unitPriceMinor: string
  discountBp: number
  totalMinor: string
}

export type ProductOption = { id: string; name: string; sku: string | null; unitPriceMinor: string; currency: string; unitPrice: string }

/** Largest amount a deal can hold (Postgres bigint). */
const MAX_MINOR = 9_223_372_036_854_775_807n
const GAP = 1024

/** The org's live products to pick from, by name. */
export async function productOptions(db: Db, ctx: Ctx, take = 500): Promise<ProductOption[]> {
  const rows = await db.product.findMany({
    where: { orgId: ctx.orgId, archivedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, name: true, sku: true, unitPriceMinor: true, currency: true },
  })
  return rows.map((p) => {
    const currency = p.currency.trim()
    return { id: p.id, name: p.name, sku: p.sku, unitPriceMinor: p.unitPriceMinor.toString(), currency, unitPrice: minorToDecimal(p.unitPriceMinor, currency) }
  })
}

export async function listLineItems(db: Db, ctx: Ctx, dealId: string): Promise<LineItemDto[]> {
  const rows = await db.dealLineItem.findMany({
    where: { orgId: ctx.orgId, dealId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, productId: true, name: true, quantity: true, unitPriceMinor: true, discountBp: true, product: { select: { sku: true } } },
  })
  return rows.map((r) => ({
    id: r.id,
    productId: r.productId,
    name: r.name,
    sku: r.product?.sku ?? null,
    quantity: r.quantity,
    unitPriceMinor: r.unitPriceMinor.toString(),
    discountBp: r.discountBp,
    totalMinor: lineItemTotal(r.quantity, r.unitPriceMinor, r.discountBp).toString(),
  }))
}

type LockedDeal = { id: string; owner_id: string; currency: string; amount_minor: bigint }

/**
 * Locks the deal row for the rest of the transaction, so two people changing line items at
 * once cannot both sum a stale set: the second waits, then sees the first one's line.
 */
async function lockDeal(db: Db, ctx: Ctx, dealId: string): Promise<LockedDeal> {
  const [deal] = await db.$queryRaw<LockedDeal[]>`
    SELECT id, owner_id, currency, amount_minor FROM deal
    WHERE id = ${dealId}::uuid AND org_id = ${ctx.orgId}::uuid AND deleted_at IS NULL
    FOR UPDATE`
  if (!deal) throw notFound('This deal')
  assertCanEditDeal(ctx, { ownerId: deal.owner_id })
  return { ...deal, currency: deal.currency.trim() }
}

/** A line item of this organization and the deal it belongs to (locked). */
async function lineItemWithDeal(db: Db, ctx: Ctx, lineItemId: string) {
  const line = await db.dealLineItem.findFirst({
    where: { id: lineItemId, orgId: ctx.orgId, deal: { deletedAt: null } },
    select: { id: true, dealId: true, name: true, quantity: true, unitPriceMinor: true, discountBp: true },
  })
  if (!line) throw notFound('This line item')
  return { line, deal: await lockDeal(db, ctx, line.dealId) }
}

function parsePrice(text: string, currency: string): bigint {
  const price = parseMoney(text, currency)
  if (!price.ok) throw new AppError('INVALID', price.error, 'unitPrice')
  return price.minor
}

/**
 * Sets the deal amount to the exact sum of its line items (each rounded with lineItemTotal),
 * bumping the version when it changes. Returns the change for the audit entry.
 */
async function recomputeAmount(db: Db, ctx: Ctx, deal: LockedDeal): Promise<{ amountMinor?: { from: string; to: string } }> {
  const lines = await db.dealLineItem.findMany({ where: { orgId: ctx.orgId, dealId: deal.id }, select: { quantity: true, unitPriceMinor: true, discountBp: true } })
  if (lines.length === 0) return {}
  const sum = lines.reduce((total, l) => total + lineItemTotal(l.quantity, l.unitPriceMinor, l.discountBp), 0n)
  if (sum > MAX_MINOR) throw new AppError('INVALID', 'That makes the deal amount too large.', 'quantity')
  if (sum === deal.amount_minor) return {}
  await db.deal.update({ where: { id: deal.id }, data: { amountMinor: sum, version: { increment: 1 } } })
  return { amountMinor: { from: deal.amount_minor.toString(), to: sum.toString() } }
}

/**
 * Adds a product line to a deal: quantity, unit price (the product's unless changed), discount.
 * The deal amount becomes the sum of its lines in the same transaction. Run in a transaction.
 */
export async function addLineItem(db: Db, ctx: Ctx, input: AddLineItemInput) {
  const deal = await lockDeal(db, ctx, input.dealId)
  const product = await db.product.findFirst({ where: { id: input.productId, orgId: ctx.orgId, archivedAt: null }, select: { id: true, name: true } })
  if (!product) throw new AppError('NOT_FOUND', 'That product was not found.', 'productId')
  const unitPriceMinor = parsePrice(input.unitPrice, deal.currency)
  const last = await db.dealLineItem.findFirst({ where: { orgId: ctx.orgId, dealId: deal.id }, orderBy: { position: 'desc' }, select: { position: true } })
  const line = await db.dealLineItem.create({
    data: {
      orgId: ctx.orgId,
      dealId: deal.id,
      productId: product.id,
      name: product.name,
      quantity: input.quantity,
      unitPriceMinor,
      discountBp: input.discount,
      position: (last?.position ?? 0) + GAP,
    },
    select: { id: true },
  })
  const amount = await recomputeAmount(db, ctx, deal)
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: 'deal.line_item_added',
    changes: { product: product.name, quantity: input.quantity, unitPriceMinor: unitPriceMinor.toString(), ...(input.discount ? { discountBp: input.discount } : {}), ...amount },
  })
  return { id: line.id, dealId: deal.id }
}

/** Changes a line's quantity, unit price or discount; the deal amount follows. Run in a transaction. */
export async function updateLineItem(db: Db, ctx: Ctx, input: UpdateLineItemInput) {
  const { line, deal } = await lineItemWithDeal(db, ctx, input.lineItemId)
  const unitPriceMinor = parsePrice(input.unitPrice, deal.currency)
  const changes: Record<string, { from: string | number; to: string | number }> = {}
  if (input.quantity !== line.quantity) changes.quantity = { from: line.quantity, to: input.quantity }
  if (unitPriceMinor !== line.unitPriceMinor) changes.unitPriceMinor = { from: line.unitPriceMinor.toString(), to: unitPriceMinor.toString() }
  if (input.discount !== line.discountBp) changes.discountBp = { from: line.discountBp, to: input.discount }
  if (Object.keys(changes).length === 0) return { id: line.id, dealId: deal.id }
  await db.dealLineItem.update({ where: { id: line.id }, data: { quantity: input.quantity, unitPriceMinor, discountBp: input.discount } })
  const amount = await recomputeAmount(db, ctx, deal)
  await logActivity(db, ctx, { entityType: 'deal', entityId: deal.id, action: 'deal.line_item_updated', changes: { product: line.name, ...changes, ...amount } })
  return { id: line.id, dealId: deal.id }
}

/**
 * Removes a line; the amount is the sum of the remaining ones. Removing the last line leaves
 * the amount as it was, editable again by hand. Run in a transaction.
 */
export async function removeLineItem(db: Db, ctx: Ctx, input: RemoveLineItemInput) {
  const { line, deal } = await lineItemWithDeal(db, ctx, input.lineItemId)
  await db.dealLineItem.delete({ where: { id: line.id } })
  const amount = await recomputeAmount(db, ctx, deal)
  await logActivity(db, ctx, {
    entityType: 'deal',
    entityId: deal.id,
    action: 'deal.line_item_removed',
    changes: { product: line.name, quantity: line.quantity, ...amount },
  })
  return { id: line.id, dealId: deal.id }
}
