'use client'
import { useActionState, type ReactNode } from 'react'
import { toast } from 'sonner'
import type { ActionResult, ActionState, FieldErrors } from '@/lib/action'
import { FormError } from './field'

export type FormView = { errors: FieldErrors; values?: Record<string, string>; pending: boolean; done: number }

/**
 * A form bound to a server action through useActionState: hidden fields, the form-level
 * error on top, field errors handed to the children, a toast on success. `done` counts
 * successes, so children can key inputs to clear them after one.
 */
export function ActionForm<T>({
  action,
  hidden = {},
  className,
  children,
  label,
}: {
  action: (state: ActionState<T>, form: FormData) => Promise<ActionResult<T>>
  hidden?: Record<string, string>
  className?: string
  children: (view: FormView) => ReactNode
  label?: string
}) {
  type Run = { result: ActionState<T>; done: number }
  const [state, run, pending] = useActionState(
    async (previous: Run, form: FormData): Promise<Run> => {
      const result = await action(previous.result, form)
      if (result.ok && result.message) toast.success(result.message)
      return { result, done: previous.done + (result.ok ? 1 : 0) }
    },
    { result: null, done: 0 } as Run,
  )
  const failed = state.result && !state.result.ok ? state.result : undefined
  return (
    <form action={run} className={className} noValidate aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {failed?.formError ? <FormError message={failed.formError} /> : null}
      {children({ errors: failed?.fieldErrors ?? {}, values: failed?.values, pending, done: state.done })}
    </form>
  )
}
