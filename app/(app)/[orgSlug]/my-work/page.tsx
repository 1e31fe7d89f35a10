import type { Metadata } from 'next'
import { ComingSoon } from '@/components/shell/coming-soon'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'My work' }

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  await memberForPage(orgSlug, 'org:read')
  return <ComingSoon title="My work" description="Your sales follow-ups and project tasks in one list, by due date." />
}
