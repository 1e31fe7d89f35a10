import type { Metadata } from 'next'
import { ComingSoon } from '@/components/shell/coming-soon'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Dashboards' }

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  await memberForPage(orgSlug, 'org:read')
  return <ComingSoon title="Dashboards" description="Sales forecast, on-time delivery and the won-to-live cycle." />
}
