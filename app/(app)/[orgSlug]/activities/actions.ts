'use server'
// Activities are logged from the deal, company and contact pages (ActivityComposer) and
// ticked on their timelines (Timeline): one set of actions for all three.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { addActivity, listAssignees, setTaskDone, type AddedActivity } from '@/lib/crm/activities'
import { AddActivityFields, checkActivity, SetTaskDoneInput } from '@/lib/crm/activities.schema'

const OrgSlug = { orgSlug: z.string().min(1) }

function revalidateRecords(orgSlug: string, ids: { dealId?: string | null; contactId?: string | null; companyId?: string | null }) {
  if (ids.dealId) revalidatePath(`/${orgSlug}/deals/${ids.dealId}`)
  if (ids.contactId) revalidatePath(`/${orgSlug}/contacts/${ids.contactId}`)
  if (ids.companyId) revalidatePath(`/${orgSlug}/companies/${ids.companyId}`)
}

export async function addActivityAction(_: ActionState<AddedActivity>, form: FormData) {
  return runAction(AddActivityFields.extend(OrgSlug).superRefine(checkActivity), form, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    const activity = await db.$transaction((tx) => addActivity(tx, ctxOf(member), data))
    revalidateRecords(data.orgSlug, activity)
    const saved = { NOTE: 'Note added.', CALL: 'Call logged.', EMAIL: 'Email logged.', MEETING: 'Meeting logged.', TASK: 'Task added.' }[activity.kind]
    return { ok: true as const, data: activity, message: saved }
  })
}

export async function setTaskDoneAction(input: z.input<typeof SetTaskDoneInput> & { orgSlug: string }) {
  return runAction(SetTaskDoneInput.extend(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return db.$transaction((tx) => setTaskDone(tx, ctxOf(member), data))
  })
}

export async function listAssigneesAction(input: { orgSlug: string }) {
  return runAction(z.object(OrgSlug), input, async (data, session) => {
    const member = await requireMember(db, session, data.orgSlug, 'crm:write')
    return { me: member.user.id, options: await listAssignees(db, ctxOf(member)) }
  })
}
