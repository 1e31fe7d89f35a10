import type { Metadata } from 'next'
import { ComingSoon } from '@/components/shell/coming-soon'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Projects' }

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  await memberForPage(orgSlug, 'projects:read')
  return <ComingSoon title="Projects" description="Onboarding projects built from templates when a deal is won." />
}
