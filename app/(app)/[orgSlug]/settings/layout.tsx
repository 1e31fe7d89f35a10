import { SettingsTabs } from '@/components/settings/settings-tabs'
import { memberForPage } from '@/lib/page-auth'
import { can, type Permission } from '@/lib/permissions'

const TABS: { href: string; label: string; permission: Permission }[] = [
  { href: '', label: 'General', permission: 'org:read' },
  { href: 'members', label: 'Members', permission: 'members:manage' },
  { href: 'pipelines', label: 'Pipelines', permission: 'crm:configure' },
  { href: 'lost-reasons', label: 'Lost reasons', permission: 'crm:configure' },
  { href: 'products', label: 'Products', permission: 'crm:configure' },
  { href: 'templates', label: 'Templates', permission: 'projects:write' },
  { href: 'project-roles', label: 'Project roles', permission: 'projects:write' },
  { href: 'holidays', label: 'Holidays', permission: 'projects:write' },
  { href: 'webhooks', label: 'Webhooks', permission: 'org:manage' },
  { href: 'api-tokens', label: 'API tokens', permission: 'org:read' },
]

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug)
  const tabs = TABS.filter((t) => can(member.role, t.permission))
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Settings</h1>
      <SettingsTabs orgSlug={orgSlug} tabs={tabs} />
      {children}
    </>
  )
}
