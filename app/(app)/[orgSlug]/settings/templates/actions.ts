'use server'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember, type Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import { archiveTemplate, createTemplate, restoreTemplate, setDefaultTemplate } from '@/lib/pm/templates'
import { CreateTemplateInput, SetDefaultTemplateInput, TemplateIdInput } from '@/lib/pm/templates.schema'

const OrgSlug = { orgSlug: z.string().min(1) }

/** Template settings actions: member with projects:write -> service in a transaction -> refresh every template page. */
function templateAction<S extends z.ZodObject>(schema: S, service: (db: Db, ctx: Ctx, input: z.infer<S>) => Promise<unknown>, message: (input: z.infer<S>) => string) {
  const withOrg = schema.extend(OrgSlug) as unknown as z.ZodType<z.infer<S> & { orgSlug: string }>
  return (form: FormData) =>
    runAction(withOrg, form, async (data, session) => {
      const member = await requireMember(db, session, data.orgSlug, 'projects:write')
      await db.$transaction((tx) => service(tx, ctxOf(member), data))
      revalidatePath(`/${data.orgSlug}/settings/templates`, 'layout')
      return { ok: true as const, data: undefined, message: message(data) }
    })
}

const setDefault = templateAction(SetDefaultTemplateInput, setDefaultTemplate, (i) => (i.isDefault ? 'This is now the default template.' : 'The organization has no default template now.'))
const archive = templateAction(TemplateIdInput, archiveTemplate, () => 'Template archived. Projects built from it keep it.')
const restore = templateAction(TemplateIdInput, restoreTemplate, () => 'Template restored.')

export async function setDefaultTemplateAction(_: ActionState, form: FormData) { return setDefault(form) }
export async function archiveTemplateAction(_: ActionState, form: FormData) { return archive(form) }
export async function restoreTemplateAction(_: ActionState, form: FormData) { return restore(form) }

/** Creates a template (version 1, empty or a copy) and opens its editor. */
export async function createTemplateAction(_: ActionState, form: FormData) {
  return runAction(CreateTemplateInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const template = await db.$transaction((tx) => createTemplate(tx, ctxOf(member), data))
    revalidatePath(`/${data.orgSlug}/settings/templates`)
    redirect(`/${data.orgSlug}/settings/templates/${template.id}`)
  })
}
