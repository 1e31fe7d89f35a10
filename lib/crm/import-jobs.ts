import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { Prisma } from '@/lib/generated/prisma/client'
import { logActivity } from '@/lib/activity'
import { AppError, notFound } from '@/lib/errors'
import { assertCanWriteCrm } from '@/lib/crm/deal-access'
import { mappingProblem, type ColumnMapping, type ImportKind } from '@/lib/crm/import-fields'
import { CHUNK_ROWS, MAX_IMPORT_ROWS, type DuplicateMode, type PreviewImportInput, type StartImportInput, type UploadRowsInput } from '@/lib/crm/import.schema'
import type { ChunkEnv, ChunkPlan, RowOutcome, SourceRow } from '@/lib/crm/import-lookups'
import { planCompanies } from '@/lib/crm/import-companies'
import { planContacts } from '@/lib/crm/import-contacts'
import { planDeals } from '@/lib/crm/import-deals'
import { insertRows } from '@/lib/crm/import-sql'

// A CSV import is a job (docs/decisions/0005-csv-import.md): the browser reads the file in
// pieces and stages its rows (stageImportRows), then asks for chunk after chunk
// (runImportChunk) until the job is complete. Each chunk is one transaction: its good rows
// written in batches with their audit entries, its bad rows recorded with their numbers and
// reasons, its staged rows deleted, the job's counters moved on.

const planners: Record<ImportKind, (db: Db, env: ChunkEnv, mapping: ColumnMapping, rows: SourceRow[]) => Promise<ChunkPlan>> = {
  COMPANIES: planCompanies,
  CONTACTS: planContacts,
  DEALS: planDeals,
}

const jobSelect = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  duplicateMode: true,
  createMissingCompanies: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  skippedCount: true,
  errorCount: true,
  createdAt: true,
  completedAt: true,
  createdBy: { select: { name: true } },
} as const

type JobRow = Prisma.ImportJobGetPayload<{ select: typeof jobSelect }>

export type ImportJobDto = Omit<JobRow, 'createdAt' | 'completedAt' | 'createdBy'> & {
  createdAt: string
  completedAt: string | null
  createdByName: string | null
  /** nothing left to do: completed or cancelled */
  done: boolean
}

const toDto = ({ createdAt, completedAt, createdBy, ...job }: JobRow): ImportJobDto => ({
  ...job,
  createdAt: createdAt.toISOString(),
  completedAt: completedAt?.toISOString() ?? null,
  createdByName: createdBy?.name ?? null,
  done: job.status === 'COMPLETED' || job.status === 'CANCELLED',
})

async function orgCurrency(db: Db, ctx: Ctx) {
  return (await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { currency: true } })).currency.trim()
}

function envOf(ctx: Ctx, currency: string, job: { duplicateMode: DuplicateMode; createMissingCompanies: boolean; fileName: string }): ChunkEnv {
  return { ctx, currency, duplicateMode: job.duplicateMode, createMissingCompanies: job.createMissingCompanies, source: `CSV import (${job.fileName})` }
}

function assertMapping(kind: ImportKind, mapping: ColumnMapping, columns: number) {
  const problem = mappingProblem(kind, mapping, columns)
  if (problem) throw new AppError('INVALID', problem, 'mapping')
}

/** The first rows of a file as the import would treat them, without writing anything. */
export async function previewImport(db: Db, ctx: Ctx, input: PreviewImportInput): Promise<RowOutcome[]> {
  assertCanWriteCrm(ctx)
  assertMapping(input.kind, input.mapping, input.headers.length)
  const env = envOf(ctx, await orgCurrency(db, ctx), { ...input.options, fileName: 'preview' })
  const plan = await planners[input.kind](db, env, input.mapping, input.rows)
  return plan.outcomes
}

export async function createImportJob(db: Db, ctx: Ctx, input: StartImportInput): Promise<{ id: string }> {
  assertCanWriteCrm(ctx)
  assertMapping(input.kind, input.mapping, input.headers.length)
  const job = await db.importJob.create({
    data: {
      orgId: ctx.orgId,
      createdById: ctx.userId,
      kind: input.kind,
      fileName: input.fileName,
      headers: input.headers,
      mapping: input.mapping,
      duplicateMode: input.options.duplicateMode,
      createMissingCompanies: input.options.createMissingCompanies,
    },
    select: { id: true },
  })
  await logActivity(db, ctx, { entityType: 'import_job', entityId: job.id, action: 'import.started', changes: { kind: input.kind, fileName: input.fileName } })
  return job
}

