'use server'
import type { ActionState } from '@/lib/action'
import { createPipeline } from '@/lib/crm/pipelines'
import { AddStageInput, CreatePipelineInput, MoveStageInput, PipelineIdInput, RemoveStageInput, RenamePipelineInput, UpdateStageInput } from '@/lib/crm/settings.schema'
import { addStage, assertCanConfigure, makeDefaultPipeline, moveStage, removeStage, renamePipeline, updateStage } from '@/lib/crm/stages'
import { settingsAction } from '@/lib/settings-action'

const on = 'crm:configure'

const create = settingsAction(CreatePipelineInput, on, 'pipelines', (db, ctx, i) => (assertCanConfigure(ctx), createPipeline(db, ctx, i)), (i) => `Pipeline “${i.name}” created with the default stages.`)
const rename = settingsAction(RenamePipelineInput, on, 'pipelines', renamePipeline, () => 'Pipeline renamed.')
const makeDefault = settingsAction(PipelineIdInput, on, 'pipelines', makeDefaultPipeline, () => 'Default pipeline changed.')
const add = settingsAction(AddStageInput, on, 'pipelines', addStage, (i) => `Stage “${i.name}” added.`)
const update = settingsAction(UpdateStageInput, on, 'pipelines', updateStage, (i) => `Stage “${i.name}” saved.`)
const move = settingsAction(MoveStageInput, on, 'pipelines', moveStage, () => 'Stage moved.')
const remove = settingsAction(RemoveStageInput, on, 'pipelines', removeStage, () => 'Stage removed.')

export async function createPipelineAction(_: ActionState, form: FormData) { return create(form) }
export async function renamePipelineAction(_: ActionState, form: FormData) { return rename(form) }
export async function makeDefaultPipelineAction(_: ActionState, form: FormData) { return makeDefault(form) }
export async function addStageAction(_: ActionState, form: FormData) { return add(form) }
export async function updateStageAction(_: ActionState, form: FormData) { return update(form) }
export async function moveStageAction(_: ActionState, form: FormData) { return move(form) }
export async function removeStageAction(_: ActionState, form: FormData) { return remove(form) }
