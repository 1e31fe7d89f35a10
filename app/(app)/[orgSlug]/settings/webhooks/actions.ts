'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction, type ActionState } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { env } from '@/lib/env'
import { createEndpoint, deleteEndpoint, resendDelivery, rotateSecret, updateEndpoint } from '@/lib/integration/webhooks'
import { CreateEndpointInput, DeliveryIdInput, EndpointIdInput, UpdateEndpointInput } from '@/lib/integration/webhooks.schema'
import { enqueueDelivery } from '@/lib/integration/worker'
import { settingsAction } from '@/lib/settings-action'

const page = 'webhooks'
const create = settingsAction(CreateEndpointInput, 'org:manage', page, createEndpoint, (i) => `Webhook added: events go to ${i.url}.`)
const update = settingsAction(UpdateEndpointInput, 'org:manage', page, updateEndpoint, (i) => (i.active === false ? 'Webhook disabled: nothing is sent to it.' : 'Webhook saved.'))
const remove = settingsAction(EndpointIdInput, 'org:manage', page, (tx, ctx, i) => deleteEndpoint(tx, ctx, i.id), () => 'Webhook deleted with its delivery log.')

export async function createEndpointAction(_: ActionState, form: FormData) { return create(form) }
export async function updateEndpointAction(_: ActionState, form: FormData) { return update(form) }
export async function deleteEndpointAction(_: ActionState, form: FormData) { return remove(form) }

export async function rotateSecretAction(_: ActionState, form: FormData) {
  return runAction(EndpointIdInput.extend({ orgSlug: z.string().min(1) }), form, async (input, session) => {
    const member = await requireMember(db, session, input.orgSlug, 'org:manage')
    await db.$transaction((tx) => rotateSecret(tx, ctxOf(member), input.id))
    revalidatePath(`/${input.orgSlug}/settings/webhooks`)
    return { ok: true as const, data: undefined, message: 'New signing secret: update the receiver; the old one no longer signs.' }
  })
}

export async function resendDeliveryAction(_: ActionState, form: FormData) {
  return runAction(DeliveryIdInput.extend({ orgSlug: z.string().min(1), endpointId: z.uuid() }), form, async (input, session) => {
    const member = await requireMember(db, session, input.orgSlug, 'org:manage')
    await db.$transaction((tx) => resendDelivery(tx, ctxOf(member), input.id))
    await enqueueDelivery(env().DATABASE_URL, input.id)
    revalidatePath(`/${input.orgSlug}/settings/webhooks/${input.endpointId}`)
    return { ok: true as const, data: undefined, message: 'Sending again now.' }
  })
}
