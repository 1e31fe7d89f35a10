'use client'
import Link from 'next/link'
import { Diamond } from 'lucide-react'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'
import { daysBetween, formatDay, type Day } from '@/lib/dates'
import type { ProjectTaskRow } from '@/lib/pm/task-list'
import { useMemo } from 'react'
import type { TimelineData } from '@/lib/pm/timeline'
import { HEADER_HEIGHT, layoutTimeline, ROW_HEIGHT, toneLabels, type Bar, type BarTone, type TimelineLayout, type TimelineRow, type Zoom } from './geometry'
import { TimelineScroller } from './timeline-scroller'

/** The task-name column, in px (it stays put while the chart scrolls sideways). */
const LABEL_WIDTH = 288

const short = (day: Day) => formatDay(day, 'en-US', { day: 'numeric', month: 'short' })

/** Bar fills by tone (theme colours; "done late" is red hatching). */
const toneFill: Record<BarTone, string> = {
  todo: 'fill-ink-soft/45',
  doing: 'fill-accent',
  blocked: 'fill-warning',
  overdue: 'fill-danger',
  done: 'fill-success/80',
  doneLate: '',
}

function barLabel(task: ProjectTaskRow, bar: Bar) {
  const parts = [task.title, toneLabels[bar.tone], bar.start === bar.end ? short(bar.end) : `${short(bar.start)} to ${short(bar.end)}`]
  if (task.baselineDueOn && task.dueOn && task.baselineDueOn !== task.dueOn) parts.push(`baseline due ${short(task.baselineDueOn)}`)
  if (task.completedOn) parts.push(`completed ${short(task.completedOn)}`)
  if (task.blocked) parts.push('waiting on a blocker')
  parts.push(task.assignee ? `assigned to ${task.assignee.name}` : 'unassigned')
  return parts.join(', ')
}

function LabelRow({ row, taskHref }: { row: TimelineRow; taskHref: (id: string) => string }) {
  if (row.kind === 'milestone') {
    const m = row.milestone
    return (
      <div className="flex items-center gap-2 border-b border-line bg-muted/60 px-3 text-sm" style={{ height: ROW_HEIGHT }}>
        {m ? <Diamond className={cn('size-3.5 shrink-0', m.done ? 'fill-success text-success' : 'fill-accent text-accent')} aria-hidden /> : null}
        <span className="truncate font-semibold">{m ? m.name : 'No milestone'}</span>
        {m ? <span className="ml-auto shrink-0 text-xs text-ink-soft tabular-nums">{short(m.dueOn)}</span> : null}
      </div>
    )
  }
  const t = row.task
  return (
    <div className="flex items-center gap-2 border-b border-line/60 pr-3 pl-7 text-sm" style={{ height: ROW_HEIGHT }}>
      <Link href={taskHref(t.id)} className={cn('min-w-0 flex-1 truncate hover:underline', t.completedOn && 'text-ink-soft line-through')} title={t.title}>
        {t.title}
      </Link>
      {t.assignee ? <Avatar id={t.assignee.id} name={t.assignee.name} className="size-5 text-[9px]" /> : null}
    </div>
  )
}

/** Month bands whose names stick to the left edge while scrolling, the day or week numbers, and the today marker. */
function TimelineHeader({ layout }: { layout: TimelineLayout }) {
  return (
    <div className="relative shrink-0 border-b border-line text-ink" style={{ width: layout.width, height: HEADER_HEIGHT }} aria-hidden>
      {layout.months.map((m) => (
        <div key={m.key} className="absolute top-0 h-6 border-b border-l border-line/70" style={{ left: m.x, width: m.width }}>
          <span className="sticky inline-block truncate px-2 text-[11px] leading-6 font-semibold" style={{ left: LABEL_WIDTH, maxWidth: m.width }}>
            {m.label}
          </span>
        </div>
      ))}
      {layout.ticks.map((t) => (
        <span
          key={t.key}
          className={cn('absolute top-6 h-6 border-l border-line/70 text-[10px] leading-6 text-ink-soft tabular-nums', layout.zoom === 'day' ? 'text-center' : 'pl-1')}
          style={{ left: t.x, width: layout.zoom === 'day' ? layout.pxPerDay : 7 * layout.pxPerDay }}
        >
          {t.label}
        </span>
      ))}
      {layout.today ? (
        <span className="absolute bottom-1 -translate-x-1/2 rounded-full bg-danger px-1.5 text-[9px] leading-3.5 font-semibold text-white" style={{ left: layout.today.x }}>
          Today
        </span>
      ) : null}
    </div>
  )
}

