'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionResult, type ActionState, type FieldErrors } from '@/lib/action'
import { ctxOf, requireMember, type Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { problemField } from '@/lib/pm/template-draft'
import { createTemplateRule, deleteTemplateRule, updateTemplateRule } from '@/lib/pm/template-rules'
import { TemplateRuleIdInput, TemplateRuleInput, UpdateTemplateRuleInput } from '@/lib/pm/template-rules.schema'
import { renameTemplate, saveTemplateContent, TemplateDraftError } from '@/lib/pm/templates'
import { RenameTemplateInput, SaveTemplateInput } from '@/lib/pm/templates.schema'

const OrgSlug = { orgSlug: z.string().min(1) }
const refresh = (orgSlug: string) => revalidatePath(`/${orgSlug}/settings/templates`, 'layout')

/** Saves the editor as the next version. Problems come back keyed by task/milestone for the editor to mark. */
export async function saveTemplateAction(input: z.input<typeof SaveTemplateInput> & { orgSlug: string }): Promise<ActionResult<{ version: number }>> {
  return runAction(SaveTemplateInput.extend(OrgSlug), input, async (data, session): Promise<ActionResult<{ version: number }>> => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const { orgSlug, ...content } = data
    try {
      const saved = await db.$transaction((tx) => saveTemplateContent(tx, ctxOf(member), content))
      refresh(orgSlug)
      return { ok: true, data: { version: saved.version }, message: `Saved as version ${saved.version}.` }
    } catch (error) {
      if (!(error instanceof TemplateDraftError)) throw error
      const fieldErrors: FieldErrors = {}
      for (const p of error.problems) (fieldErrors[problemField(p)] ??= []).push(p.message)
      return { ok: false, status: 422, formError: error.message, fieldErrors }
    }
  })
}

function templateFormAction<S extends z.ZodObject>(schema: S, service: (db: Db, ctx: Ctx, input: z.infer<S>) => Promise<unknown>, message: string) {
  const withOrg = schema.extend(OrgSlug) as unknown as z.ZodType<z.infer<S> & { orgSlug: string }>
  return (form: FormData) =>
    runAction(withOrg, form, async (data, session) => {
      const member = await requireMember(db, session, data.orgSlug, 'projects:write')
      await db.$transaction((tx) => service(tx, ctxOf(member), data))
      refresh(data.orgSlug)
      return { ok: true as const, data: undefined, message }
    })
}

const rename = templateFormAction(RenameTemplateInput, renameTemplate, 'Template renamed.')
const addRule = templateFormAction(TemplateRuleInput, createTemplateRule, 'Rule added.')
const updateRule = templateFormAction(UpdateTemplateRuleInput, updateTemplateRule, 'Rule saved.')
const deleteRule = templateFormAction(TemplateRuleIdInput, deleteTemplateRule, 'Rule removed.')

export async function renameTemplateAction(_: ActionState, form: FormData) { return rename(form) }
export async function addTemplateRuleAction(_: ActionState, form: FormData) { return addRule(form) }
export async function updateTemplateRuleAction(_: ActionState, form: FormData) { return updateRule(form) }
export async function deleteTemplateRuleAction(_: ActionState, form: FormData) { return deleteRule(form) }
