import Link from 'next/link'
import { Badge } from '@/components/ui/card'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import { cn } from '@/components/ui/cn'
import type { MyWorkItem } from '@/lib/pm/my-work'
import { DoneCheckbox } from './done-checkbox'
import { dueLabel } from './due-label'

const recordPaths = { deal: 'deals', contact: 'contacts', company: 'companies' } as const

const statusTones: Record<string, string> = {
  TODO: 'bg-muted text-ink-soft',
  DOING: 'bg-accent/10 text-accent',
  BLOCKED: 'bg-warning/15 text-warning',
  DONE: 'bg-success/10 text-success',
}

/** Where an item opens: a project task in its board's drawer, a follow-up on its record's page. */
export function itemHref(orgSlug: string, item: MyWorkItem) {
  if (item.source === 'project') return `/${orgSlug}/projects/${item.project.id}?task=${item.id}`
  return `/${orgSlug}/${recordPaths[item.record.type]}/${item.record.id}`
}

function Context({ item }: { item: MyWorkItem }) {
  if (item.source === 'project') {
    return (
      <span className="flex min-w-0 items-center gap-1.5">
        <SpriteIcon name="project" className="size-3.5 shrink-0" />
        <span className="sr-only">Project:</span>
        <span className="truncate">
          {item.project.name}
          {item.milestone ? <span className="text-ink-soft/80"> · {item.milestone}</span> : null}
        </span>
      </span>
    )
  }
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <SpriteIcon name={item.record.type} className="size-3.5 shrink-0" />
      <span className="sr-only">Follow-up on {item.record.type}:</span>
      <span className="truncate">
        {item.record.name}
        {item.companyName ? <span className="text-ink-soft/80"> · {item.companyName}</span> : null}
      </span>
    </span>
  )
}

export function MyWorkRow({ orgSlug, item, today, viewerIsPerson }: { orgSlug: string; item: MyWorkItem; today: string; viewerIsPerson: boolean }) {
  const done = item.doneAt !== null
  const overdue = !done && item.dueOn !== null && item.dueOn < today
  const due = dueLabel(item.dueOn, today)
  const disabledReason = item.canComplete
    ? undefined
    : item.source === 'project'
      ? 'Your role can follow this project but not change its tasks.'
      : viewerIsPerson
        ? 'Your role cannot change CRM tasks.'
        : 'You cannot complete this follow-up.'
  return (
    <li className="group flex items-start gap-3 px-4 py-2.5 hover:bg-muted/50" data-testid="my-work-item" data-source={item.source} data-item-id={item.id}>
      <span className="pt-0.5">
        <DoneCheckbox source={item.source} id={item.id} title={item.title} done={done} disabledReason={disabledReason} blocked={item.source === 'project' && item.blocked} />
      </span>
      <div className="min-w-0 flex-1">
        <Link href={itemHref(orgSlug, item)} className={cn('block truncate text-sm font-medium hover:underline', done && 'text-ink-soft line-through')}>
          {item.title}
        </Link>
        <div className="mt-0.5 flex min-w-0 items-center gap-2 text-xs text-ink-soft">
          <Context item={item} />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-2 pt-0.5">
        {item.source === 'project' && item.blocked && !done ? (
          <Badge className="gap-1 bg-warning/15 text-warning">
            <SpriteIcon name="lock" className="size-3" /> Blocked
          </Badge>
        ) : null}
        {item.source === 'project' ? <Badge className={cn('hidden sm:inline-flex', statusTones[item.status.kind])}>{item.status.name}</Badge> : <Badge className="hidden sm:inline-flex">Follow-up</Badge>}
        <time dateTime={item.dueOn ?? undefined} title={due.title} className={cn('w-24 text-right text-xs tabular-nums', overdue ? 'font-medium text-danger' : 'text-ink-soft')}>
          {due.text}
        </time>
      </div>
    </li>
  )
}
