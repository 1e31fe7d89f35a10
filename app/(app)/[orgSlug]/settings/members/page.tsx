import type { Metadata } from 'next'
import { InviteMemberForm } from '@/components/settings/invite-member-form'
import { MemberRoleForm } from '@/components/settings/member-role-form'
import { Card, PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'members:manage')
  const members = await listMembers(db, ctxOf(member))
  return (
    <>
      <PageHeader level={2} title="Members" description={`People who can sign in to ${member.org.name}, and what their role lets them do.`} />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <table className="w-full text-sm">
            <caption className="sr-only">Members of {member.org.name}</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-soft">
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {members.map((m) => (
                <tr key={m.membershipId} data-testid="member-row">
                  <td className="px-4 py-2 font-medium">{m.name}</td>
                  <td className="px-4 py-2 text-ink-soft">{m.email}</td>
                  <td className="px-4 py-2">
                    <MemberRoleForm orgSlug={orgSlug} membershipId={m.membershipId} name={m.name} role={m.role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <InviteMemberForm orgSlug={orgSlug} />
      </div>
    </>
  )
}
