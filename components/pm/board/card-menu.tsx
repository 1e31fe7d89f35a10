'use client'
import { DropdownMenu } from 'radix-ui'
import { PanelRightOpen } from 'lucide-react'
import { forwardRef, type ButtonHTMLAttributes, type ReactElement } from 'react'
import type { TaskCard } from '@/lib/pm/board-query'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import { MoveToItems } from '@/components/ui/move-to-items'
import styles from './task-card.module.css'

export type CardMenuProps = {
  columns: { id: string; name: string }[]
  onMove: (taskId: string, columnId: string) => void
  onClose: (taskId: string) => void
}

/** The "…" button of a card; its keys and pointer never start a drag. */
export const MenuButton = forwardRef<HTMLButtonElement, { title: string; onClick?: () => void } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'>>(function MenuButton(
  { title, onClick, onPointerDown, onKeyDown, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={`Actions for ${title}`}
      aria-haspopup="menu"
      className={styles.menu}
      {...rest}
      onPointerDown={(e) => {
        e.stopPropagation()
        onPointerDown?.(e)
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        onKeyDown?.(e)
      }}
      onClick={(e) => {
        e.stopPropagation()
        onClick?.()
      }}
    >
      <SpriteIcon name="menu" className={styles.menuIcon} />
    </button>
  )
})

const item = 'flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted'

/**
 * A card's menu: open it, or move it to another column without dragging (keyboard users,
 * WCAG 2.5.7). Rendered only for the card whose menu is open, so 300 cards cost 300 buttons.
 */
export function CardMenu({ card, columns, onMove, onClose, open, children }: CardMenuProps & { card: TaskCard; open: (taskId: string) => void; children: ReactElement }) {
  return (
    <DropdownMenu.Root defaultOpen onOpenChange={(next) => (next ? undefined : onClose(card.id))}>
      <DropdownMenu.Trigger asChild>{children}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-48 rounded-md border border-line bg-surface p-1 shadow-lg"
          onPointerDown={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onClick={(e) => e.stopPropagation()}
        >
          <DropdownMenu.Item className={item} onSelect={() => open(card.id)}>
            <PanelRightOpen className="size-4 text-ink-soft" aria-hidden /> Open task
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-ink-soft">Move to</DropdownMenu.Label>
          <MoveToItems current={card.columnId} targets={columns} onMove={(columnId) => onMove(card.id, columnId)} itemClassName={item} checkClassName="size-4" />
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
