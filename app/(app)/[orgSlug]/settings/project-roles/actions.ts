'use server'
import type { ActionState } from '@/lib/action'
import { archiveProjectRole, createProjectRole, moveProjectRole, restoreProjectRole, updateProjectRole } from '@/lib/pm/project-roles'
import { MoveProjectRoleInput, ProjectRoleIdInput, ProjectRoleInput, UpdateProjectRoleInput } from '@/lib/pm/project-roles.schema'
import { settingsAction } from '@/lib/settings-action'

const create = settingsAction(ProjectRoleInput, 'projects:write', 'project-roles', createProjectRole, (i) => `Role “${i.name}” added.`)
const update = settingsAction(UpdateProjectRoleInput, 'projects:write', 'project-roles', updateProjectRole, (i) => `Role “${i.name}” saved.`)
const move = settingsAction(MoveProjectRoleInput, 'projects:write', 'project-roles', moveProjectRole, () => 'Order saved.')
const archive = settingsAction(ProjectRoleIdInput, 'projects:write', 'project-roles', archiveProjectRole, () => 'Role archived; templates and projects that use it keep it.')
const restore = settingsAction(ProjectRoleIdInput, 'projects:write', 'project-roles', restoreProjectRole, () => 'Role restored.')

export async function createProjectRoleAction(_: ActionState, form: FormData) { return create(form) }
export async function updateProjectRoleAction(_: ActionState, form: FormData) { return update(form) }
export async function moveProjectRoleAction(_: ActionState, form: FormData) { return move(form) }
export async function archiveProjectRoleAction(_: ActionState, form: FormData) { return archive(form) }
export async function restoreProjectRoleAction(_: ActionState, form: FormData) { return restore(form) }
