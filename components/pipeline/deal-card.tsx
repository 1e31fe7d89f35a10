'use client'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import Link from 'next/link'
import type { DealCard } from '@/lib/crm/board'
import { formatDay } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'

type MoveMenu = { stages: { id: string; name: string }[]; onMove: (dealId: string, stageId: string) => void }

export function DealCardView({ orgSlug, card, today, overlay = false, move }: { orgSlug: string; card: DealCard; today: string; overlay?: boolean; move?: MoveMenu }) {
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
        <span className="font-medium tabular-nums" suppressHydrationWarning>{formatMoney(card.amountMinor, card.currency)}</span>
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
      {move ? <MoveToStage card={card} {...move} /> : null}
    </article>
  )
}

/** A select that moves the card without dragging; its keys never start a keyboard drag. */
function MoveToStage({ card, stages, onMove }: { card: DealCard } & MoveMenu) {
  return (
    <label className="mt-2 flex items-center gap-1.5 text-xs text-ink-soft" onKeyDown={(e) => e.stopPropagation()} onPointerDown={(e) => e.stopPropagation()}>
      <span>Move to</span>
      <select
        aria-label={`Move ${card.title} to stage`}
        value={card.stageId}
        onChange={(e) => onMove(card.id, e.target.value)}
        className="min-w-0 flex-1 rounded border border-line bg-surface px-1 py-0.5 text-xs"
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  )
}

export function SortableDealCard({ orgSlug, card, disabled, today, stages, onMove }: { orgSlug: string; card: DealCard; disabled: boolean; today: string } & MoveMenu) {
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
      <DealCardView orgSlug={orgSlug} card={card} today={today} move={disabled ? undefined : { stages, onMove }} />
    </div>
  )
}
