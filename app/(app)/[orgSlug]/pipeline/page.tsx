import type { Metadata } from 'next'
import { ComingSoon } from '@/components/shell/coming-soon'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Pipeline' }

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  await memberForPage(orgSlug, 'crm:read')
  return <ComingSoon title="Pipeline" description="Deals by stage, with drag and drop from first call to closed-won." />
}
