'use client'
import { useActionState } from 'react'
import { signInAction } from '@/app/(auth)/sign-in/actions'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormError, TextField } from '@/components/ui/field'

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, null)
  const failed = state && !state.ok ? state : undefined
  return (
    <Card className="p-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormError message={failed?.formError} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={failed?.values?.email}
          error={failed?.fieldErrors?.email}
        />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={failed?.fieldErrors?.password} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </Card>
  )
}
