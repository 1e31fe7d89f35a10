'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { createApiToken, revokeApiToken } from '@/lib/integration/api-tokens'
import { ApiTokenIdInput, CreateApiTokenInput } from '@/lib/integration/api-tokens.schema'
import { settingsAction } from '@/lib/settings-action'

const WithOrg = CreateApiTokenInput.extend({ orgSlug: z.string().min(1) })

/** Creates a token and returns it: the only time its value is shown. */
export async function createApiTokenAction(_: ActionState<{ token: string; name: string }>, form: FormData) {
  return runAction(WithOrg, form, async (input, session) => {
    const member = await requireMember(db, session, input.orgSlug)
    const created = await db.$transaction((tx) => createApiToken(tx, ctxOf(member), input))
    revalidatePath(`/${input.orgSlug}/settings/api-tokens`)
    return { ok: true as const, data: { token: created.token, name: created.name }, message: `Token “${created.name}” created. Copy it now: it is not shown again.` }
  })
}

const revoke = settingsAction(ApiTokenIdInput, 'org:read', 'api-tokens', (tx, ctx, input) => revokeApiToken(tx, ctx, input.id), () => 'Token revoked: requests with it are refused from now on.')
export async function revokeApiTokenAction(_: ActionState, form: FormData) {
  return revoke(form)
}
