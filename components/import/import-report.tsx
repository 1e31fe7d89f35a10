'use client'
import { Card } from '@/components/ui/card'
import { FormError } from '@/components/ui/field'
import { importKindLabels } from '@/lib/crm/import-fields'
import type { ImportJobDto, ImportRowErrorDto } from '@/lib/crm/import-jobs'
import { ImportProgressBar, ImportSummary } from './import-status'
import { useImportJob } from './use-import-job'

/** One import's report; an import left unfinished (its tab was closed) continues here. */
export function ImportReport({
  orgSlug,
  job: initialJob,
  errors: initialErrors,
  canContinue,
}: {
  orgSlug: string
  job: ImportJobDto
  errors: ImportRowErrorDto[]
  canContinue: boolean
}) {
  const { job, errors, moreErrors, failure, loadMoreErrors } = useImportJob(orgSlug, { job: initialJob, errors: initialErrors }, canContinue)
  const current = job ?? initialJob
  return (
    <Card className="max-w-3xl space-y-5 p-5">
      <h2 className="text-base font-semibold">
        {importKindLabels[current.kind]} from {current.fileName}
      </h2>
      {current.status === 'UPLOADING' ? (
        <FormError message="The upload of this file was interrupted, so it cannot continue. Import the file again." />
      ) : (
        <ImportProgressBar uploaded={null} job={current} />
      )}
      <FormError message={failure ?? undefined} />
      {current.done ? <ImportSummary job={current} errors={errors} moreErrors={moreErrors} onMoreErrors={loadMoreErrors} /> : null}
    </Card>
  )
}
