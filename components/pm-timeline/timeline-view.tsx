import Link from 'next/link'
import { BarChart3, Table2 } from 'lucide-react'
import { cn } from '@/components/ui/cn'
import type { Day } from '@/lib/dates'
import type { TimelineData } from '@/lib/pm/timeline'
import type { BarTone, Zoom } from './geometry'
import { TimelineChart } from './timeline-chart'
import { TimelineTable } from './timeline-table'

const legend: { tone: BarTone; label: string; swatch: string }[] = [
  { tone: 'todo', label: 'To do', swatch: 'bg-ink-soft/45' },
  { tone: 'doing', label: 'In progress', swatch: 'bg-accent' },
  { tone: 'blocked', label: 'Blocked', swatch: 'bg-warning' },
  { tone: 'overdue', label: 'Overdue', swatch: 'bg-danger' },
  { tone: 'done', label: 'Done', swatch: 'bg-success/80' },
  { tone: 'doneLate', label: 'Done late', swatch: 'bg-[repeating-linear-gradient(45deg,var(--color-danger)_0_2px,transparent_2px_5px)] ring-1 ring-danger/40' },
]

function Segmented({ label, options }: { label: string; options: { href: string; text: React.ReactNode; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-line bg-surface p-0.5 shadow-xs">
      {options.map((o, i) => (
        <Link
          key={i}
          href={o.href}
          scroll={false}
          aria-current={o.current ? 'page' : undefined}
          className={cn('inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-xs font-medium', o.current ? 'bg-accent/10 text-accent' : 'text-ink-soft hover:text-ink')}
        >
          {o.text}
        </Link>
      ))}
    </nav>
  )
}

/** The timeline page body: zoom and view switches, the legend, then the chart (or its table). */
export function TimelineView({ orgSlug, data, today, zoom, view }: { orgSlug: string; data: TimelineData; today: Day; zoom: Zoom; view: 'chart' | 'table' }) {
  const base = `/${orgSlug}/projects/${data.project.id}/timeline`
  const taskHref = (id: string) => `/${orgSlug}/projects/${data.project.id}?task=${id}`
  const url = (z: Zoom, v: 'chart' | 'table') => `${base}?zoom=${z}${v === 'table' ? '&view=table' : ''}`
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="timeline-title" className="mr-auto text-sm font-semibold">
          Timeline <span className="font-normal text-ink-soft">({data.tasks.length} tasks)</span>
        </h2>
        {view === 'chart' ? (
          <Segmented
            label="Zoom"
            options={[
              { href: url('day', 'chart'), text: 'Days', current: zoom === 'day' },
              { href: url('week', 'chart'), text: 'Weeks', current: zoom === 'week' },
            ]}
          />
        ) : null}
        <Segmented
          label="Show as"
          options={[
            { href: url(zoom, 'chart'), text: <><BarChart3 className="size-3.5" aria-hidden /> Chart</>, current: view === 'chart' },
            { href: url(zoom, 'table'), text: <><Table2 className="size-3.5" aria-hidden /> Show as table</>, current: view === 'table' },
          ]}
        />
      </div>
      {view === 'chart' ? (
        <>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-soft" aria-label="Legend">
            {legend.map((l) => (
              <li key={l.tone} className="flex items-center gap-1.5">
                <span className={cn('inline-block h-2.5 w-5 rounded-sm', l.swatch)} aria-hidden />
                {l.label}
              </li>
            ))}
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-1 w-5 rounded-sm bg-ink-soft/30" aria-hidden />
              Baseline (when dates moved)
            </li>
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-px bg-danger" aria-hidden />
              Today
            </li>
            {data.project.targetGoLiveOn ? (
              <li className="flex items-center gap-1.5">
                <span className="inline-block h-3 w-0 border-l border-dashed border-accent" aria-hidden />
                Target go-live
              </li>
            ) : null}
          </ul>
          {data.tasks.length === 0 && data.milestones.length === 0 ? (
            <p className="rounded-lg border border-dashed border-line bg-surface p-8 text-center text-sm text-ink-soft">This project has no tasks yet.</p>
          ) : (
            <TimelineChart orgSlug={orgSlug} data={data} today={today} zoom={zoom} />
          )}
        </>
      ) : (
        <TimelineTable data={data} today={today} taskHref={taskHref} />
      )}
    </section>
  )
}
