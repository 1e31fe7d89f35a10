'use server'
import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn } from '@/lib/auth'
import { SignInInput } from '@/lib/auth/credentials'
import type { ActionState } from '@/lib/action'

const WRONG = 'Wrong email or password.'

/** Only same-site paths: never an absolute URL someone slipped into the link. */
function safeCallback(value: FormDataEntryValue | null) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

export async function signInAction(_: ActionState, form: FormData): Promise<ActionState> {
  const email = String(form.get('email') ?? '')
  const parsed = SignInInput.safeParse({ email, password: form.get('password') ?? '' })
  if (!parsed.success) {
    return { ok: false, status: 422, fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { email } }
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallback(form.get('callbackUrl')) })
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must pass through.
    if (error instanceof AuthError) return { ok: false, status: 401, formError: WRONG, values: { email } }
    throw error
  }
  return null
}
