'use client'
import { DropdownMenu } from 'radix-ui'
import { ArrowLeft, ArrowRight, Pencil, Plus, Trash2 } from 'lucide-react'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import type { BoardColumnDto } from '@/lib/pm/board-query'
import { columnKindLabels } from '@/lib/pm/columns.schema'
import { cn } from '@/components/ui/cn'

export const kindAccent = { TODO: 'border-t-ink-soft/40', DOING: 'border-t-accent', BLOCKED: 'border-t-warning', DONE: 'border-t-success' } as const

const item = 'flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted data-[disabled]:text-ink-soft/50'

export type ColumnCommand = 'rename' | 'add' | 'delete' | 'left' | 'right'

/** A column's name, task count and menu (rename, add a column, move left/right, delete). */
export function ColumnHeader({
  column,
  count,
  first,
  last,
  canEdit,
  onCommand,
  joined,
}: {
  column: BoardColumnDto
  count: number
  first: boolean
  last: boolean
  canEdit: boolean
  onCommand: (command: ColumnCommand) => void
  /** drawn as the top of the column box (no swimlanes) */
  joined: boolean
}) {
  return (
    <header
      className={cn('flex w-68 shrink-0 items-center gap-2 border border-t-4 border-line bg-muted/60 px-3 py-2', joined ? 'rounded-t-lg border-b-0' : 'rounded-lg', kindAccent[column.kind])}
      data-testid="column-header"
      data-column={column.name}
    >
      <h2 className="min-w-0 truncate text-sm font-semibold" title={`${column.name} · ${columnKindLabels[column.kind]}`}>
        {column.name}
      </h2>
      <span className="rounded-full bg-surface px-1.5 text-xs tabular-nums text-ink-soft" data-testid="column-count" aria-label={`${count} ${count === 1 ? 'task' : 'tasks'}`}>
        {count}
      </span>
      {canEdit ? (
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="ml-auto rounded p-0.5 text-ink-soft hover:bg-surface hover:text-ink" aria-label={`Column ${column.name} options`}>
            <SpriteIcon name="menu" className="size-4" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-md border border-line bg-surface p-1 shadow-lg">
              <DropdownMenu.Item className={item} onSelect={() => onCommand('rename')}>
                <Pencil className="size-4 text-ink-soft" aria-hidden /> Rename…
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} onSelect={() => onCommand('add')}>
                <Plus className="size-4 text-ink-soft" aria-hidden /> Add column to the right…
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} disabled={first} onSelect={() => onCommand('left')}>
                <ArrowLeft className="size-4 text-ink-soft" aria-hidden /> Move left
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} disabled={last} onSelect={() => onCommand('right')}>
                <ArrowRight className="size-4 text-ink-soft" aria-hidden /> Move right
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="my-1 h-px bg-line" />
              <DropdownMenu.Item className={cn(item, 'text-danger')} onSelect={() => onCommand('delete')}>
                <Trash2 className="size-4" aria-hidden /> Delete…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : null}
    </header>
  )
}
