'use client'
import { AtSign } from 'lucide-react'
import { useId, useRef, useState, type TextareaHTMLAttributes } from 'react'
import type { Mentionable } from '@/lib/pm/mentions'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'

type Query = { start: number; text: string }

/** The "@…" being typed before the caret, if any: "@" at a word start, no line break, short. */
function queryAt(value: string, caret: number): Query | null {
  const before = value.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0) return null
  if (at > 0 && !/[\s([{]/.test(before[at - 1]!)) return null
  const text = before.slice(at + 1)
  if (text.length > 40 || /\n/.test(text)) return null
  return { start: at, text }
}

function matches(people: Mentionable[], text: string) {
  const q = text.toLowerCase()
  return people.filter((p) => p.name.toLowerCase().startsWith(q) || p.name.toLowerCase().includes(` ${q}`)).slice(0, 6)
}

/**
 * A textarea with an @mention picker: typing "@" (or the @ button) lists the people who can
 * see the project; arrows choose, Enter or Tab inserts "@Full Name", Escape closes.
 */
export function MentionTextarea({
  value,
  onValueChange,
  people,
  onSubmitShortcut,
  className,
  ...textarea
}: { value: string; onValueChange: (value: string) => void; people: Mentionable[]; onSubmitShortcut?: () => void } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>) {
  const id = useId()
  const ref = useRef<HTMLTextAreaElement>(null)
  const [query, setQuery] = useState<Query | null>(null)
  const [active, setActive] = useState(0)
  const options = query ? matches(people, query.text) : []
  const open = options.length > 0

  const track = (next: string, caret: number) => {
    const q = queryAt(next, caret)
    setQuery(q)
    setActive(0)
  }
  const insert = (person: Mentionable) => {
    const el = ref.current
    if (!query || !el) return
    const caret = el.selectionStart
    const text = `@${person.name} `
    const next = value.slice(0, query.start) + text + value.slice(caret)
    onValueChange(next)
    setQuery(null)
    requestAnimationFrame(() => {
      el.focus()
      el.setSelectionRange(query.start + text.length, query.start + text.length)
    })
  }
  const startMention = () => {
    const el = ref.current
    if (!el) return
    const caret = el.selectionStart ?? value.length
    const pad = caret > 0 && !/\s/.test(value[caret - 1]!) ? ' ' : ''
    const next = `${value.slice(0, caret)}${pad}@${value.slice(caret)}`
    onValueChange(next)
    setQuery({ start: caret + pad.length, text: '' })
    setActive(0)
    requestAnimationFrame(() => {
      el.focus()
      el.setSelectionRange(caret + pad.length + 1, caret + pad.length + 1)
    })
  }

  return (
    <div className="relative">
      <textarea
        ref={ref}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? `${id}-people` : undefined}
        aria-activedescendant={open ? `${id}-person-${active}` : undefined}
        className={cn('block w-full resize-y rounded-md border border-line bg-surface px-3 py-2 pr-9 text-sm text-ink shadow-xs placeholder:text-ink-soft aria-invalid:border-danger', className)}
        onChange={(e) => {
          onValueChange(e.target.value)
          track(e.target.value, e.target.selectionStart)
        }}
        onClick={(e) => track(value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length)
              return
            }
            if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault()
              insert(options[active]!)
              return
            }
            if (e.key === 'Escape') {
              e.preventDefault()
              e.stopPropagation()
              setQuery(null)
              return
            }
          }
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && onSubmitShortcut) {
            e.preventDefault()
            onSubmitShortcut()
          }
        }}
        {...textarea}
      />
      <button type="button" onClick={startMention} className="absolute right-1.5 top-1.5 rounded p-1 text-ink-soft hover:bg-muted hover:text-ink" aria-label="Mention someone" title="Mention someone">
        <AtSign className="size-4" aria-hidden />
      </button>
      {open ? (
        <ul id={`${id}-people`} role="listbox" aria-label="People to mention" className="absolute left-2 top-full z-10 mt-1 w-64 rounded-md border border-line bg-surface p-1 shadow-lg">
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${id}-person-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault()
                insert(person)
              }}
              onMouseEnter={() => setActive(index)}
              className={cn('flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm', index === active && 'bg-muted')}
            >
              <Avatar id={person.id} name={person.name} className="size-5 text-[9px]" />
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