/** Stages a batch of the file's rows (a repeated batch is ignored); `done` marks the upload complete. Run in a transaction. */
export async function stageImportRows(db: Db, ctx: Ctx, input: UploadRowsInput): Promise<ImportJobDto> {
  assertCanWriteCrm(ctx)
  const job = await db.importJob.findFirst({ where: { id: input.jobId, orgId: ctx.orgId }, select: { status: true, totalRows: true } })
  if (!job) throw notFound('This import')
  if (job.status !== 'UPLOADING') throw new AppError('CONFLICT', 'This file has already been uploaded.')
  if (job.totalRows + input.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('INVALID', `A file can have at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it into several imports.`)
  }
  const count = await insertRows(
    db,
    'import_row',
    [
      { name: 'org_id', type: 'uuid' },
      { name: 'job_id', type: 'uuid' },
      { name: 'row_number', type: 'int' },
      { name: 'cells', type: 'text[]' },
    ],
    input.rows.map((r) => ({ org_id: ctx.orgId, job_id: input.jobId, row_number: r.rowNumber, cells: r.cells })),
    { onConflictDoNothing: true },
  )
  const updated = await db.importJob.update({
    where: { id: input.jobId },
    data: { totalRows: { increment: count }, ...(input.done ? { status: 'READY' } : {}) },
    select: jobSelect,
  })
  return toDto(updated)
}

/**
 * Processes the next CHUNK_ROWS staged rows of a job (run in a transaction; runImportChunk
 * does). Two callers driving the same job take turns on the job's row lock.
 */
export async function processImportChunk(db: Db, ctx: Ctx, jobId: string, chunkRows = CHUNK_ROWS): Promise<ImportJobDto> {
  assertCanWriteCrm(ctx)
  const locked = await db.$queryRaw<{ id: string }[]>`SELECT id FROM import_job WHERE id = ${jobId}::uuid AND org_id = ${ctx.orgId}::uuid FOR UPDATE`
  if (locked.length === 0) throw notFound('This import')
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { ...jobSelect, mapping: true } })
  if (job.status === 'UPLOADING') throw new AppError('CONFLICT', 'The file is still uploading.')
  if (job.status === 'COMPLETED' || job.status === 'CANCELLED') return toDto(job)

  const rows = await db.$queryRaw<SourceRow[]>`
    SELECT row_number AS "rowNumber", cells FROM import_row WHERE job_id = ${jobId}::uuid ORDER BY row_number LIMIT ${chunkRows}`
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  if (rows.length) {
    const env = envOf(ctx, await orgCurrency(db, ctx), job)
    const plan = await planners[job.kind](db, env, job.mapping as ColumnMapping, rows)
    await plan.write(db)
    for (const o of plan.outcomes) counts[o.action]++
    const errors = plan.outcomes.filter((o) => o.action === 'error')
    await insertRows(
      db,
      'import_row_error',
      [
        { name: 'org_id', type: 'uuid' },
        { name: 'job_id', type: 'uuid' },
        { name: 'row_number', type: 'int' },
        { name: 'message', type: 'text' },
      ],
      errors.map((e) => ({ org_id: ctx.orgId, job_id: jobId, row_number: e.rowNumber, message: e.message ?? 'invalid row' })),
      { constants: { id: 'gen_random_uuid()' } },
    )
    await db.importRow.deleteMany({ where: { jobId, rowNumber: { lte: rows.at(-1)!.rowNumber } } })
  }
  const more = rows.length > 0 && (await db.importRow.findFirst({ where: { jobId }, select: { rowNumber: true } })) !== null
  const updated = await db.importJob.update({
    where: { id: jobId },
    data: {
      processedRows: { increment: rows.length },
      createdCount: { increment: counts.create },
      updatedCount: { increment: counts.update },
      skippedCount: { increment: counts.skip },
      errorCount: { increment: counts.error },
      status: more ? 'RUNNING' : 'COMPLETED',
      completedAt: more ? null : new Date(),
    },
    select: jobSelect,
  })
  if (!more) {
    await logActivity(db, ctx, {
      entityType: 'import_job',
      entityId: jobId,
      action: 'import.completed',
      changes: {
        kind: updated.kind,
        fileName: updated.fileName,
        rows: updated.processedRows,
        created: updated.createdCount,
        updated: updated.updatedCount,
        skipped: updated.skippedCount,
        failed: updated.errorCount,
      },
    })
  }
  return toDto(updated)
}

