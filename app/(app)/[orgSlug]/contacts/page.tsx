import type { Metadata } from 'next'
import { ComingSoon } from '@/components/shell/coming-soon'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Contacts' }

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  await memberForPage(orgSlug, 'crm:read')
  return <ComingSoon title="Contacts" description="The people you sell to, with their companies, deals and history." />
}
