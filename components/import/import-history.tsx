import Link from 'next/link'
import { Badge } from '@/components/ui/card'
import { importKindLabels } from '@/lib/crm/import-fields'
import type { ImportJobDto } from '@/lib/crm/import-jobs'

const statusLabels: Record<ImportJobDto['status'], string> = {
  UPLOADING: 'Upload interrupted',
  READY: 'Not finished',
  RUNNING: 'Not finished',
  COMPLETED: 'Done',
  CANCELLED: 'Stopped',
}

/** The organization's latest imports, each linking to its report. */
export function ImportHistory({ orgSlug, jobs }: { orgSlug: string; jobs: ImportJobDto[] }) {
  if (jobs.length === 0) return null
  return (
    <section aria-labelledby="import-history" className="mt-8 max-w-4xl">
      <h2 id="import-history" className="mb-2 text-base font-semibold">
        Recent imports
      </h2>
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface text-sm">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
            <Link href={`/${orgSlug}/import/${job.id}`} className="font-medium text-accent hover:underline">
              {job.fileName}
            </Link>
            <span className="text-ink-soft">{importKindLabels[job.kind]}</span>
            <Badge>{statusLabels[job.status]}</Badge>
            <span className="ml-auto text-ink-soft">
              {job.createdCount.toLocaleString('en-US')} new · {job.updatedCount.toLocaleString('en-US')} updated · {job.errorCount.toLocaleString('en-US')} errors
              {job.createdByName ? ` · ${job.createdByName}` : ''} · <time dateTime={job.createdAt}>{job.createdAt.slice(0, 10)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
