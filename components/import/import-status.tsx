import type { ImportJobDto, ImportRowErrorDto } from '@/lib/crm/import-jobs'
import { importKindLabels } from '@/lib/crm/import-fields'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

const n = (value: number) => value.toLocaleString('en-US')
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The progress bar of an import: the upload (share of the file read), then the rows processed. */
export function ImportProgressBar({ uploaded, job }: { uploaded: number | null; job: ImportJobDto | null }) {
  const processing = job && job.status !== 'UPLOADING'
  const percent = processing ? (job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 100) : Math.floor((uploaded ?? 0) * 100)
  const label = !processing
    ? `Uploading the file… ${percent} %`
    : job.status === 'COMPLETED'
      ? `Import finished: ${n(job.processedRows)} of ${n(job.totalRows)} rows`
      : job.status === 'CANCELLED'
        ? `Import stopped after ${n(job.processedRows)} of ${n(job.totalRows)} rows`
        : `Importing… ${n(job.processedRows)} of ${n(job.totalRows)} rows`
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium" aria-live="polite" data-testid="import-progress-label">
        {label}
      </p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className="h-2.5 overflow-hidden rounded-full bg-muted"
      >
        <div className={cn('h-full rounded-full transition-[width] duration-300', job?.status === 'CANCELLED' ? 'bg-warning' : 'bg-accent')} style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}

/** What an import did, and its bad rows with their numbers and reasons. */
export function ImportSummary({
  job,
  errors,
  moreErrors,
  onMoreErrors,
}: {
  job: ImportJobDto
  errors: ImportRowErrorDto[] | null
  moreErrors: boolean
  onMoreErrors: () => void
}) {
  const noun = importKindLabels[job.kind].toLowerCase()
  const stats: [string, string, number, string?][] = [
    ['created', `New ${noun}`, job.createdCount],
    ['updated', 'Updated', job.updatedCount],
    ['skipped', 'Skipped (duplicates)', job.skippedCount],
    ['errors', 'Rows with errors', job.errorCount, job.errorCount ? 'text-danger' : undefined],
  ]
  return (
    <div className="space-y-4" data-testid="import-summary">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map(([key, label, value, tone]) => (
          <div key={key} className="rounded-md border border-line p-3">
            <dt className="text-xs text-ink-soft">{label}</dt>
            <dd className={cn('text-lg font-semibold', tone)} data-testid={`import-count-${key}`}>
              {n(value)}
            </dd>
          </div>
        ))}
      </dl>
      {job.errorCount > 0 ? (
        <section aria-labelledby="import-errors-title" className="space-y-2">
          <h3 id="import-errors-title" className="text-sm font-semibold">
            {job.errorCount === 1 ? 'One row was not imported' : `${n(job.errorCount)} rows were not imported`}
          </h3>
          <p className="text-sm text-ink-soft">Nothing of these rows was written. Row numbers count the header as row 1, as a spreadsheet shows them: fix the rows in the file and import them again.</p>
          {errors === null ? (
            <p className="text-sm text-ink-soft">Loading the errors…</p>
          ) : (
            <ol className="max-h-96 divide-y divide-line overflow-y-auto rounded-md border border-line text-sm" data-testid="import-errors">
              {errors.map((e) => (
                <li key={e.rowNumber} className="flex gap-3 px-3 py-2" data-testid="import-error">
                  <span className="w-20 shrink-0 font-medium tabular-nums">Row {e.rowNumber}</span>
                  <span className="text-ink-soft">{sentence(e.message)}</span>
                </li>
              ))}
            </ol>
          )}
          {moreErrors ? (
            <Button variant="secondary" size="sm" onClick={onMoreErrors}>
              Show more errors
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
