import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { ImportReport } from '@/components/import/import-report'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { getImportJob, listImportErrors } from '@/lib/crm/import-jobs'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { can } from '@/lib/permissions'

export const metadata: Metadata = { title: 'Import report' }

export default async function ImportReportPage({ params }: { params: Promise<{ orgSlug: string; jobId: string }> }) {
  const { orgSlug, jobId } = await params
  const member = await memberForPage(orgSlug, 'crm:read', `/${orgSlug}/import/${jobId}`)
  if (!z.uuid().safeParse(jobId).success) notFound()
  const ctx = ctxOf(member)
  const job = await orNotFound(getImportJob(db, ctx, jobId))
  const errors = await listImportErrors(db, ctx, jobId)
  return (
    <>
      <PageHeader
        title="Import report"
        actions={
          <Link href={`/${orgSlug}/import`} className="text-sm font-medium text-accent hover:underline">
            ← Import another file
          </Link>
        }
      />
      <ImportReport orgSlug={orgSlug} job={job} errors={errors} canContinue={can(member.role, 'crm:write')} />
    </>
  )
}
