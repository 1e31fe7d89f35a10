import { forbidden, redirect } from 'next/navigation'
import { memberForPage } from '@/lib/page-auth'
import { dashboardTabs } from './tabs'

/** /dashboards opens the first dashboard the caller's role may see. */
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:read', `/${orgSlug}/dashboards`)
  const first = dashboardTabs(orgSlug, member.role)[0]
  if (!first) forbidden()
  redirect(first.href)
}
