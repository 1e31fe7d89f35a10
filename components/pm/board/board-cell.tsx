'use client'
import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type { ReactNode } from 'react'
import type { TaskCard } from '@/lib/pm/board-query'
import { cn } from '@/components/ui/cn'
import { ReadOnlyTaskCard, SortableTaskCard, type CardActions } from './task-card'
import type { CardMenuProps } from './card-menu'

/** One column within one swimlane: a drop target holding its cards in order. */
export function BoardCell({
  id,
  label,
  columnName,
  cards,
  canEdit,
  showMilestone,
  actions,
  menuFor,
  menu,
  joined,
  footer,
  limit,
}: {
  id: string
  label: string
  columnName: string
  cards: TaskCard[]
  canEdit: boolean
  showMilestone: boolean
  actions: CardActions
  menuFor: string | null
  menu: CardMenuProps
  /** drawn as the body of the column box under its header (no swimlanes) */
  joined: boolean
  footer?: ReactNode
  /** how many cards to draw (the server draws the first few of each column; the browser the rest) */
  limit?: number
}) {
  const { setNodeRef, isOver } = useDroppable({ id })
  const drawn = limit === undefined ? cards : cards.slice(0, limit)
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      data-testid="board-column"
      data-column={columnName}
      className={cn(
        'flex w-68 shrink-0 flex-col gap-2 border border-line bg-muted/60 p-2 transition-colors',
        joined ? 'min-h-[50vh] rounded-b-lg border-t-0' : 'min-h-24 rounded-lg',
        isOver && 'bg-accent/5',
      )}
    >
      <SortableContext id={id} items={drawn.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        {drawn.map((card) => (
          canEdit ? (
            <SortableTaskCard key={card.id} card={card} showMilestone={showMilestone} actions={actions} menu={menuFor === card.id ? menu : null} />
          ) : (
            <ReadOnlyTaskCard key={card.id} card={card} showMilestone={showMilestone} actions={actions} />
          )
        ))}
      </SortableContext>
      {drawn.length < cards.length ? <p className="px-2 py-1 text-xs text-ink-soft">{cards.length - drawn.length} more…</p> : null}
      {cards.length === 0 && !footer ? <p className="px-2 py-4 text-center text-xs text-ink-soft">No tasks</p> : null}
      {footer}
    </section>
  )
}
