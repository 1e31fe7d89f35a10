import type { Metadata } from 'next'
import { ImportHistory } from '@/components/import/import-history'
import { ImportWizard } from '@/components/import/import-wizard'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listImportJobs } from '@/lib/crm/import-jobs'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Import CSV' }

export default async function ImportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:write', `/${orgSlug}/import`)
  const jobs = await listImportJobs(db, ctxOf(member))
  return (
    <>
      <PageHeader title="Import CSV" description="Companies, contacts or deals from a spreadsheet: each bad row is reported with its row number, the good ones are imported." />
      <ImportWizard orgSlug={orgSlug} currency={member.org.currency} />
      <ImportHistory orgSlug={orgSlug} jobs={jobs} />
    </>
  )
}
