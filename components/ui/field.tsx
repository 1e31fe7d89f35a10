import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'
import { cn } from './cn'

const control =
  'block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-xs placeholder:text-ink-soft aria-invalid:border-danger'

type FieldProps = { label: string; error?: string[] | string; hint?: ReactNode; className?: string }

/** A labelled control whose error sits right under it, linked with aria-describedby. */
function FieldFrame({ label, error, hint, className, id, children }: FieldProps & { id: string; children: ReactNode }) {
  const message = Array.isArray(error) ? error[0] : error
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && !message ? <p id={`${id}-hint`} className="text-xs text-ink-soft">{hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}

function describedBy(id: string, error?: string[] | string, hint?: ReactNode) {
  if (error && error.length) return `${id}-error`
  return hint ? `${id}-hint` : undefined
}

export function TextField({ label, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId()
  const id = input.id ?? generated
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className={control} aria-invalid={error && error.length ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
    </FieldFrame>
  )
}

export function SelectField({ label, error, hint, className, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId()
  const id = select.id ?? generated
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} className={control} aria-invalid={error && error.length ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {children}
      </select>
    </FieldFrame>
  )
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null
  return (
    <div role="alert" className="rounded-md border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger">
      {message}
    </div>
  )
}
