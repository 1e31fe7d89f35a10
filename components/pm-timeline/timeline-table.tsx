import Link from 'next/link'
import { Badge } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { formatDay, type Day } from '@/lib/dates'
import type { TimelineData } from '@/lib/pm/timeline'
import { toneLabels, toneOf } from './geometry'

const short = (day: Day | null) => (day ? formatDay(day, 'en-US', { day: 'numeric', month: 'short' }) : '—')

/** The timeline as a table (the chart's text alternative): dates, baseline, state, and what each task waits on. */
export function TimelineTable({ data, today, taskHref }: { data: TimelineData; today: Day; taskHref: (id: string) => string }) {
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]))
  const blockers = new Map<string, string[]>()
  for (const d of data.dependencies) blockers.set(d.blockedId, [...(blockers.get(d.blockedId) ?? []), titles.get(d.blockerId) ?? 'another task'])
  const milestones = new Map(data.milestones.map((m) => [m.id, m]))
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="w-full text-left text-sm" data-testid="timeline-table">
        <caption className="sr-only">Timeline of {data.project.name}</caption>
        <thead className="text-xs text-ink-soft">
          <tr>
            {['Task', 'Milestone', 'Start', 'Due', 'Baseline due', 'State', 'Waits on'].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {data.milestones.map((m) => (
            <tr key={m.id} className="bg-muted/50">
              <th scope="row" className="px-3 py-2 font-semibold">
                <span aria-hidden>◆ </span>
                {m.name}
              </th>
              <td className="px-3 py-2 text-ink-soft">Milestone</td>
              <td className="px-3 py-2">—</td>
              <td className="px-3 py-2 tabular-nums">{short(m.dueOn)}</td>
              <td className="px-3 py-2 tabular-nums text-ink-soft">{m.baselineDueOn !== m.dueOn ? short(m.baselineDueOn) : ''}</td>
              <td className="px-3 py-2">{m.done ? 'Done' : m.dueOn < today ? 'Overdue' : 'Open'}</td>
              <td className="px-3 py-2" />
            </tr>
          ))}
          {data.tasks.map((t) => {
            const tone = toneOf(t, today)
            return (
              <tr key={t.id}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={taskHref(t.id)} className="hover:underline">
                    {t.title}
                  </Link>
                </th>
                <td className="px-3 py-2 text-ink-soft">{t.milestoneId ? (milestones.get(t.milestoneId)?.name ?? '—') : '—'}</td>
                <td className="px-3 py-2 tabular-nums">{short(t.startOn)}</td>
                <td className={cn('px-3 py-2 tabular-nums', tone === 'overdue' && 'font-medium text-danger')}>{short(t.dueOn)}</td>
                <td className="px-3 py-2 tabular-nums text-ink-soft">{t.baselineDueOn && t.baselineDueOn !== t.dueOn ? short(t.baselineDueOn) : ''}</td>
                <td className="px-3 py-2">
                  <Badge className={cn(tone === 'overdue' || tone === 'doneLate' ? 'bg-danger/10 text-danger' : tone === 'done' ? 'bg-success/10 text-success' : '')}>{toneLabels[tone]}</Badge>
                </td>
                <td className="px-3 py-2 text-ink-soft">{(blockers.get(t.id) ?? []).join(', ')}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
