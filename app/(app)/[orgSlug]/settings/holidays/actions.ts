'use server'
import type { ActionState } from '@/lib/action'
import { formatDay } from '@/lib/dates'
import { addHoliday, removeHoliday } from '@/lib/pm/holiday-settings'
import { AddHolidayInput, HolidayIdInput } from '@/lib/pm/holiday-settings.schema'
import { settingsAction } from '@/lib/settings-action'

const add = settingsAction(AddHolidayInput, 'projects:write', 'holidays', addHoliday, (i) => `${i.name} (${formatDay(i.day, 'en-GB')}) added.`)
const remove = settingsAction(HolidayIdInput, 'projects:write', 'holidays', removeHoliday, () => 'Holiday removed.')

export async function addHolidayAction(_: ActionState, form: FormData) { return add(form) }
export async function removeHolidayAction(_: ActionState, form: FormData) { return remove(form) }
