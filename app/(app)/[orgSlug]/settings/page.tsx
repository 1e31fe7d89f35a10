import type { Metadata } from 'next'
import Link from 'next/link'
import { OrgSettingsForm } from '@/components/settings/org-settings-form'
import { Card } from '@/components/ui/card'
import { memberForPage } from '@/lib/page-auth'
import { can, roleLabels } from '@/lib/permissions'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug)
  if (can(member.role, 'org:manage')) {
    return (
      <div className="max-w-xl space-y-6">
        <OrgSettingsForm orgSlug={orgSlug} org={member.org} timeZones={Intl.supportedValuesOf('timeZone')} />
        <p>
          <Link href={`/${orgSlug}/settings/members`} className="text-sm font-medium text-accent hover:underline">
            Manage members →
          </Link>
        </p>
        <ImportLink orgSlug={orgSlug} />
      </div>
    )
  }
  const rows: [string, string][] = [
    ['Name', member.org.name],
    ['Address', `/${member.org.slug}`],
    ['Currency', member.org.currency],
    ['Time zone', member.org.timeZone],
    ['Your role', roleLabels[member.role]],
  ]
  return (
    <>
      <Card className="max-w-xl">
        <dl className="divide-y divide-line">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-3 gap-4 px-5 py-3 text-sm">
              <dt className="text-ink-soft">{label}</dt>
              <dd className="col-span-2 font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {can(member.role, 'crm:write') ? <ImportLink orgSlug={orgSlug} className="mt-6" /> : null}
    </>
  )
}

function ImportLink({ orgSlug, className }: { orgSlug: string; className?: string }) {
  return (
    <p className={className}>
      <Link href={`/${orgSlug}/import`} className="text-sm font-medium text-accent hover:underline">
        Import companies, contacts or deals from CSV →
      </Link>
    </p>
  )
}
