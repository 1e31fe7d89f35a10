import type { Metadata } from 'next'
import { ProductsEditor } from '@/components/settings/products-editor'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listProducts } from '@/lib/crm/products'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Products' }

export default async function ProductsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:configure')
  return <ProductsEditor orgSlug={orgSlug} currency={member.org.currency.trim()} products={await listProducts(db, ctxOf(member))} />
}