/**
 * One chunk in its own transaction. A record created by someone else in the meantime (the
 * same email or domain) fails the chunk on its unique index: the chunk is then retried, and
 * finds that record as a duplicate.
 */
export async function runImportChunk(client: PrismaClient, ctx: Ctx, jobId: string, chunkRows = CHUNK_ROWS): Promise<ImportJobDto> {
  for (let attempt = 1; ; attempt++) {
    try {
      const job = await client.$transaction((tx) => processImportChunk(tx, ctx, jobId, chunkRows), { maxWait: 10_000, timeout: 120_000 })
      await flushSearchIndexes(client, job.kind)
      return job
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}

/** The trigram indexes a kind of import adds to (contacts and deals may create companies). */
const searchIndexes: Record<ImportKind, string[]> = {
  COMPANIES: ['company_search_idx'],
  CONTACTS: ['contact_search_idx', 'company_search_idx'],
  DEALS: ['deal_search_idx', 'company_search_idx'],
}

/**
 * Moves the rows just imported from the trigram indexes' pending lists into the indexes
 * proper. Until autovacuum does it (after tens of thousands of inserts), a long pending list
 * makes the planner price the index above a sequential scan, and global search goes from a
 * few milliseconds to hundreds. Best effort: it needs ownership of the index.
 */
async function flushSearchIndexes(client: PrismaClient, kind: ImportKind) {
  for (const index of searchIndexes[kind]) {
    await client.$queryRaw`SELECT gin_clean_pending_list(${index}::regclass)`.catch(() => undefined)
  }
}

/** P2002 from a Prisma write, or a raw statement's (P2010) driver error of kind UniqueConstraintViolation. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false
  if (error.code === 'P2002') return true
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause
  return error.code === 'P2010' && cause?.kind === 'UniqueConstraintViolation'
}

/** Stops an import: what was imported stays, the rows not yet processed are dropped. Run in a transaction. */
export async function cancelImportJob(db: Db, ctx: Ctx, jobId: string): Promise<ImportJobDto> {
  assertCanWriteCrm(ctx)
  const job = await db.importJob.findFirst({ where: { id: jobId, orgId: ctx.orgId }, select: { status: true } })
  if (!job) throw notFound('This import')
  if (job.status === 'COMPLETED' || job.status === 'CANCELLED') return getImportJob(db, ctx, jobId)
  await db.importRow.deleteMany({ where: { jobId, orgId: ctx.orgId } })
  const updated = await db.importJob.update({ where: { id: jobId }, data: { status: 'CANCELLED', completedAt: new Date() }, select: jobSelect })
  await logActivity(db, ctx, { entityType: 'import_job', entityId: jobId, action: 'import.cancelled', changes: { processed: updated.processedRows } })
  return toDto(updated)
}

export async function getImportJob(db: Db, ctx: Ctx, jobId: string): Promise<ImportJobDto> {
  const job = await db.importJob.findFirst({ where: { id: jobId, orgId: ctx.orgId }, select: jobSelect })
  if (!job) throw notFound('This import')
  return toDto(job)
}

export async function listImportJobs(db: Db, ctx: Ctx, take = 10): Promise<ImportJobDto[]> {
  const jobs = await db.importJob.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: jobSelect })
  return jobs.map(toDto)
}

export type ImportRowErrorDto = { rowNumber: number; message: string }

/** A job's bad rows in file order, a page at a time (after row `afterRow`). */
export async function listImportErrors(db: Db, ctx: Ctx, jobId: string, { afterRow = 0, take = 500 } = {}): Promise<ImportRowErrorDto[]> {
  await getImportJob(db, ctx, jobId)
  return db.importRowError.findMany({
    where: { orgId: ctx.orgId, jobId, rowNumber: { gt: afterRow } },
    orderBy: { rowNumber: 'asc' },
    take,
    select: { rowNumber: true, message: true },
  })
}
