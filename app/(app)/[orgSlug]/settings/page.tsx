import type { Metadata } from 'next'
import Link from 'next/link'
import { Card, PageHeader } from '@/components/ui/card'
import { memberForPage } from '@/lib/page-auth'
import { can, roleLabels } from '@/lib/permissions'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug)
  const rows: [string, string][] = [
    ['Name', member.org.name],
    ['Address', `/${member.org.slug}`],
    ['Currency', member.org.currency],
    ['Time zone', member.org.timeZone],
    ['Your role', roleLabels[member.role]],
  ]
  return (
    <>
      <PageHeader title="Settings" description="Your organization and its members." />
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
      {can(member.role, 'members:manage') ? (
        <p className="mt-6">
          <Link href={`/${orgSlug}/settings/members`} className="text-sm font-medium text-accent hover:underline">
            Manage members →
          </Link>
        </p>
      ) : null}
    </>
  )
}
