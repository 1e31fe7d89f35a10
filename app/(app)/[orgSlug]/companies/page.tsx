import type { Metadata } from 'next'
import { ListView } from '@/components/crm/list/list-view'
import { NewCompanyDialog } from '@/components/crm/new-company-dialog'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { todayIn } from '@/lib/dates'
import { ctxOf } from '@/lib/authz'
import { COMPANY_SIZES, companySizeLabels } from '@/lib/crm/companies.schema'
import { companyFacets, listCompanies } from '@/lib/crm/company-list'
import { companyListDef } from '@/lib/crm/list-defs'
import { parseListParams, type SearchParams } from '@/lib/crm/list-params'
import { ownerChoices } from '@/lib/crm/record-access'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { can } from '@/lib/permissions'
import { countryName } from '@/components/crm/country-name'
import { bulkDeleteCompaniesAction, bulkOwnerCompaniesAction, bulkRestoreCompaniesAction } from './actions'

export const metadata: Metadata = { title: 'Companies' }

export default async function CompaniesPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:read')
  const ctx = ctxOf(member)
  const search = await searchParams
  const list = parseListParams(companyListDef, search)
  const [page, members, facets] = await Promise.all([listCompanies(db, ctx, list), listMembers(db, ctx), companyFacets(db, ctx)])
  const writer = can(member.role, 'crm:write')
  const owners = ownerChoices(members, ctx, { none: true })
  const people = members.filter((m) => can(m.role, 'crm:write')).map((m) => ({ value: m.userId, label: m.name }))

  return (
    <>
      <PageHeader
        title="Companies"
        description="The accounts you sell to, with their people and deals."
        actions={writer ? <NewCompanyDialog orgSlug={orgSlug} owners={owners} defaultOwnerId={member.user.id} /> : null}
      />
      <ListView
        pathname={`/${orgSlug}/companies`}
        search={search}
        columns={companyListDef.columns}
        params={list}
        page={page}
        entity="company"
        context={{ orgSlug, timeZone: member.org.timeZone, today: todayIn(member.org.timeZone) }}
        searchLabel="Search name or domain"
        filters={[
          { name: 'owner', label: 'Owner', kind: 'select', allLabel: 'Everyone', options: [{ value: 'mine', label: 'Mine' }, { value: 'none', label: 'No owner' }, ...people] },
          { name: 'industry', label: 'Industry', kind: 'select', allLabel: 'All', options: facets.industries.map((i) => ({ value: i, label: i })) },
          { name: 'country', label: 'Country', kind: 'select', allLabel: 'All', options: facets.countries.map((c) => ({ value: c, label: countryName(c) ?? c })) },
          { name: 'size', label: 'Size', kind: 'select', allLabel: 'Any', options: COMPANY_SIZES.map((s) => ({ value: s, label: companySizeLabels[s] })) },
        ]}
        bulk={
          writer
            ? {
                orgSlug,
                noun: { one: 'company', many: 'companies' },
                deleteAction: bulkDeleteCompaniesAction,
                restoreAction: bulkRestoreCompaniesAction,
                owner: { action: bulkOwnerCompaniesAction, options: owners },
              }
            : null
        }
        empty={list.trash ? 'The trash is empty.' : list.q || Object.values(list.filters).some(Boolean) ? 'No companies match these filters.' : 'No companies yet.'}
      />
    </>
  )
}
