import type { Metadata } from 'next'
import { ListView } from '@/components/crm/list/list-view'
import { NewContactDialog } from '@/components/crm/new-contact-dialog'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { todayIn } from '@/lib/dates'
import { ctxOf } from '@/lib/authz'
import { companyFacets } from '@/lib/crm/company-list'
import { listContacts } from '@/lib/crm/contact-list'
import { contactListDef } from '@/lib/crm/list-defs'
import { parseListParams, type SearchParams } from '@/lib/crm/list-params'
import { ownerChoices } from '@/lib/crm/record-access'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { can } from '@/lib/permissions'
import { countryName } from '@/components/crm/country-name'
import { bulkDeleteContactsAction, bulkOwnerContactsAction, bulkRestoreContactsAction } from './actions'

export const metadata: Metadata = { title: 'Contacts' }

export default async function ContactsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:read')
  const ctx = ctxOf(member)
  const search = await searchParams
  const list = parseListParams(contactListDef, search)
  const writer = can(member.role, 'crm:write')
  const [page, members, facets] = await Promise.all([listContacts(db, ctx, list), listMembers(db, ctx), companyFacets(db, ctx)])
  const owners = ownerChoices(members, ctx, { none: true })
  const people = members.filter((m) => can(m.role, 'crm:write')).map((m) => ({ value: m.userId, label: m.name }))

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you sell to, with their companies and deals."
        actions={writer ? <NewContactDialog orgSlug={orgSlug} owners={owners} defaultOwnerId={member.user.id}  /> : null}
      />
      <ListView
        pathname={`/${orgSlug}/contacts`}
        search={search}
        columns={contactListDef.columns}
        params={list}
        page={page}
        entity="contact"
        context={{ orgSlug, timeZone: member.org.timeZone, today: todayIn(member.org.timeZone) }}
        searchLabel="Search name or email"
        filters={[
          { name: 'owner', label: 'Owner', kind: 'select', allLabel: 'Everyone', options: [{ value: 'mine', label: 'Mine' }, { value: 'none', label: 'No owner' }, ...people] },
          { name: 'industry', label: 'Company industry', kind: 'select', allLabel: 'All', options: facets.industries.map((i) => ({ value: i, label: i })) },
          { name: 'country', label: 'Country', kind: 'select', allLabel: 'All', options: facets.countries.map((c) => ({ value: c, label: countryName(c) ?? c })) },
        ]}
        bulk={
          writer
            ? {
                orgSlug,
                noun: { one: 'contact', many: 'contacts' },
                deleteAction: bulkDeleteContactsAction,
                restoreAction: bulkRestoreContactsAction,
                owner: { action: bulkOwnerContactsAction, options: owners },
              }
            : null
        }
        empty={list.trash ? 'The trash is empty.' : list.q || Object.values(list.filters).some(Boolean) ? 'No contacts match these filters.' : 'No contacts yet.'}
      />
    </>
  )
}
