'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { addProjectMember, removeProjectMember } from '@/lib/pm/project-members'
import { organizationPeople } from '@/lib/pm/project-people'
import { AddProjectMemberInput, RemoveProjectMemberInput } from '@/lib/pm/project-members.schema'
import { deleteProject, updateProject, type UpdatedProject } from '@/lib/pm/project-update'
import { ProjectIdInput, UpdateProjectInput } from '@/lib/pm/project-update.schema'
import { previewRedate, redateProject, undoRedate, type RedatePreview, type RedateResult, type UndoResult } from '@/lib/pm/redate'
import { PreviewRedateInput, RedateInput, UndoRedateInput } from '@/lib/pm/redate.schema'

// The project header and overview: field edits, the re-date (preview, apply, undo), members,
// the trash. Each is a public endpoint: requireMember, then the service checks the project.

const OrgSlug = { orgSlug: z.string().min(1) }

function revalidateProject(orgSlug: string, projectId: string) {
  revalidatePath(`/${orgSlug}/projects/${projectId}`, 'layout')
  revalidatePath(`/${orgSlug}/projects`)
}

/** One inline edit of the header or overview, guarded by the version the user saw. */
export async function updateProjectAction(input: z.input<typeof UpdateProjectInput> & { orgSlug: string }) {
  return runAction(UpdateProjectInput.extend(OrgSlug), input, async (data, session): Promise<UpdatedProject> => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const updated = await db.$transaction((tx) => updateProject(tx, ctxOf(member), data))
    revalidateProject(data.orgSlug, data.projectId)
    return updated
  })
}

/** The people who can own a project, for the header's owner picker (loaded when it opens). */
export async function ownerChoicesAction(input: { orgSlug: string }) {
  return runAction(z.object(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    return organizationPeople(db, ctxOf(member))
  })
}

/** What a new kickoff would move; writes nothing. */
export async function previewRedateAction(input: z.input<typeof PreviewRedateInput> & { orgSlug: string }) {
  return runAction(PreviewRedateInput.extend(OrgSlug), input, async (data, session): Promise<RedatePreview> => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    return previewRedate(db, ctxOf(member), data)
  })
}

export async function redateProjectAction(input: z.input<typeof RedateInput> & { orgSlug: string }) {
  return runAction(RedateInput.extend(OrgSlug), input, async (data, session): Promise<RedateResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const result = await db.$transaction((tx) => redateProject(tx, ctxOf(member), data))
    revalidateProject(data.orgSlug, data.projectId)
    return result
  })
}

export async function undoRedateAction(input: z.input<typeof UndoRedateInput> & { orgSlug: string }) {
  return runAction(UndoRedateInput.extend(OrgSlug), input, async (data, session): Promise<UndoResult> => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const result = await db.$transaction((tx) => undoRedate(tx, ctxOf(member), data.activityId))
    revalidateProject(data.orgSlug, data.projectId)
    return result
  })
}

export async function addProjectMemberAction(_: ActionState<{ id: string }>, form: FormData) {
  return runAction(AddProjectMemberInput.extend(OrgSlug), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const added = await db.$transaction((tx) => addProjectMember(tx, ctxOf(member), data))
    revalidateProject(data.orgSlug, data.projectId)
    const tasks = added.assignedTasks ? ` and given ${added.assignedTasks} open task${added.assignedTasks === 1 ? '' : 's'}` : ''
    return { ok: true as const, data: { id: added.id }, message: `${added.name} added${added.role ? ` as ${added.role}` : ''}${tasks}.` }
  })
}

export async function removeProjectMemberAction(input: z.input<typeof RemoveProjectMemberInput> & { orgSlug: string }) {
  return runAction(RemoveProjectMemberInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const removed = await db.$transaction((tx) => removeProjectMember(tx, ctxOf(member), data))
    revalidateProject(data.orgSlug, data.projectId)
    return removed
  })
}

export async function deleteProjectAction(input: z.input<typeof ProjectIdInput> & { orgSlug: string }) {
  return runAction(ProjectIdInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'projects:write')
    const deleted = await db.$transaction((tx) => deleteProject(tx, ctxOf(member), data))
    revalidatePath(`/${data.orgSlug}/projects`)
    return deleted
  })
}
