'use client'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useState } from 'react'
import type { ColumnTotals, DealCard } from '@/lib/crm/board'
import type { StageDto } from '@/lib/crm/pipelines'
import { formatMoney } from '@/lib/money'
import { cn } from '@/components/ui/cn'
import { SortableDealCard, type MoveMenu } from './deal-card'

const kindAccent = { OPEN: 'border-t-accent/60', WON: 'border-t-success', LOST: 'border-t-danger' } as const

function Money({ amounts, field, currency }: { amounts: ColumnTotals['amounts']; field: 'amountMinor' | 'weightedMinor'; currency: string }) {
  if (amounts.length === 0) return <>{formatMoney(0, currency, { compact: true })}</>
  return <>{amounts.map((a) => formatMoney(a[field], a.currency, { compact: true })).join(' + ')}</>
}

export function BoardColumn({
  orgSlug,
  stage,
  cards,
  totals,
  hasMore,
  onLoadMore,
  canEdit,
  today,
  move,
  currency,
  limit,
}: {
  orgSlug: string
  stage: StageDto
  cards: DealCard[]
  totals: ColumnTotals
  hasMore: boolean
  onLoadMore: () => Promise<void>
  canEdit: (card: DealCard) => boolean
  today: string
  move: MoveMenu
  currency: string
  /** render only the first cards (the server's HTML); all of them once hydrated */
  limit?: number
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id })
  const shown = limit === undefined ? cards : cards.slice(0, limit)
  const [loading, setLoading] = useState(false)
  return (
    <section
      aria-label={`${stage.name}: ${totals.count} deals`}
      data-testid="board-column"
      data-stage={stage.name}
      className={cn('flex w-72 shrink-0 flex-col rounded-lg border border-t-4 border-line bg-muted/60', kindAccent[stage.kind])}
    >
      <header className="px-3 pb-2 pt-2.5">
        <div className="flex items-baseline justify-between gap-2">
          <h2 className="truncate text-sm font-semibold">{stage.name}</h2>
          <span className="text-xs text-ink-soft" data-testid="column-count">
            {totals.count} {totals.count === 1 ? 'deal' : 'deals'}
          </span>
        </div>
        <p className="mt-0.5 text-xs text-ink-soft">
          {/* Intl output can differ by a space between Node's ICU and the browser's. */}
          <span className="font-medium text-ink" data-testid="column-amount" suppressHydrationWarning>
            <Money amounts={totals.amounts} field="amountMinor" currency={currency} />
          </span>
          {stage.kind === 'OPEN' ? (
            <>
              {' · '}
              <span title={`Weighted by probability (stage default ${stage.probability}%)`} data-testid="column-weighted" suppressHydrationWarning>
                <Money amounts={totals.amounts} field="weightedMinor" currency={currency} /> weighted
              </span>
            </>
          ) : null}
        </p>
      </header>
      <div ref={setNodeRef} className={cn('flex flex-1 flex-col gap-2 px-2 pb-2', isOver && 'bg-accent/5')}>
        <SortableContext id={stage.id} items={shown.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          {shown.map((card) => (
            <SortableDealCard key={card.id} orgSlug={orgSlug} card={card} disabled={!canEdit(card)} today={today} move={move} />
          ))}
        </SortableContext>
        {cards.length === 0 ? <p className="px-2 py-6 text-center text-xs text-ink-soft">No deals</p> : null}
        {hasMore ? (
          <button
            type="button"
            disabled={loading}
            onClick={async () => {
              setLoading(true)
              await onLoadMore()
              setLoading(false)
            }}
            className="rounded-md py-1.5 text-xs font-medium text-accent hover:bg-surface disabled:text-ink-soft"
          >
            {loading ? 'Loading…' : `Load more (${totals.count - cards.length} more)`}
          </button>
        ) : null}
      </div>
    </section>
  )
}
