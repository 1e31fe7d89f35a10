import { AppShell } from '@/components/shell/app-shell'
import { memberForPage, myOrganizations } from '@/lib/page-auth'

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:read', `/${orgSlug}`)
  const organizations = await myOrganizations()
  return (
    <AppShell member={member} organizations={organizations}>
      {children}
    </AppShell>
  )
}
