'use client'
import { useState, type InputHTMLAttributes } from 'react'
import { cn } from '@/components/ui/cn'

/**
 * A whole-number input that keeps what is being typed ("-", "") locally and reports a number
 * only when the text is one; on blur an unfinished entry goes back to the last good value.
 */
export function DayCountInput({
  value,
  onValue,
  label,
  className,
  allowDecimal = false,
  allowEmpty = false,
  ...input
}: {
  value: number | null
  onValue: (value: number | null) => void
  /** accessible name (the visible text around it reads as a sentence) */
  label: string
  className?: string
  allowDecimal?: boolean
  allowEmpty?: boolean
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const shown = value === null ? '' : String(value)
  const [text, setText] = useState(shown)
  const [editing, setEditing] = useState(false)
  const pattern = allowDecimal ? /^\d+(\.\d{0,2})?$/ : /^-?\d+$/
  const parse = (raw: string) => {
    const trimmed = raw.trim()
    if (trimmed === '') return allowEmpty ? null : undefined
    return pattern.test(trimmed) ? Number(trimmed) : undefined
  }
  const current = editing ? text : shown
  const invalid = editing && parse(text) === undefined
  return (
    <input
      {...input}
      aria-label={label}
      inputMode={allowDecimal ? 'decimal' : 'numeric'}
      value={current}
      aria-invalid={invalid || input['aria-invalid'] ? true : undefined}
      onFocus={(e) => {
        setText(shown)
        setEditing(true)
        input.onFocus?.(e)
      }}
      onChange={(e) => {
        setText(e.target.value)
        const parsed = parse(e.target.value)
        if (parsed !== undefined) onValue(parsed)
      }}
      onBlur={(e) => {
        setEditing(false)
        input.onBlur?.(e)
      }}
      className={cn(
        'h-8 rounded-md border border-line bg-surface px-2 text-right text-sm tabular-nums text-ink shadow-xs aria-invalid:border-danger disabled:bg-muted disabled:text-ink-soft',
        className,
      )}
    />
  )
}
