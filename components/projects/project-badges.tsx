import { AlertTriangle, CheckCircle2, Clock } from 'lucide-react'
import { healthLabels, type ProjectHealth } from '@/lib/pm/project-health'
import { statusLabels, type ProjectStatus } from '@/lib/pm/projects.schema'
import { cn } from '@/components/ui/cn'

export const statusTone: Record<ProjectStatus, string> = {
  PLANNED: 'bg-sky-500/10 text-sky-700 dark:text-sky-300',
  ACTIVE: 'bg-accent/10 text-accent',
  ON_HOLD: 'bg-warning/10 text-warning',
  DONE: 'bg-success/10 text-success',
  CANCELLED: 'bg-muted text-ink-soft',
}

export function StatusBadge({ status, className }: { status: ProjectStatus; className?: string }) {
  return (
    <span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', statusTone[status], className)} data-testid="project-status">
      {statusLabels[status]}
    </span>
  )
}

const healthStyle: Record<ProjectHealth, { className: string; Icon: typeof Clock }> = {
  ON_TRACK: { className: 'bg-success/10 text-success', Icon: CheckCircle2 },
  AT_RISK: { className: 'bg-warning/10 text-warning', Icon: AlertTriangle },
  LATE: { className: 'bg-danger/10 text-danger', Icon: Clock },
}

/** The health with its reasons as a tooltip (and for screen readers). */
export function HealthBadge({ health, reasons = [], className, legend }: { health: ProjectHealth; reasons?: string[]; className?: string; legend?: boolean }) {
  const { className: style, Icon } = healthStyle[health]
  const why = reasons.join(' ')
  return (
    <span
      className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', style, className)}
      title={why || undefined}
      data-testid={legend ? undefined : 'project-health'}
      data-health={legend ? undefined : health}
    >
      <Icon className="size-3.5" aria-hidden />
      {healthLabels[health]}
      {why ? <span className="sr-only">: {why}</span> : null}
    </span>
  )
}

/** A thin progress bar with its figure ("7/12 tasks done"). */
export function ProgressBar({ done, total, percent, className, compact }: { done: number; total: number; percent: number; className?: string; compact?: boolean }) {
  const label = total === 0 ? 'No tasks yet' : `${done} of ${total} tasks done`
  return (
    <div className={cn('flex items-center gap-2', className)} data-testid="project-progress">
      <div
        className={cn('h-1.5 overflow-hidden rounded-full bg-muted', compact ? 'w-20' : 'w-full min-w-24')}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={label}
      >
        <div className={cn('h-full rounded-full', percent === 100 ? 'bg-success' : 'bg-accent')} style={{ width: `${percent}%` }} />
      </div>
      <span className="whitespace-nowrap text-xs tabular-nums text-ink-soft">{compact ? `${percent}%` : `${percent}% · ${done}/${total}`}</span>
    </div>
  )
}
