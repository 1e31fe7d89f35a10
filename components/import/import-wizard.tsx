'use client'
import Link from 'next/link'
import { useRef, useState } from 'react'
import { Upload } from 'lucide-react'
import { previewImportAction, startImportAction, uploadImportRowsAction, cancelImportAction } from '@/app/(app)/[orgSlug]/import/actions'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormError } from '@/components/ui/field'
import { IMPORT_KINDS, guessMapping, importKindLabels, mappingProblem, type ColumnMapping, type ImportKind } from '@/lib/crm/import-fields'
import type { RowOutcome } from '@/lib/crm/import-lookups'
import type { ImportOptions } from '@/lib/crm/import.schema'
import { readCsvHead, streamCsvRows, type CsvHead } from './csv-file'
import { ImportPreview } from './import-preview'
import { ImportProgressBar, ImportSummary } from './import-status'
import { MappingFields } from './mapping-fields'
import { useImportJob } from './use-import-job'

type Failed = { formError?: string; fieldErrors?: Record<string, string[] | undefined> }
const reason = (r: Failed, fallback: string) => r.formError ?? Object.values(r.fieldErrors ?? {}).flat()[0] ?? fallback

const duplicateRule: Partial<Record<ImportKind, string>> = {
  COMPANIES: 'a company with the same domain',
  CONTACTS: 'a contact with the same email',
}

