'use client'
import { Check } from 'lucide-react'
import { DropdownMenu } from 'radix-ui'
import { cn } from './cn'

/**
 * A card menu's "Move to" choices (stages of a deal, columns of a task): the current one
 * checked, picking another calls onMove. Inside a DropdownMenu.Content.
 */
export function MoveToItems({
  current,
  targets,
  onMove,
  itemClassName,
  checkClassName,
}: {
  current: string
  targets: { id: string; name: string }[]
  onMove: (targetId: string) => void
  itemClassName: string
  checkClassName: string
}) {
  return (
    <DropdownMenu.RadioGroup value={current} onValueChange={(id) => id !== current && onMove(id)}>
      {targets.map((target) => (
        <DropdownMenu.RadioItem key={target.id} value={target.id} className={itemClassName}>
          <span className={cn('inline-flex items-center justify-center', checkClassName)}>
            <DropdownMenu.ItemIndicator>
              <Check className={checkClassName} aria-hidden />
            </DropdownMenu.ItemIndicator>
          </span>
          {target.name}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  )
}
