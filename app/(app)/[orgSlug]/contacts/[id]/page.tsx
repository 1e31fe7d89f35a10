import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ChevronLeft } from 'lucide-react'
import { ActivityComposer } from '@/components/crm/activity-composer'
import { ContactFields } from '@/components/crm/contact-fields'
import { DeleteRecordButton, TrashBanner } from '@/components/crm/record-trash'
import { DealsTable, RelatedCard } from '@/components/crm/related-tables'
import { Timeline } from '@/components/crm/timeline'
import { Badge, Card } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { getContact } from '@/lib/crm/contacts'
import { contactName } from '@/lib/crm/contacts.schema'
import { dealContactRoleLabels } from '@/lib/crm/deal-contacts.schema'
import { isUuid } from '@/lib/crm/list-params'
import { ownerChoices } from '@/lib/crm/record-access'
import { listTimeline } from '@/lib/crm/timeline'
import { listMembers } from '@/lib/org/members'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { can } from '@/lib/permissions'
import { deleteContactAction, restoreContactAction } from '../actions'

type Params = Promise<{ orgSlug: string; id: string }>

/** One load per request, shared by the metadata and the page; a malformed id is a 404 too. */
const loadContact = cache(async (orgSlug: string, id: string) => {
  const member = await memberForPage(orgSlug, 'crm:read', `/${orgSlug}/contacts/${id}`)
  if (!isUuid(id)) notFound()
  const contact = await orNotFound(getContact(db, ctxOf(member), id))
  return { member, contact }
})

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orgSlug, id } = await params
  const { contact } = await loadContact(orgSlug, id)
  return { title: contactName(contact) }
}

export default async function ContactPage({ params }: { params: Params }) {
  const { orgSlug, id } = await params
  const { member, contact } = await loadContact(orgSlug, id)
  const ctx = ctxOf(member)
  const deleted = contact.deletedAt !== null
  const editable = contact.canEdit && !deleted
  const [timeline, members] = await Promise.all([listTimeline(db, ctx, { entityType: 'contact', entityId: contact.id }), editable ? listMembers(db, ctx) : []])
  const name = contactName(contact)
  const roles = new Map(contact.deals.map((d) => [d.id, d.role]))

  return (
    <div className="space-y-5">
      <Link href={`/${orgSlug}/contacts`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Contacts
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{name}</h1>
          <p className="mt-1 text-sm text-ink-soft">
            {[contact.jobTitle, contact.company?.name, contact.email].filter(Boolean).join(' · ') || 'No details yet'}
          </p>
        </div>
        {editable ? <DeleteRecordButton orgSlug={orgSlug} id={contact.id} noun="contact" name={name} action={deleteContactAction} /> : null}
      </div>
      {deleted ? <TrashBanner orgSlug={orgSlug} id={contact.id} noun="contact" listHref={`/${orgSlug}/contacts`} action={restoreContactAction} canRestore={contact.canEdit} /> : null}

      <div className="grid gap-5 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <aside className="space-y-5">
          <Card className="p-4">
            <h2 className="mb-3 text-sm font-semibold">Details</h2>
            <ContactFields orgSlug={orgSlug} contact={contact} owners={ownerChoices(members, ctx, { none: true })} editable={editable} />
          </Card>
        </aside>
        <div className="min-w-0 space-y-5">
          <RelatedCard title="Deals" count={contact.deals.length} shown={contact.deals.length} testId="contact-deals">
            <DealsTable
              orgSlug={orgSlug}
              deals={contact.deals}
              extra={{ label: 'Role', value: (dealId) => <Badge>{dealContactRoleLabels[roles.get(dealId)!]}</Badge> }}
              empty="Not on any deal yet. Add the contact from a deal's page."
            />
          </RelatedCard>
          {contact.company ? (
            <RelatedCard title={`Other deals of ${contact.company.name}`} count={contact.companyDeals.length} shown={contact.companyDeals.length} testId="contact-company-deals">
              <DealsTable orgSlug={orgSlug} deals={contact.companyDeals} empty="The company has no other deals." />
            </RelatedCard>
          ) : null}
          <section aria-labelledby="activity-heading" className="space-y-4">
            <h2 id="activity-heading" className="text-base font-semibold">
              Activity
            </h2>
            {can(member.role, 'crm:write') && !deleted ? <ActivityComposer orgSlug={orgSlug} target={{ contactId: contact.id }} /> : null}
            <Timeline items={timeline} />
          </section>
        </div>
      </div>
    </div>
  )
}
