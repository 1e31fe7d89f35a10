'use client'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import Link from 'next/link'
import type { DealCard } from '@/lib/crm/board'
import { formatDay } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'

export function DealCardView({ orgSlug, card, today, overlay = false }: { orgSlug: string; card: DealCard; today: string; overlay?: boolean }) {
  const overdue = card.status === 'OPEN' && card.expectedCloseOn !== null && card.expectedCloseOn < today
  return (
    <article
      className={cn('rounded-md border border-line bg-surface p-2.5 text-sm shadow-xs', overlay && 'rotate-1 shadow-lg')}
      data-testid="deal-card"
      data-deal-id={card.id}
    >
      <Link href={`/${orgSlug}/deals/${card.id}`} className="font-medium leading-snug hover:underline" draggable={false}>
        {card.title}
      </Link>
      {card.companyName ? <p className="truncate text-xs text-ink-soft">{card.companyName}</p> : null}
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="font-medium tabular-nums">{formatMoney(card.amountMinor, card.currency)}</span>
        <div className="flex items-center gap-1.5">
          {card.expectedCloseOn ? (
            <time
              dateTime={card.expectedCloseOn}
              className={cn('text-xs', overdue ? 'font-medium text-danger' : 'text-ink-soft')}
              title={overdue ? 'Expected close date has passed' : 'Expected close date'}
            >
              {formatDay(card.expectedCloseOn, 'en-US', { day: 'numeric', month: 'short' })}
            </time>
          ) : null}
          <Avatar id={card.ownerId} name={card.ownerName} />
        </div>
      </div>
    </article>
  )
}

export function SortableDealCard({ orgSlug, card, disabled, today }: { orgSlug: string; card: DealCard; disabled: boolean; today: string }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled })
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn('rounded-md outline-offset-2', isDragging && 'opacity-40', !disabled && 'cursor-grab active:cursor-grabbing')}
      {...attributes}
      {...listeners}
      aria-roledescription={disabled ? undefined : 'draggable deal'}
      aria-label={`${card.title}${card.companyName ? `, ${card.companyName}` : ''}`}
    >
      <DealCardView orgSlug={orgSlug} card={card} today={today} />
    </div>
  )
}
