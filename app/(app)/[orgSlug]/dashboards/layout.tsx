import { DashboardTabs } from '@/components/dashboards/dashboard-tabs'
import { PageHeader } from '@/components/ui/card'
import { memberForPage } from '@/lib/page-auth'
import { dashboardTabs } from './tabs'

export default async function DashboardsLayout({ params, children }: { params: Promise<{ orgSlug: string }>; children: React.ReactNode }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:read', `/${orgSlug}/dashboards`)
  return (
    <>
      <PageHeader title="Dashboards" description={`Figures in ${member.org.currency}, months in ${member.org.timeZone.replace('_', ' ')} time.`} />
      <DashboardTabs tabs={dashboardTabs(orgSlug, member.role)} />
      {children}
    </>
  )
}
