import { z } from 'zod'
import { IMPORT_KINDS } from '@/lib/crm/import-fields'

/** Rows per processing transaction. */
export const CHUNK_ROWS = 500
/** Rows per upload request (the client also keeps each request under ~512 kB). */
export const UPLOAD_ROWS = 2000
export const MAX_IMPORT_ROWS = 200_000
export const MAX_COLUMNS = 100
/** Longer cells are cut by the browser: every field allows far less, so the row is still reported. */
export const MAX_CELL = 10_000

export const DUPLICATE_MODES = ['SKIP', 'UPDATE'] as const
export type DuplicateMode = (typeof DUPLICATE_MODES)[number]

const Cells = z.array(z.string().max(MAX_CELL, `A cell is longer than ${MAX_CELL} characters.`)).max(MAX_COLUMNS, `A row has more than ${MAX_COLUMNS} columns.`)

const Mapping = z.record(z.string().max(40), z.number().int().min(0).max(MAX_COLUMNS - 1))

export const ImportOptions = z.object({
  duplicateMode: z.enum(DUPLICATE_MODES).default('SKIP'),
  createMissingCompanies: z.boolean().default(false),
})
export type ImportOptions = z.infer<typeof ImportOptions>

export const StartImportInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(255),
  headers: z.array(z.string().max(200)).min(1, 'The file has no header row.').max(MAX_COLUMNS, `The file has more than ${MAX_COLUMNS} columns.`),
  mapping: Mapping,
  options: ImportOptions,
})
export type StartImportInput = z.infer<typeof StartImportInput>

export const StagedRow = z.object({ rowNumber: z.number().int().min(2).max(MAX_IMPORT_ROWS * 10), cells: Cells })
export type StagedRow = z.infer<typeof StagedRow>

export const UploadRowsInput = z.object({
  jobId: z.uuid(),
  rows: z.array(StagedRow).max(UPLOAD_ROWS),
  /** the last batch: the job is ready to process */
  done: z.boolean().default(false),
})
export type UploadRowsInput = z.infer<typeof UploadRowsInput>

export const JobInput = z.object({ jobId: z.uuid() })

export const PreviewImportInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  headers: z.array(z.string().max(200)).max(MAX_COLUMNS),
  mapping: Mapping,
  options: ImportOptions,
  rows: z.array(StagedRow).max(50),
})
export type PreviewImportInput = z.infer<typeof PreviewImportInput>

export const ImportErrorsInput = z.object({ jobId: z.uuid(), afterRow: z.number().int().min(0).default(0), take: z.number().int().min(1).max(1000).default(500) })
