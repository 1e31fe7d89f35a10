import type { Day } from '@/lib/dates'
import { cn } from '@/components/ui/cn'
import { shortDay } from './day-text'

/** "Target Mar 14 · baseline Mar 7": the baseline only when the target moved, amber when later. */
export function GoLiveDates({ target, baseline, today, className, label = true, stacked = false }: { target: Day | null; baseline: Day | null; today: Day; className?: string; label?: boolean; stacked?: boolean }) {
  if (!target) return <span className={cn('text-ink-soft', className)}>No target</span>
  const slipped = baseline !== null && target > baseline
  const moved = baseline !== null && target !== baseline
  return (
    <span className={cn(stacked ? 'block' : 'whitespace-nowrap', className)} data-testid="go-live-dates">
      <span className={cn('whitespace-nowrap', slipped && 'font-medium text-warning')} title={slipped ? `Later than the baseline (the first target), ${shortDay(baseline!, today)}` : undefined}>
        {label ? 'Target ' : ''}
        <time dateTime={target}>{shortDay(target, today)}</time>
      </span>
      {moved ? (
        <span className={cn('whitespace-nowrap text-ink-soft', stacked && 'block text-xs')}>
          {stacked ? 'baseline ' : ' · baseline '}
          <time dateTime={baseline!}>{shortDay(baseline!, today)}</time>
        </span>
      ) : null}
    </span>
  )
}
