import { AppShell } from '@/components/shell/app-shell'
import { memberForPage, myOrganizations } from '@/lib/page-auth'

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  // both wait on the same session decode; the two queries run side by side
  const [member, organizations] = await Promise.all([memberForPage(orgSlug, 'org:read', `/${orgSlug}`), myOrganizations()])
  return (
    <AppShell member={member} organizations={organizations}>
      {children}
    </AppShell>
  )
}
