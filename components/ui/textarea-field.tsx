import { useId, type TextareaHTMLAttributes } from 'react'
import { cn } from './cn'

/** A labelled multi-line input whose error sits right under it (aria-describedby), like TextField. */
export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...textarea
}: { label: string; error?: string[] | string; hint?: string; className?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId()
  const id = textarea.id ?? generated
  const message = Array.isArray(error) ? error[0] : error
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-xs placeholder:text-ink-soft aria-invalid:border-danger"
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...textarea}
      />
      {hint && !message ? <p id={`${id}-hint`} className="text-xs text-ink-soft">{hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}
