'use client'
import Link from 'next/link'
import { useParams } from 'next/navigation'
import { CalendarDays, CheckSquare, History, Mail, Phone, StickyNote } from 'lucide-react'
import type { ActivityKind } from '@/lib/crm/activities.schema'
import type { ChangeLine, TimelineActivity, TimelineChange, TimelineItem } from '@/lib/crm/timeline'
import { formatDay } from '@/lib/dates'
import { cn } from '@/components/ui/cn'
import { TaskToggle } from './task-toggle'

const kindIcon = { NOTE: StickyNote, CALL: Phone, EMAIL: Mail, MEETING: CalendarDays, TASK: CheckSquare } satisfies Record<ActivityKind, unknown>
const kindVerb: Record<ActivityKind, string> = {
  NOTE: 'added a note',
  CALL: 'logged a call',
  EMAIL: 'logged an email',
  MEETING: 'logged a meeting',
  TASK: 'added a task',
}

/**
 * A record's history, newest first: notes, calls, emails, meetings and tasks, with the
 * record's changes (stage moves, amount and owner changes …) woven in. Items come from
 * `listTimeline` in lib/crm/timeline.ts.
 */
export function Timeline({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-line px-4 py-6 text-center text-sm text-ink-soft" data-testid="timeline-empty">
        Nothing here yet. Log a call or add a note to start the history.
      </p>
    )
  }
  return (
    <ol aria-label="Timeline" className="relative space-y-4 border-l border-line pl-6" data-testid="timeline">
      {items.map((item) => (
        <li key={`${item.type}-${item.id}`} className="relative" data-testid="timeline-item" data-type={item.type} data-kind={item.type === 'activity' ? item.kind : item.action}>
          {item.type === 'activity' ? <ActivityEntry item={item} /> : <ChangeEntry item={item} />}
        </li>
      ))}
    </ol>
  )
}

function Dot({ children, tone = 'muted' }: { children: React.ReactNode; tone?: 'muted' | 'accent' }) {
  return (
    <span
      className={cn(
        'absolute -left-[2.05rem] top-0 inline-flex size-6 items-center justify-center rounded-full border border-line',
        tone === 'accent' ? 'bg-accent text-white' : 'bg-surface text-ink-soft',
      )}
      aria-hidden
    >
      {children}
    </span>
  )
}

function Byline({ actor, text, at, when }: { actor: TimelineItem['actor']; text: string; at: string; when: string }) {
  return (
    <p className="text-sm text-ink-soft">
      <span className="font-medium text-ink">{actor?.name ?? 'Someone'}</span> {text}
      <span aria-hidden> · </span>
      <time dateTime={at} className="whitespace-nowrap text-xs">
        {when}
      </time>
    </p>
  )
}

function ActivityEntry({ item }: { item: TimelineActivity }) {
  const { orgSlug } = useParams<{ orgSlug: string }>()
  const Icon = kindIcon[item.kind]
  const task = item.task
  return (
    <article>
      <Dot tone="accent">
        <Icon className="size-3.5" />
      </Dot>
      <Byline actor={item.actor} text={kindVerb[item.kind]} at={item.at} when={item.when} />
      <div className="mt-1 rounded-md border border-line bg-surface px-3 py-2 shadow-xs">
        <div className="flex items-start gap-2">
          {task ? <TaskToggle activityId={item.id} title={item.subject ?? 'Task'} done={task.done} disabled={!task.canToggle} /> : null}
          <div className="min-w-0 flex-1">
            {item.subject ? <p className={cn('text-sm font-medium', task?.done && 'text-ink-soft line-through')}>{item.subject}</p> : null}
            {item.body ? <p className="whitespace-pre-wrap break-words text-sm text-ink">{item.body}</p> : null}
            {task ? (
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-soft">
                {task.dueOn ? (
                  <span className={cn(task.overdue && 'font-medium text-danger')}>
                    Due {formatDay(task.dueOn)}
                    {task.overdue ? ' (overdue)' : ''}
                  </span>
                ) : null}
                {task.assignee ? <span>Assigned to {task.assignee.name}</span> : null}
                {task.done ? <span className="text-success">Done</span> : null}
              </p>
            ) : null}
            <Links orgSlug={orgSlug} links={item.links} />
          </div>
        </div>
      </div>
    </article>
  )
}

function Links({ orgSlug, links }: { orgSlug: string; links: TimelineActivity['links'] }) {
  const parts = [
    links.deal ? { href: `/${orgSlug}/deals/${links.deal.id}`, label: links.deal.title, kind: 'Deal' } : null,
    links.contact ? { href: `/${orgSlug}/contacts/${links.contact.id}`, label: links.contact.name, kind: 'Contact' } : null,
    links.company ? { href: `/${orgSlug}/companies/${links.company.id}`, label: links.company.name, kind: 'Company' } : null,
  ].filter((p) => p !== null)
  if (parts.length === 0) return null
  return (
    <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-soft">
      {parts.map((p) => (
        <span key={p.href}>
          {p.kind}:{' '}
          <Link href={p.href} className="text-accent hover:underline">
            {p.label}
          </Link>
        </span>
      ))}
    </p>
  )
}

function ChangeEntry({ item }: { item: TimelineChange }) {
  return (
    <article>
      <Dot>
        <History className="size-3.5" />
      </Dot>
      <Byline actor={item.actor} text={item.summary} at={item.at} when={item.when} />
      {item.lines.length ? (
        <ul className="mt-1 space-y-0.5 text-sm">
          {item.lines.map((line, i) => (
            <li key={i} data-testid="change-line">
              <Line line={line} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}

function Line({ line }: { line: ChangeLine }) {
  const empty = <span className="italic text-ink-soft">empty</span>
  return (
    <>
      <span className="text-ink-soft">{line.label}: </span>
      {'from' in line ? (
        <>
          <span className="whitespace-pre-wrap">{line.from ?? empty}</span>
          <span aria-label="changed to"> → </span>
        </>
      ) : null}
      <span className="whitespace-pre-wrap font-medium">{line.to ?? empty}</span>
    </>
  )
}
