'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { cancelImportAction, importErrorsAction, processImportChunkAction } from '@/app/(app)/[orgSlug]/import/actions'
import type { ImportJobDto, ImportRowErrorDto } from '@/lib/crm/import-jobs'

const ERRORS_PAGE = 500

/**
 * Drives an uploaded import to the end, one chunk per request, and then loads its bad rows.
 * Started with `run(job)` (or at once for a job given that is not done yet: a resumed one).
 */
export function useImportJob(orgSlug: string, initial: { job: ImportJobDto; errors: ImportRowErrorDto[] } | null = null, resume = true) {
  const [job, setJob] = useState<ImportJobDto | null>(initial?.job ?? null)
  const [errors, setErrors] = useState<ImportRowErrorDto[] | null>(initial?.errors ?? null)
  const [moreErrors, setMoreErrors] = useState(initial ? initial.errors.length < initial.job.errorCount : false)
  const [failure, setFailure] = useState<string | null>(null)
  const running = useRef<string | null>(null)
  const stopped = useRef(false)

  const loadErrors = useCallback(
    async (jobId: string, afterRow = 0) => {
      const result = await importErrorsAction({ orgSlug, jobId, afterRow, take: ERRORS_PAGE })
      if (!result.ok) return setFailure(result.formError ?? 'The errors could not be loaded.')
      setErrors((previous) => (afterRow ? [...(previous ?? []), ...result.data] : result.data))
      setMoreErrors(result.data.length === ERRORS_PAGE)
    },
    [orgSlug],
  )

  const run = useCallback(
    async (start: ImportJobDto) => {
      stopped.current = false
      if (running.current === start.id) return // already driving it (React may mount twice in development)
      running.current = start.id
      setFailure(null)
      setJob(start)
      let current = start
      while (!current.done && !stopped.current) {
        const result = await processImportChunkAction({ orgSlug, jobId: current.id })
        if (!result.ok) {
          running.current = null
          return setFailure(result.formError ?? 'The import stopped. Reload the page to continue it.')
        }
        current = result.data
        setJob(current)
      }
      running.current = null
      if (current.done) await loadErrors(current.id)
    },
    [orgSlug, loadErrors],
  )

  const cancel = useCallback(async () => {
    if (!job) return
    stopped.current = true
    const result = await cancelImportAction({ orgSlug, jobId: job.id })
    if (!result.ok) return setFailure(result.formError ?? 'The import could not be stopped.')
    setJob(result.data)
    await loadErrors(job.id)
  }, [job, orgSlug, loadErrors])

  // a job opened before it was finished (the tab was closed mid-import) continues by itself
  useEffect(() => {
    if (resume && initial && !initial.job.done && initial.job.status !== 'UPLOADING') void run(initial.job)
    return () => {
      stopped.current = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the job the page was opened with
  }, [])

  const loadMoreErrors = useCallback(() => {
    if (job && errors?.length) void loadErrors(job.id, errors.at(-1)!.rowNumber)
  }, [job, errors, loadErrors])

  return { job, errors, moreErrors, failure, setFailure, run, cancel, loadMoreErrors }
}