/** Upload a CSV file, match its columns, check the first rows, import it with a progress bar. */
export function ImportWizard({ orgSlug, currency }: { orgSlug: string; currency: string }) {
  const [kind, setKind] = useState<ImportKind>('CONTACTS')
  const [file, setFile] = useState<File | null>(null)
  const [head, setHead] = useState<CsvHead | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping>({})
  const [options, setOptions] = useState<ImportOptions>({ duplicateMode: 'SKIP', createMissingCompanies: false })
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null)
  const [checking, setChecking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [stage, setStage] = useState<'setup' | 'uploading' | 'running'>('setup')
  const [uploaded, setUploaded] = useState(0)
  const [inputKey, setInputKey] = useState(0)
  const runner = useImportJob(orgSlug)
  const previewSeq = useRef(0)

  function check(next: { kind: ImportKind; mapping: ColumnMapping; options: ImportOptions; head: CsvHead }) {
    const seq = ++previewSeq.current
    setOutcomes(null)
    if (mappingProblem(next.kind, next.mapping, next.head.headers.length) || next.head.sample.length === 0) return setChecking(false)
    setChecking(true)
    void previewImportAction({ orgSlug, kind: next.kind, headers: next.head.headers, mapping: next.mapping, options: next.options, rows: next.head.sample }).then((result) => {
      if (seq !== previewSeq.current) return
      setChecking(false)
      if (result.ok) setOutcomes(result.data)
      else setProblem(reason(result, 'The rows could not be checked.'))
    })
  }

  async function chooseFile(chosen: File | undefined) {
    setProblem(null)
    setHead(null)
    setFile(null)
    if (!chosen) return
    try {
      const read = await readCsvHead(chosen)
      const guessed = guessMapping(kind, read.headers)
      setFile(chosen)
      setHead(read)
      setMapping(guessed)
      check({ kind, mapping: guessed, options, head: read })
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The file could not be read.')
    }
  }

  function chooseKind(next: ImportKind) {
    setKind(next)
    if (!head) return
    const guessed = guessMapping(next, head.headers)
    setMapping(guessed)
    check({ kind: next, mapping: guessed, options, head })
  }

  function changeMapping(next: ColumnMapping) {
    setMapping(next)
    if (head) check({ kind, mapping: next, options, head })
  }

  function changeOptions(next: ImportOptions) {
    setOptions(next)
    if (head) check({ kind, mapping, options: next, head })
  }

  async function start() {
    if (!file || !head) return
    setProblem(null)
    setUploaded(0)
    setStage('uploading')
    const started = await startImportAction({ orgSlug, kind, fileName: file.name, headers: head.headers, mapping, options })
    if (!started.ok) {
      setStage('setup')
      return setProblem(reason(started, 'The import could not start.'))
    }
    const jobId = started.data.id
    try {
      await streamCsvRows(
        file,
        head,
        async (rows) => {
          const result = await uploadImportRowsAction({ orgSlug, jobId, rows })
          if (!result.ok) throw new Error(reason(result, 'The upload failed.'))
        },
        setUploaded,
      )
      const sealed = await uploadImportRowsAction({ orgSlug, jobId, rows: [], done: true })
      if (!sealed.ok) throw new Error(reason(sealed, 'The upload failed.'))
      setStage('running')
      await runner.run(sealed.data)
    } catch (error) {
      await cancelImportAction({ orgSlug, jobId })
      setStage('setup')
      setProblem(`${error instanceof Error ? error.message : 'The upload failed.'} Nothing was imported; try again.`)
    }
  }

  function reset() {
    setStage('setup')
    setFile(null)
    setHead(null)
    setOutcomes(null)
    setProblem(null)
    setInputKey((k) => k + 1)
  }

  if (stage !== 'setup') {
    const job = runner.job
    return (
      <Card className="max-w-3xl space-y-5 p-5" data-testid="import-run">
        <h2 className="text-base font-semibold">
          {importKindLabels[kind]} from {file?.name}
        </h2>
        <ImportProgressBar uploaded={stage === 'uploading' ? uploaded : null} job={stage === 'running' ? job : null} />
        <FormError message={runner.failure ?? undefined} />
        {job?.done ? <ImportSummary job={job} errors={runner.errors} moreErrors={runner.moreErrors} onMoreErrors={runner.loadMoreErrors} /> : null}
        <div className="flex flex-wrap gap-2">
          {job && !job.done && stage === 'running' ? (
            <Button variant="secondary" onClick={() => void runner.cancel()}>
              Stop the import
            </Button>
          ) : null}
          {job?.done ? (
            <>
              <Button onClick={reset}>Import another file</Button>
              <Link href={`/${orgSlug}/import/${job.id}`} className="inline-flex h-9 items-center px-2 text-sm font-medium text-accent hover:underline">
                Open the report
              </Link>
            </>
          ) : null}
        </div>
      </Card>
    )
  }

  const blocking = head ? mappingProblem(kind, mapping, head.headers.length) : null
  return (
    <div className="max-w-4xl space-y-5">
      <Card className="space-y-4 p-5">
        <fieldset>
          <legend className="text-sm font-semibold">What does the file hold?</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {IMPORT_KINDS.map((k) => (
              <label key={k} className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2 text-sm has-checked:border-accent has-checked:bg-accent/5">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} className="accent-accent" />
                {importKindLabels[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-semibold">
            CSV file
          </label>
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-muted"
          />
          <p className="text-xs text-ink-soft">The first row names the columns. Comma- or semicolon-separated, UTF-8. Any size: the file is sent in pieces.</p>
        </div>
        {!head ? <FormError message={problem ?? undefined} /> : null}
      </Card>

      {head ? (
        <>
          <Card className="space-y-4 p-5">
            <h2 className="text-base font-semibold">Match the columns</h2>
            <p className="text-sm text-ink-soft">Guessed from the headers of {file?.name}; change any that are wrong.{kind === 'DEALS' ? ` Amounts are read in ${currency}.` : ''}</p>
            <MappingFields kind={kind} headers={head.headers} sample={head.sample} mapping={mapping} onChange={changeMapping} />
            {duplicateRule[kind] ? (
              <fieldset>
                <legend className="text-sm font-medium">A row that matches {duplicateRule[kind]}</legend>
                <div className="mt-1 space-y-1 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="radio" name="duplicates" checked={options.duplicateMode === 'SKIP'} onChange={() => changeOptions({ ...options, duplicateMode: 'SKIP' })} className="accent-accent" />
                    is skipped
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="duplicates" checked={options.duplicateMode === 'UPDATE'} onChange={() => changeOptions({ ...options, duplicateMode: 'UPDATE' })} className="accent-accent" />
                    updates that record with its non-empty cells
                  </label>
                </div>
              </fieldset>
            ) : null}
            {kind !== 'COMPANIES' ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={options.createMissingCompanies} onChange={(e) => changeOptions({ ...options, createMissingCompanies: e.target.checked })} className="accent-accent" />
                Create missing companies (otherwise a row naming an unknown company is reported as not found)
              </label>
            ) : null}
          </Card>

          <Card className="space-y-3 p-5">
            <h2 className="text-base font-semibold">Check the first rows</h2>
            {blocking ? <FormError message={blocking} /> : <ImportPreview kind={kind} mapping={mapping} sample={head.sample} outcomes={outcomes} checking={checking} />}
          </Card>

          <div className="flex items-center gap-3">
            <Button onClick={() => void start()} disabled={Boolean(blocking)}>
              <Upload className="size-4" aria-hidden /> Import {importKindLabels[kind].toLowerCase()}
            </Button>
            <FormError message={problem ?? undefined} />
          </div>
        </>
      ) : null}
    </div>
  )
}
