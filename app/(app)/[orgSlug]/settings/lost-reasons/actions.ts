'use server'
import type { ActionState } from '@/lib/action'
import { addLostReason, archiveLostReason, renameLostReason } from '@/lib/crm/lost-reasons'
import { LostReasonIdInput, LostReasonInput, RenameLostReasonInput } from '@/lib/crm/settings.schema'
import { settingsAction } from '@/lib/settings-action'

const add = settingsAction(LostReasonInput, 'crm:configure', 'lost-reasons', addLostReason, (i) => `“${i.label}” added.`)
const rename = settingsAction(RenameLostReasonInput, 'crm:configure', 'lost-reasons', renameLostReason, () => 'Reason renamed.')
const archive = settingsAction(LostReasonIdInput, 'crm:configure', 'lost-reasons', archiveLostReason, () => 'Reason archived; deals that used it keep it.')

export async function addLostReasonAction(_: ActionState, form: FormData) { return add(form) }
export async function renameLostReasonAction(_: ActionState, form: FormData) { return rename(form) }
export async function archiveLostReasonAction(_: ActionState, form: FormData) { return archive(form) }