/**
 * The Gantt chart: task names on the left, and on the right a horizontally scrolling SVG
 * with the month/day grid, bars, baseline ghosts, milestone diamonds, dependency arrows and
 * the today line. Each bar is a link to the task (opens the board's drawer) with a spoken label.
 * A client component that lays the data out itself: the page sends the tasks, not 300 bars of SVG.
 */
export function TimelineChart({ orgSlug, data, today, zoom }: { orgSlug: string; data: TimelineData; today: Day; zoom: Zoom }) {
  const layout = useMemo(() => layoutTimeline(data, today, zoom), [data, today, zoom])
  const taskHref = (id: string) => `/${orgSlug}/projects/${data.project.id}?task=${id}`
  const goLive = data.project.targetGoLiveOn
  const { width, height, pxPerDay } = layout
  const goLiveX = goLive && goLive >= layout.from && goLive <= layout.to ? daysBetween(layout.from, goLive) * pxPerDay + pxPerDay / 2 : null
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface shadow-xs" data-testid="timeline-chart">
      <TimelineScroller todayX={layout.today?.x ?? null} labelWidth={LABEL_WIDTH}>
        <div style={{ width: LABEL_WIDTH + width }}>
          {/* the date header stays on top and the task names on the left (sticky within rows as wide as the chart) */}
          <div className="sticky top-0 z-20 flex bg-surface">
            <div className="sticky left-0 z-30 flex shrink-0 items-end border-r border-b border-line bg-surface px-3 pb-1.5 text-xs font-medium text-ink-soft" style={{ width: LABEL_WIDTH, height: HEADER_HEIGHT }}>
              Task
            </div>
            <TimelineHeader layout={layout} />
          </div>
          <div className="flex">
            <div className="sticky left-0 z-10 shrink-0 border-r border-line bg-surface" style={{ width: LABEL_WIDTH }}>
              {layout.rows.map((row) => (
                <LabelRow key={row.key} row={row} taskHref={taskHref} />
              ))}
            </div>
          <svg width={width} height={height - HEADER_HEIGHT} viewBox={`0 ${HEADER_HEIGHT} ${width} ${height - HEADER_HEIGHT}`} className="block shrink-0 text-ink" role="group" aria-label="Timeline bars">
          <defs>
            <pattern id="tl-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" className="fill-danger/20" />
              <line x1="0" y1="0" x2="0" y2="6" className="stroke-danger" strokeWidth="3" />
            </pattern>
            <marker id="tl-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="fill-ink-soft" />
            </marker>
            <marker id="tl-arrow-conflict" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 8 4 L 0 8 z" className="fill-danger" />
            </marker>
          </defs>

          {/* grid: weekends, milestone bands, row lines, day or week lines, month boundaries */}
          {layout.weekends.map((w) => (
            <rect key={w.key} x={w.x} y={HEADER_HEIGHT} width={w.width} height={height - HEADER_HEIGHT} className="fill-muted/70" />
          ))}
          {layout.rows.map((row) =>
            row.kind === 'milestone' ? <rect key={row.key} x={0} y={row.y} width={width} height={ROW_HEIGHT} className="fill-muted/60" /> : null,
          )}
          {layout.rows.map((row) => (
            <line key={`l-${row.key}`} x1={0} x2={width} y1={row.y + ROW_HEIGHT - 0.5} y2={row.y + ROW_HEIGHT - 0.5} className="stroke-line/60" />
          ))}
          {layout.ticks.map((t) => (
            <line key={`g-${t.key}`} x1={t.x + 0.5} x2={t.x + 0.5} y1={HEADER_HEIGHT} y2={height} className="stroke-line/70" />
          ))}
          {layout.months.map((m) => (
            <line key={`m-${m.key}`} x1={m.x + 0.5} x2={m.x + 0.5} y1={HEADER_HEIGHT} y2={height} className="stroke-line" />
          ))}

          {/* the target go-live */}
          {goLiveX !== null ? (
            <g aria-hidden>
              <line x1={goLiveX} x2={goLiveX} y1={HEADER_HEIGHT} y2={height} className="stroke-accent" strokeDasharray="4 4" />
            </g>
          ) : null}

          {/* baselines (ghosts), then bars */}
          {layout.rows.map((row) =>
            row.kind === 'task' && row.ghost ? (
              <rect key={`gh-${row.key}`} x={row.ghost.x + 1} y={row.ghost.y} width={Math.max(row.ghost.width - 2, 2)} height={row.ghost.height} rx={2} className="fill-ink-soft/30" data-testid="timeline-baseline" aria-hidden />
            ) : null,
          )}
          {layout.rows.map((row) => {
            if (row.kind === 'milestone') {
              if (!row.diamond || !row.milestone) return null
              const cy = row.y + ROW_HEIGHT / 2
              const d = (cx: number, r: number) => `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`
              return (
                <g key={`d-${row.key}`} data-testid="timeline-milestone">
                  {row.diamond.baselineX !== null ? <path d={d(row.diamond.baselineX, 6)} className="fill-none stroke-ink-soft" strokeDasharray="2 2" aria-hidden /> : null}
                  <path d={d(row.diamond.x, 7)} className={row.milestone.done ? 'fill-success' : 'fill-accent'} role="img" aria-label={`Milestone ${row.milestone.name}, due ${short(row.milestone.dueOn)}${row.milestone.done ? ', done' : ''}`}>
                    <title>{`${row.milestone.name}: due ${short(row.milestone.dueOn)}${row.milestone.baselineDueOn !== row.milestone.dueOn ? ` (baseline ${short(row.milestone.baselineDueOn)})` : ''}`}</title>
                  </path>
                </g>
              )
            }
            if (!row.bar) return null
            const label = barLabel(row.task, row.bar)
            return (
              <a key={`b-${row.key}`} href={taskHref(row.task.id)} aria-label={label} data-testid="timeline-bar" data-task-id={row.task.id} data-tone={row.bar.tone} className="group outline-none">
                <title>{label}</title>
                <rect
                  x={row.bar.x + 1}
                  y={row.bar.y}
                  width={Math.max(row.bar.width - 2, 4)}
                  height={row.bar.height}
                  rx={4}
                  className={cn(toneFill[row.bar.tone], 'transition-opacity group-hover:opacity-80 group-focus-visible:stroke-ink group-focus-visible:stroke-2')}
                  fill={row.bar.tone === 'doneLate' ? 'url(#tl-hatch)' : undefined}
                />
              </a>
            )
          })}

          {/* dependency arrows */}
          <g fill="none" aria-hidden>
            {layout.arrows.map((a) => (
              <path
                key={a.key}
                d={a.d}
                strokeWidth={1.25}
                className={a.conflict ? 'stroke-danger' : 'stroke-ink-soft'}
                markerEnd={a.conflict ? 'url(#tl-arrow-conflict)' : 'url(#tl-arrow)'}
                data-testid="timeline-arrow"
                data-blocker-id={a.blockerId}
                data-blocked-id={a.blockedId}
              />
            ))}
          </g>

          {/* today */}
          {layout.today ? (
            <line x1={layout.today.x} x2={layout.today.x} y1={HEADER_HEIGHT} y2={height} className="stroke-danger" strokeWidth={1.5} aria-hidden data-testid="timeline-today" />
          ) : null}
          </svg>
          </div>
        </div>
      </TimelineScroller>
    </div>
  )
}
