import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { parseMoney } from '@/lib/money'
import { assertCanConfigure } from '@/lib/crm/stages'
import type { ProductInput } from '@/lib/crm/settings.schema'

export type ProductDto = { id: string; name: string; sku: string | null; unitPriceMinor: string; currency: string }

export async function listProducts(db: Db, ctx: Ctx): Promise<ProductDto[]> {
  const rows = await db.product.findMany({
    where: { orgId: ctx.orgId, archivedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, sku: true, unitPriceMinor: true, currency: true },
  })
  return rows.map((p) => ({ ...p, unitPriceMinor: p.unitPriceMinor.toString(), currency: p.currency.trim() }))
}

async function price(db: Db, ctx: Ctx, unitPrice: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })
  const parsed = parseMoney(unitPrice, org.currency)
  if (!parsed.ok) throw new AppError('INVALID', parsed.error, 'unitPrice')
  return { unitPriceMinor: parsed.minor, currency: org.currency }
}

const skuTaken = (sku: string) => new AppError('CONFLICT', `Another product already has SKU ${sku}.`, 'sku')

async function assertSkuFree(db: Db, ctx: Ctx, sku: string | undefined, exceptId?: string) {
  if (!sku) return
  const clash = await db.product.findFirst({ where: { orgId: ctx.orgId, sku, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })
  if (clash) throw skuTaken(sku)
}

export async function createProduct(db: Db, ctx: Ctx, input: ProductInput) {
  assertCanConfigure(ctx)
  await assertSkuFree(db, ctx, input.sku)
  const product = await db.product.create({ data: { orgId: ctx.orgId, name: input.name, sku: input.sku ?? null, ...(await price(db, ctx, input.unitPrice)) }, select: { id: true } })
  await logActivity(db, ctx, { entityType: 'product', entityId: product.id, action: 'product.created', changes: { name: input.name, sku: input.sku ?? null } })
  return product
}

export async function updateProduct(db: Db, ctx: Ctx, input: ProductInput & { productId: string }) {
  assertCanConfigure(ctx)
  const product = await db.product.findFirst({ where: { id: input.productId, orgId: ctx.orgId }, select: { id: true, name: true, sku: true, unitPriceMinor: true } })
  if (!product) throw notFound('This product')
  await assertSkuFree(db, ctx, input.sku, product.id)
  const next = await price(db, ctx, input.unitPrice)
  await db.product.update({ where: { id: product.id }, data: { name: input.name, sku: input.sku ?? null, unitPriceMinor: next.unitPriceMinor } })
  await logActivity(db, ctx, {
    entityType: 'product',
    entityId: product.id,
    action: 'product.updated',
    changes: {
      ...(product.name !== input.name ? { name: { from: product.name, to: input.name } } : {}),
      ...(product.sku !== (input.sku ?? null) ? { sku: { from: product.sku, to: input.sku ?? null } } : {}),
      ...(product.unitPriceMinor !== next.unitPriceMinor ? { unitPriceMinor: { from: product.unitPriceMinor.toString(), to: next.unitPriceMinor.toString() } } : {}),
    },
  })
}

/** Archived products stay on the deals that sold them but are no longer offered. */
export async function archiveProduct(db: Db, ctx: Ctx, input: { productId: string }) {
  assertCanConfigure(ctx)
  const product = await db.product.findFirst({ where: { id: input.productId, orgId: ctx.orgId, archivedAt: null }, select: { id: true } })
  if (!product) throw notFound('This product')
  await db.product.update({ where: { id: product.id }, data: { archivedAt: new Date() } })
  await logActivity(db, ctx, { entityType: 'product', entityId: product.id, action: 'product.archived' })
}
