import { AppShell } from '@/components/shell/app-shell'
import { shellForPage } from '@/lib/page-auth'

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  // one query: the membership (shared with the page through React's cache) and the switcher's organizations
  const { member, organizations } = await shellForPage(orgSlug, 'org:read', `/${orgSlug}`)
  return (
    <AppShell member={member} organizations={organizations}>
      {children}
    </AppShell>
  )
}
