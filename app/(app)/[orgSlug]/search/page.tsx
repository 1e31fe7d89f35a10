import type { Metadata } from 'next'
import { SearchResults } from '@/components/search/search-results'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { searchCrm } from '@/lib/crm/search'
import { SearchParams } from '@/lib/crm/search.schema'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Search' }

export default async function SearchPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:read', `/${orgSlug}/search`)
  const { q, type } = SearchParams.parse(await searchParams)
  const hits = await searchCrm(db, ctxOf(member), q, { limit: 20, types: type ? [type] : undefined })
  return (
    <>
      <PageHeader title="Search" description="Companies by name and domain, contacts by name and email, deals by title — best match first." />
      <SearchResults orgSlug={orgSlug} q={q} type={type} hits={hits} />
    </>
  )
}
