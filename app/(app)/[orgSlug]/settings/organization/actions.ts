'use server'
import type { ActionState } from '@/lib/action'
import { OrgSettingsInput } from '@/lib/crm/settings.schema'
import { updateOrgSettings } from '@/lib/org/organization'
import { settingsAction } from '@/lib/settings-action'

const save = settingsAction(OrgSettingsInput, 'org:manage', 'organization', updateOrgSettings, () => 'Organization settings saved.')

export async function saveOrgSettingsAction(_: ActionState, form: FormData) { return save(form) }
