'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { changeMemberRole, inviteMember } from '@/lib/org/members'
import { ChangeRoleInput, InviteMemberInput } from '@/lib/org/members.schema'

const OrgSlug = z.object({ orgSlug: z.string().min(1) })

export async function inviteMemberAction(_: ActionState<{ email: string }>, form: FormData) {
  return runAction(InviteMemberInput.extend(OrgSlug.shape), form, async (input, session) => {
    const member = await requireMember(db, session, input.orgSlug, 'members:manage')
    await db.$transaction((tx) => inviteMember(tx, ctxOf(member), input))
    revalidatePath(`/${input.orgSlug}/settings/members`)
    return { ok: true as const, data: { email: input.email }, message: `${input.name} can now sign in as ${input.email}.` }
  })
}

export async function changeRoleAction(_: ActionState<{ changed: boolean }>, form: FormData) {
  return runAction(ChangeRoleInput.extend(OrgSlug.shape), form, async (input, session) => {
    const member = await requireMember(db, session, input.orgSlug, 'members:manage')
    const result = await db.$transaction((tx) => changeMemberRole(tx, ctxOf(member), input))
    revalidatePath(`/${input.orgSlug}/settings/members`)
    return { ok: true as const, data: result, message: result.changed ? 'Role saved.' : 'No change.' }
  })
}
