'use client'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { memo, type KeyboardEvent, type MouseEvent } from 'react'
import type { TaskCard } from '@/lib/pm/board-query'
import { formatDay } from '@/lib/dates'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'
import { priorityLabels } from '@/lib/pm/tasks.schema'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import styles from './task-card.module.css'
import { CardMenu, MenuButton, type CardMenuProps } from './card-menu'

export type CardActions = {
  open: (taskId: string) => void
  /** opens the card's "…" menu (only one card renders a menu at a time) */
  openMenu: (taskId: string) => void
}

const shortDay = (day: string) => formatDay(day, 'en-US', { day: 'numeric', month: 'short' })

/** What a card shows: title, priority, milestone, blocked badge, due date, checklist, comments, assignee. */
export function TaskCardView({ card, showMilestone, actions, menu, overlay = false }: { card: TaskCard; showMilestone: boolean; actions?: CardActions; menu?: CardMenuProps | null; overlay?: boolean }) {
  const blocked = card.blocked && !card.done
  const checklistDone = card.checklist.total > 0 && card.checklist.done === card.checklist.total
  return (
    <article
      className={cn(styles.card, overlay && styles.overlay, card.done && styles.doneCard)}
      data-testid="task-card"
      data-task-id={card.id}
      data-blocked={blocked || undefined}
      data-overdue={card.overdue || undefined}
    >
      <div className={styles.head}>
        {card.done ? (
          <SpriteIcon name="done" className={cn(styles.lead, styles.check)} />
        ) : card.priority !== 'NONE' ? (
          <span title={`${priorityLabels[card.priority]} priority`} className={cn(styles.lead, styles[card.priority])} data-testid="priority">
            <SpriteIcon name={card.priority} className={styles.lead} />
          </span>
        ) : null}
        <a
          href={`?task=${card.id}`}
          tabIndex={-1}
          draggable={false}
          onClick={(e: MouseEvent) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey) return
            e.preventDefault()
            actions?.open(card.id)
          }}
          className={cn(styles.title, card.done && styles.doneTitle)}
        >
          {card.title}
        </a>
        {actions && menu !== undefined ? (
          menu ? (
            <CardMenu card={card} {...menu} open={actions.open}>
              <MenuButton title={card.title} />
            </CardMenu>
          ) : (
            <MenuButton title={card.title} onClick={() => actions.openMenu(card.id)} />
          )
        ) : null}
      </div>
      {showMilestone && card.milestone ? (
        <p className={styles.chip} title="Milestone">
          <span>{card.milestone.name}</span>
        </p>
      ) : null}
      <div className={styles.meta}>
        {blocked ? (
          <span className={styles.blocked} data-testid="blocked-badge">
            <SpriteIcon name="lock" className={styles.i} /> Blocked
          </span>
        ) : null}
        {card.dueOn ? (
          <span className={cn(styles.item, card.overdue && styles.late)} title={card.overdue ? 'Overdue' : 'Due date'} data-testid="due">
            <SpriteIcon name="calendar" className={styles.i} />
            <time dateTime={card.dueOn}>{shortDay(card.dueOn)}</time>
            {card.overdue ? <span className="sr-only">(overdue)</span> : null}
          </span>
        ) : null}
        {card.checklist.total > 0 ? (
          <span className={cn(styles.item, checklistDone && styles.complete)} title="Checklist" data-testid="checklist-progress">
            <SpriteIcon name="checklist" className={styles.i} />
            {`${card.checklist.done}/${card.checklist.total}`}
          </span>
        ) : null}
        {card.comments > 0 ? (
          <span className={styles.item} title={`${card.comments} ${card.comments === 1 ? 'comment' : 'comments'}`}>
            <SpriteIcon name="comment" className={styles.i} />
            {card.comments}
          </span>
        ) : null}
        {card.assignee ? (
          <span className={styles.who}>
            <Avatar id={card.assignee.id} name={card.assignee.name} className={styles.avatar} />
          </span>
        ) : null}
      </div>
    </article>
  )
}

/** Enter on the card itself opens it; clicks anywhere but its link and buttons too. */
function openHandlers(card: TaskCard, actions: CardActions) {
  return {
    onKeyDownOpen: (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key === 'Enter' && e.target === e.currentTarget) {
        e.preventDefault()
        actions.open(card.id)
        return true
      }
      return false
    },
    onClick: (e: MouseEvent<HTMLDivElement>) => {
      // Clicks in the card's menu (a portal) bubble here through React: only the card itself opens it.
      const target = e.target as HTMLElement
      if (!e.currentTarget.contains(target) || target.closest('a,button')) return
      actions.open(card.id)
    },
  }
}

const cardLabel = (card: TaskCard) => `${card.title}${card.blocked && !card.done ? ', blocked' : ''}${card.overdue ? ', overdue' : ''}`

/** A card for someone who follows the project without changing it: opens, never drags. */
export const ReadOnlyTaskCard = memo(function ReadOnlyTaskCard({ card, showMilestone, actions }: { card: TaskCard; showMilestone: boolean; actions: CardActions }) {
  const { onKeyDownOpen, onClick } = openHandlers(card, actions)
  return (
    <div role="button" tabIndex={0} className={styles.wrap} onKeyDown={onKeyDownOpen} onClick={onClick} aria-label={cardLabel(card)}>
      <TaskCardView card={card} showMilestone={showMilestone} actions={actions} />
    </div>
  )
})

/**
 * A draggable card (dnd-kit: pointer, or Space then arrow keys). Enter or a click opens the
 * task; the "…" button holds "Move to" for anyone who cannot drag.
 */
export const SortableTaskCard = memo(function SortableTaskCard({
  card,
  showMilestone,
  actions,
  menu,
}: {
  card: TaskCard
  showMilestone: boolean
  actions: CardActions
  /** null: a closed menu */
  menu: CardMenuProps | null
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id })
  const { onKeyDownOpen, onClick } = openHandlers(card, actions)
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(styles.wrap, styles.drag, isDragging && styles.lifted)}
      {...attributes}
      {...listeners}
      onKeyDown={(e) => {
        if (!onKeyDownOpen(e)) listeners?.onKeyDown?.(e)
      }}
      onClick={onClick}
      aria-roledescription="draggable task"
      aria-label={cardLabel(card)}
    >
      <TaskCardView card={card} showMilestone={showMilestone} actions={actions} menu={menu} />
    </div>
  )
})
