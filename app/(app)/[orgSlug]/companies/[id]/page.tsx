import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ChevronLeft } from 'lucide-react'
import { ActivityComposer } from '@/components/crm/activity-composer'
import { CompanyFields } from '@/components/crm/company-fields'
import { NewContactDialog } from '@/components/crm/new-contact-dialog'
import { DeleteRecordButton, TrashBanner } from '@/components/crm/record-trash'
import { DealsTable, RelatedCard } from '@/components/crm/related-tables'
import { Timeline } from '@/components/crm/timeline'
import { Card } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { getCompany } from '@/lib/crm/companies'
import { isUuid } from '@/lib/crm/list-params'
import { ownerChoices } from '@/lib/crm/record-access'
import { listTimeline } from '@/lib/crm/timeline'
import { listMembers } from '@/lib/org/members'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { can } from '@/lib/permissions'
import { deleteCompanyAction, restoreCompanyAction } from '../actions'

type Params = Promise<{ orgSlug: string; id: string }>

/** One load per request, shared by the metadata and the page; a malformed id is a 404 too. */
const loadCompany = cache(async (orgSlug: string, id: string) => {
  const member = await memberForPage(orgSlug, 'crm:read', `/${orgSlug}/companies/${id}`)
  if (!isUuid(id)) notFound()
  const company = await orNotFound(getCompany(db, ctxOf(member), id))
  return { member, company }
})

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orgSlug, id } = await params
  const { company } = await loadCompany(orgSlug, id)
  return { title: company.name }
}

export default async function CompanyPage({ params }: { params: Params }) {
  const { orgSlug, id } = await params
  const { member, company } = await loadCompany(orgSlug, id)
  const ctx = ctxOf(member)
  const [timeline, members] = await Promise.all([listTimeline(db, ctx, { entityType: 'company', entityId: company.id }), company.canEdit ? listMembers(db, ctx) : []])
  const owners = ownerChoices(members, ctx, { none: true })
  const deleted = company.deletedAt !== null
  const editable = company.canEdit && !deleted

  return (
    <div className="space-y-5">
      <Link href={`/${orgSlug}/companies`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Companies
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{company.name}</h1>
          <p className="mt-1 text-sm text-ink-soft">
            {[company.domain, company.industry, company.owner ? `Owner: ${company.owner.name}` : 'No owner'].filter(Boolean).join(' · ')}
          </p>
        </div>
        {editable ? <DeleteRecordButton orgSlug={orgSlug} id={company.id} noun="company" name={company.name} action={deleteCompanyAction} /> : null}
      </div>
      {deleted ? <TrashBanner orgSlug={orgSlug} id={company.id} noun="company" listHref={`/${orgSlug}/companies`} action={restoreCompanyAction} canRestore={company.canEdit} /> : null}

      <div className="grid gap-5 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <aside>
          <Card className="p-4">
            <h2 className="mb-3 text-sm font-semibold">Details</h2>
            <CompanyFields orgSlug={orgSlug} company={company} owners={owners} editable={editable} />
          </Card>
        </aside>
        <div className="min-w-0 space-y-5">
          <RelatedCard
            title="Contacts"
            count={company.contactCount}
            shown={company.contacts.length}
            testId="company-contacts"
            action={
              <Link href={`/${orgSlug}/contacts?company=${company.id}`} className="text-xs text-accent hover:underline">
                Open in the contacts list
              </Link>
            }
          >
            {company.contacts.length === 0 ? (
              <p className="px-4 py-4 text-sm text-ink-soft">No contacts at this company yet.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {company.contacts.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2">
                    <Link href={`/${orgSlug}/contacts/${c.id}`} className="font-medium hover:underline">
                      {`${c.firstName} ${c.lastName}`.trim()}
                    </Link>
                    {c.jobTitle ? <span className="text-ink-soft">{c.jobTitle}</span> : null}
                    {c.email ? (
                      <a href={`mailto:${c.email}`} className="ml-auto text-ink-soft hover:underline">
                        {c.email}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {editable ? (
              <div className="border-t border-line px-4 py-2">
                <NewContactDialog
                  orgSlug={orgSlug}
                  owners={owners}
                  defaultOwnerId={member.user.id}
                  defaultCompany={{ id: company.id, name: company.name }}
                  compact
                />
              </div>
            ) : null}
          </RelatedCard>
          <RelatedCard title="Deals" count={company.dealCount} shown={company.deals.length} testId="company-deals">
            <DealsTable orgSlug={orgSlug} deals={company.deals} empty="No deals with this company yet." />
          </RelatedCard>
          <section aria-labelledby="activity-heading" className="space-y-4">
            <h2 id="activity-heading" className="text-base font-semibold">
              Activity
            </h2>
            {can(member.role, 'crm:write') && !deleted ? <ActivityComposer orgSlug={orgSlug} target={{ companyId: company.id }} /> : null}
            <Timeline items={timeline} />
          </section>
        </div>
      </div>
    </div>
  )
}
