'use client'
import { AlertCircle, CalendarClock, CalendarDays, CalendarRange, CheckCircle2, Inbox, type LucideIcon } from 'lucide-react'
import Link from 'next/link'
import { useSearchParams } from 'next/navigation'
import { Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import type { MyWork, MyWorkItem } from '@/lib/pm/my-work'
import type { MyWorkGroupKey } from '@/lib/pm/my-work-groups'
import type { MyWorkSection } from '@/lib/pm/my-work.schema'
import { MyWorkRow } from './my-work-row'

const groupIcons: Record<MyWorkGroupKey, { icon: LucideIcon; tone: string }> = {
  overdue: { icon: AlertCircle, tone: 'text-danger' },
  today: { icon: CalendarClock, tone: 'text-accent' },
  week: { icon: CalendarDays, tone: 'text-ink-soft' },
  later: { icon: CalendarRange, tone: 'text-ink-soft' },
  none: { icon: Inbox, tone: 'text-ink-soft' },
}

function Section({ id, title, icon: Icon, tone, count, children, muted = false }: { id: string; title: string; icon: LucideIcon; tone: string; count: number; children: React.ReactNode; muted?: boolean }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`my-work-${id}`}>
      <Card className={cn('overflow-hidden', muted && 'bg-surface/60')}>
        <h2 id={`${id}-title`} className="flex items-center gap-2 border-b border-line px-4 py-2.5 text-sm font-semibold">
          <Icon className={cn('size-4', tone)} aria-hidden />
          {title}
          <span className="rounded-full bg-muted px-1.5 text-xs font-medium text-ink-soft tabular-nums">{count}</span>
        </h2>
        {children}
      </Card>
    </section>
  )
}

/** A section's rows, and a link to all of them (the page stays small for a busy person). */
function Rows({ section, orgSlug, items, total, today, viewerIsPerson }: { section: MyWorkSection; orgSlug: string; items: MyWorkItem[]; total: number; today: string; viewerIsPerson: boolean }) {
  const params = useSearchParams()
  const href = (all: boolean) => {
    const next = new URLSearchParams(params)
    if (all) next.set('all', section)
    else next.delete('all')
    const query = next.toString()
    return query ? `?${query}` : '?'
  }
  const expanded = params.get('all') === section
  return (
    <>
      <ul className="divide-y divide-line">
        {items.map((item) => (
          <MyWorkRow key={item.key} orgSlug={orgSlug} item={item} today={today} viewerIsPerson={viewerIsPerson} />
        ))}
      </ul>
      {total > items.length || expanded ? (
        <Link href={href(!expanded)} scroll={false} className="block w-full border-t border-line px-4 py-2 text-left text-xs font-medium text-accent hover:bg-muted/50">
          {expanded ? 'Show fewer' : `Show all ${total}`}
        </Link>
      ) : null}
    </>
  )
}

/** The sections of My work (only the non-empty ones), then what was completed today. A client component: the page sends data, not markup, for hundreds of rows. */
export function MyWorkView({ orgSlug, work }: { orgSlug: string; work: MyWork }) {
  const visible = work.groups.filter((g) => g.total > 0)
  const count = (key: MyWorkGroupKey) => work.groups.find((g) => g.key === key)?.total ?? 0
  const who = work.person.isViewer ? 'You have' : `${work.person.name} has`
  return (
    <div className="space-y-5">
      <p className="text-sm text-ink-soft" data-testid="my-work-summary">
        {work.openCount === 0 ? (
          `${who} nothing open.`
        ) : (
          <>
            {who} {work.openCount} open {work.openCount === 1 ? 'item' : 'items'}
            {count('overdue') ? <span className="font-medium text-danger"> · {count('overdue')} overdue</span> : null}
            {count('today') ? <> · {count('today')} due today</> : null}
            {count('week') ? <> · {count('week')} later this week</> : null}
          </>
        )}
      </p>
      {visible.length === 0 ? (
        <Card className="flex flex-col items-center px-6 py-12 text-center">
          <CheckCircle2 className="size-8 text-success" aria-hidden />
          <p className="mt-3 font-medium">All clear</p>
          <p className="mt-1 max-w-sm text-sm text-ink-soft">
            Project tasks assigned to {work.person.isViewer ? 'you' : work.person.name} and sales follow-ups show up here, grouped by when they are due.
          </p>
        </Card>
      ) : (
        visible.map((group) => (
          <Section key={group.key} id={group.key} title={group.label} icon={groupIcons[group.key].icon} tone={groupIcons[group.key].tone} count={group.total}>
            <Rows section={group.key} orgSlug={orgSlug} items={group.items} total={group.total} today={work.today} viewerIsPerson={work.person.isViewer} />
          </Section>
        ))
      )}
      {work.doneToday.total > 0 ? (
        <Section id="done" title="Done today" icon={CheckCircle2} tone="text-success" count={work.doneToday.total} muted>
          <Rows section="done" orgSlug={orgSlug} items={work.doneToday.items} total={work.doneToday.total} today={work.today} viewerIsPerson={work.person.isViewer} />
        </Section>
      ) : null}
    </div>
  )
}
