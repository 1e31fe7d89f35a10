import { OctagonAlert, SignalHigh, SignalLow, SignalMedium } from 'lucide-react'
import { priorityLabels, type TaskPriority } from '@/lib/pm/tasks.schema'
import { cn } from '@/components/ui/cn'

const icons = { URGENT: OctagonAlert, HIGH: SignalHigh, MEDIUM: SignalMedium, LOW: SignalLow } as const
const tones = { URGENT: 'text-danger', HIGH: 'text-warning', MEDIUM: 'text-ink', LOW: 'text-ink-soft' } as const

/** A task's priority as an icon with its name for screen readers; nothing for "No priority". */
export function PriorityIcon({ priority, className }: { priority: TaskPriority; className?: string }) {
  if (priority === 'NONE') return null
  const Icon = icons[priority]
  return (
    <span title={`${priorityLabels[priority]} priority`} className={cn('inline-flex shrink-0', tones[priority], className)} data-testid="priority">
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">{priorityLabels[priority]} priority</span>
    </span>
  )
}
