'use client'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import Link from 'next/link'
import { DropdownMenu } from 'radix-ui'
import { forwardRef, type ButtonHTMLAttributes } from 'react'
import type { DealCard } from '@/lib/crm/board'
import { formatDay } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import { Avatar } from '@/components/ui/avatar'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import { cn } from '@/components/ui/cn'
import { MoveToItems } from '@/components/ui/move-to-items'
import styles from './deal-card.module.css'

/** The board's "Move to" menus: one is mounted at a time, for the card in `openFor`. */
export type MoveMenu = {
  stages: { id: string; name: string }[]
  onMove: (dealId: string, stageId: string) => void
  openFor: string | null
  open: (dealId: string) => void
  close: (dealId: string) => void
}

export function DealCardView({ orgSlug, card, today, overlay = false, move }: { orgSlug: string; card: DealCard; today: string; overlay?: boolean; move?: MoveMenu }) {
  const overdue = card.status === 'OPEN' && card.expectedCloseOn !== null && card.expectedCloseOn < today
  return (
    <article
      className={cn(styles.card, overlay && styles.overlay)}
      data-testid="deal-card"
      data-deal-id={card.id}
    >
      <Link href={`/${orgSlug}/deals/${card.id}`} className={styles.title} draggable={false}>
        {card.title}
      </Link>
      {card.companyName ? <p className={styles.company}>{card.companyName}</p> : null}
      {card.project ? <ProjectBadge orgSlug={orgSlug} project={card.project} /> : null}
      <div className={styles.meta}>
        <span className={styles.amount} suppressHydrationWarning>{formatMoney(card.amountMinor, card.currency)}</span>
        <div className={styles.right}>
          {card.expectedCloseOn ? (
            <time
              dateTime={card.expectedCloseOn}
              className={cn(styles.date, overdue && styles.late)}
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

const projectTone: Record<string, string> = {
  PLANNED: 'bg-muted text-ink-soft',
  ACTIVE: 'bg-accent/10 text-accent',
  ON_HOLD: 'bg-warning/15 text-warning',
  DONE: 'bg-success/15 text-success',
  CANCELLED: 'bg-muted text-ink-soft line-through',
}
const projectLabel: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', ON_HOLD: 'On hold', DONE: 'Live', CANCELLED: 'Cancelled' }

/** A won deal's onboarding project at a glance, linking to it. */
function ProjectBadge({ orgSlug, project }: { orgSlug: string; project: NonNullable<DealCard['project']> }) {
  return (
    <Link
      href={`/${orgSlug}/projects/${project.id}`}
      draggable={false}
      className={cn('mt-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium hover:underline', projectTone[project.status])}
      data-testid="project-badge"
      title="The onboarding project built from this deal"
    >
      <SpriteIcon name="project" className="size-3" /> Project: {projectLabel[project.status] ?? project.status}
    </Link>
  )
}

const MoveButton = forwardRef<HTMLButtonElement, { title: string } & ButtonHTMLAttributes<HTMLButtonElement>>(function MoveButton({ title, ...rest }, ref) {
  return (
    <button ref={ref} type="button" aria-label={`Move ${title} to stage`} aria-haspopup="menu" className={styles.moveButton} {...rest}>
      Move to <SpriteIcon name="chevron" className={styles.i} />
    </button>
  )
})

/**
 * A menu that moves the card without dragging (Enter opens it, arrows or the first letters
 * pick a stage); its keys never start a keyboard drag. Until it is opened the card carries a
 * plain button: the menu (a dozen components) is mounted only for the card whose menu is open,
 * so a board of hundreds of cards stays cheap to render.
 */
function MoveToStage({ card, stages, onMove, openFor, open, close }: { card: DealCard } & MoveMenu) {
  return (
    <div className={styles.move} onKeyDown={(e) => e.stopPropagation()} onPointerDown={(e) => e.stopPropagation()}>
      {openFor !== card.id ? (
        <MoveButton title={card.title} onClick={() => open(card.id)} />
      ) : (
        <DropdownMenu.Root modal={false} defaultOpen onOpenChange={(next) => (next ? undefined : close(card.id))}>
          <DropdownMenu.Trigger asChild>
            <MoveButton title={card.title} />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-md border border-line bg-surface p-1 text-sm shadow-lg">
              <MoveToItems
                current={card.stageId}
                targets={stages}
                onMove={(stageId) => onMove(card.id, stageId)}
                itemClassName="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-muted data-[state=checked]:font-medium"
                checkClassName="size-3"
              />
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
    </div>
  )
}

export function SortableDealCard({ orgSlug, card, disabled, today, move }: { orgSlug: string; card: DealCard; disabled: boolean; today: string; move: MoveMenu }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled })
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(styles.wrap, isDragging && styles.lifted, !disabled && styles.drag)}
      {...attributes}
      {...listeners}
      aria-roledescription={disabled ? undefined : 'draggable deal'}
      aria-label={`${card.title}${card.companyName ? `, ${card.companyName}` : ''}`}
    >
      <DealCardView orgSlug={orgSlug} card={card} today={today} move={disabled ? undefined : move} />
    </div>
  )
}
