import type { HTMLAttributes } from 'react'
import { cn } from './cn'

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('rounded-lg border border-line bg-surface shadow-xs', className)} {...props} />
}

export function PageHeader({ title, description, actions, level = 1 }: { title: string; description?: string; actions?: React.ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <Heading className={level === 1 ? 'text-xl font-semibold text-ink' : 'text-lg font-semibold text-ink'}>{title}</Heading>
        {description ? <p className="mt-1 text-sm text-ink-soft">{description}</p> : null}
      </div>
      {actions}
    </div>
  )
}

export function Badge({ className, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={cn('inline-flex items-center rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-ink-soft', className)} {...props} />
}
