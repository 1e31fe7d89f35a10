'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { createBlankProject, createProjectFromTemplate } from '@/lib/pm/create-project'
import { collectRoleFields, NewProjectFields } from '@/lib/pm/create-project.schema'
import { restoreProject } from '@/lib/pm/project-update'
import { ProjectIdInput } from '@/lib/pm/project-update.schema'

const OrgSlug = { orgSlug: z.string().min(1) }

/** The new-project dialog: from a template (roles filled as chosen) or blank. */
export async function createProjectAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(z.preprocess(collectRoleFields, NewProjectFields.extend(OrgSlug)), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const ctx = ctxOf(member)
    const { templateVersionId, targetGoLiveOn, ...rest } = data
    const project = await db.$transaction((tx) =>
      templateVersionId ? createProjectFromTemplate(tx, ctx, { ...rest, templateVersionId }) : createBlankProject(tx, ctx, { ...rest, targetGoLiveOn }),
    )
    revalidatePath(`/${data.orgSlug}/projects`)
    const unfilled = project.unfilledRoles.length ? ` Nobody yet for ${project.unfilledRoles.map((r) => r.name).join(', ')}.` : ''
    return { ok: true as const, data: { id: project.id }, message: `Project “${project.name}” created with ${project.taskCount} tasks.${unfilled}` }
  })
}

export async function restoreProjectAction(input: z.input<typeof ProjectIdInput> & { orgSlug: string }) {
  return runAction(ProjectIdInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const project = await db.$transaction((tx) => restoreProject(tx, ctxOf(member), data))
    revalidatePath(`/${data.orgSlug}/projects`)
    return { id: project.id, name: project.name }
  })
}
