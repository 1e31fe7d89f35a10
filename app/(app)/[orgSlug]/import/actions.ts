'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import {
  cancelImportJob,
  createImportJob,
  listImportErrors,
  previewImport,
  runImportChunk,
  stageImportRows,
  type ImportJobDto,
  type ImportRowErrorDto,
} from '@/lib/crm/import-jobs'
import type { RowOutcome } from '@/lib/crm/import-lookups'
import { ImportErrorsInput, JobInput, PreviewImportInput, StartImportInput, UploadRowsInput } from '@/lib/crm/import.schema'

// The browser drives an import: preview, start, upload the rows batch by batch, then process
// chunk after chunk until done (docs/decisions/0005-csv-import.md). Each call is authorized on its own.

const OrgSlug = { orgSlug: z.string().min(1) }

export async function previewImportAction(input: z.input<typeof PreviewImportInput> & { orgSlug: string }) {
  return runAction(PreviewImportInput.extend(OrgSlug), input, async (data, session): Promise<RowOutcome[]> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return previewImport(db, ctxOf(member), data)
  })
}

export async function startImportAction(input: z.input<typeof StartImportInput> & { orgSlug: string }) {
  return runAction(StartImportInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return db.$transaction((tx) => createImportJob(tx, ctxOf(member), data))
  })
}

export async function uploadImportRowsAction(input: z.input<typeof UploadRowsInput> & { orgSlug: string }) {
  return runAction(UploadRowsInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return db.$transaction((tx) => stageImportRows(tx, ctxOf(member), data), { timeout: 60_000 })
  })
}

export async function processImportChunkAction(input: z.input<typeof JobInput> & { orgSlug: string }) {
  return runAction(JobInput.extend(OrgSlug), input, async (data, session): Promise<ImportJobDto> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const job = await runImportChunk(db, ctxOf(member), data.jobId)
    if (job.done) revalidatePath(`/${data.orgSlug}`, 'layout')
    return job
  })
}

export async function cancelImportAction(input: z.input<typeof JobInput> & { orgSlug: string }) {
  return runAction(JobInput.extend(OrgSlug), input, async (data, session): Promise<ImportJobDto> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return db.$transaction((tx) => cancelImportJob(tx, ctxOf(member), data.jobId))
  })
}

export async function importErrorsAction(input: z.input<typeof ImportErrorsInput> & { orgSlug: string }) {
  return runAction(ImportErrorsInput.extend(OrgSlug), input, async (data, session): Promise<ImportRowErrorDto[]> => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:read')
    return listImportErrors(db, ctxOf(member), data.jobId, data)
  })
}
