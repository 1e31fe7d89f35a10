'use client'
import { useEffect, useId, useRef, useState } from 'react'
import { Building2, LoaderCircle } from 'lucide-react'
import type { SearchHit } from '@/lib/crm/search.schema'
import { cn } from '@/components/ui/cn'
import type { EditorControl } from '@/components/deals/inline-field'

export type CompanyChoice = { id: string; name: string }

const DEBOUNCE_MS = 150

async function findCompanies(orgSlug: string, q: string, signal: AbortSignal): Promise<CompanyChoice[] | null> {
  try {
    const response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/search?${new URLSearchParams({ q, type: 'company', limit: '8' })}`, { signal })
    if (!response.ok) return null
    return ((await response.json()) as SearchHit[]).map((hit) => ({ id: hit.id, name: hit.title }))
  } catch {
    return null
  }
}

type Props = {
  orgSlug: string
  value: CompanyChoice | null
  onChange: (company: CompanyChoice | null) => void
  id?: string
  className?: string
  autoFocus?: boolean
  disabled?: boolean
  onCancel?: () => void
  /** after the input loses focus (an inline field leaves editing) */
  onBlur?: () => void
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

/**
 * Pick a company by typing part of its name or domain (typos are fine): any of the
 * organization's companies, however many there are, plus "No company". Arrow keys move,
 * Enter picks, Escape closes (or cancels, when the caller handles it).
 */
export function CompanyCombobox({ orgSlug, value, onChange, id, className, autoFocus, disabled, onCancel, onBlur, ...aria }: Props) {
  const generated = useId()
  const inputId = id ?? generated
  const listId = `${inputId}-list`
  const [text, setText] = useState(value?.name ?? '')
  const [open, setOpen] = useState(false)
  const [choices, setChoices] = useState<CompanyChoice[]>([])
  const [active, setActive] = useState(0)
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inFlight = useRef<AbortController | null>(null)

  useEffect(
    () => () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    },
    [],
  )

  const options: (CompanyChoice | null)[] = [null, ...choices]

  function type(next: string) {
    setText(next)
    setOpen(true)
    setActive(0)
    clearTimeout(timer.current)
    inFlight.current?.abort()
    const q = next.trim()
    if (q.length < 2) {
      setChoices([])
      setLoading(false)
      return
    }
    setLoading(true)
    timer.current = setTimeout(async () => {
      const request = new AbortController()
      inFlight.current = request
      const found = await findCompanies(orgSlug, q, request.signal)
      if (request.signal.aborted) return
      setLoading(false)
      setFailed(found === null)
      setChoices(found ?? [])
      setActive(found && found.length > 0 ? 1 : 0)
    }, DEBOUNCE_MS)
  }

  function pick(choice: CompanyChoice | null) {
    setOpen(false)
    setText(choice?.name ?? '')
    onChange(choice)
  }

  return (
    <div className={cn('relative', className)}>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        disabled={disabled}
        placeholder="Type to find a company"
        value={text}
        onChange={(e) => type(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={() => {
          setOpen(false)
          setText(value?.name ?? '')
          onBlur?.()
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((i) => Math.min(i + 1, options.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((i) => Math.max(i - 1, 0))
          } else if (e.key === 'Enter' && open) {
            e.preventDefault()
            pick(options[active] ?? null)
          } else if (e.key === 'Escape') {
            if (open) {
              e.preventDefault()
              e.stopPropagation()
              setOpen(false)
              setText(value?.name ?? '')
            } else onCancel?.()
          }
        }}
        className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-xs placeholder:text-ink-soft aria-invalid:border-danger"
        {...aria}
      />
      {loading ? <LoaderCircle className="absolute right-2.5 top-2.5 size-4 animate-spin text-ink-soft" aria-hidden /> : null}
      {open ? (
        <ul id={listId} role="listbox" aria-label="Companies" className="absolute z-50 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-surface p-1 text-sm shadow-lg">
          {options.map((choice, index) => (
            <li
              key={choice?.id ?? 'none'}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the input must not lose focus (and close the list) first
              onMouseDown={(e) => {
                e.preventDefault()
                pick(choice)
              }}
              onMouseEnter={() => setActive(index)}
              className={cn('flex cursor-default items-center gap-2 rounded px-2 py-1.5', index === active && 'bg-muted')}
            >
              {choice ? <Building2 className="size-3.5 text-ink-soft" aria-hidden /> : null}
              <span className={cn('truncate', !choice && 'text-ink-soft')}>{choice ? choice.name : 'No company'}</span>
            </li>
          ))}
          {!loading && text.trim().length >= 2 && choices.length === 0 ? (
            <li className="px-2 py-1.5 text-xs text-ink-soft" role="presentation">
              {failed ? 'Search failed; try again.' : `No company matches “${text.trim()}”.`}
            </li>
          ) : null}
          {text.trim().length < 2 ? (
            <li className="px-2 py-1.5 text-xs text-ink-soft" role="presentation">
              Type two or more letters of the name or domain.
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  )
}

/** The combobox as a form control: posts the chosen company's id as `name` ("" for none). */
export function CompanyPickerField({ label, name, orgSlug, defaultValue, error }: { label: string; name: string; orgSlug: string; defaultValue?: CompanyChoice | null; error?: string[] | string }) {
  const id = useId()
  const [value, setValue] = useState<CompanyChoice | null>(defaultValue ?? null)
  const message = Array.isArray(error) ? error[0] : error
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <CompanyCombobox id={id} orgSlug={orgSlug} value={value} onChange={setValue} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} />
      <input type="hidden" name={name} value={value?.id ?? ''} />
      {message ? (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  )
}

/** The combobox as an inline field's editor: picking a company saves it. */
export function companyEditor(orgSlug: string, current: CompanyChoice | null) {
  return function renderCompanyEditor(control: EditorControl) {
    return (
      <CompanyCombobox
        id={control.id}
        orgSlug={orgSlug}
        value={current}
        autoFocus
        disabled={control.saving}
        onChange={(company) => control.commit(company?.id ?? '')}
        onCancel={control.leave}
        onBlur={control.leave}
        aria-invalid={control.invalid || undefined}
        aria-describedby={control.describedBy}
      />
    )
  }
}
