'use client'
import { Dialog as Radix } from 'radix-ui'
import { X } from 'lucide-react'
import type { ReactNode } from 'react'

/** A modal dialog (Radix: focus trap, Escape closes, labelled by its title). */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  trigger,
}: {
  open?: boolean
  onOpenChange?: (open: boolean) => void
  title: string
  description?: string
  children: ReactNode
  trigger?: ReactNode
}) {
  return (
    <Radix.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Radix.Trigger asChild>{trigger}</Radix.Trigger> : null}
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Radix.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-line bg-surface p-6 shadow-xl">
          <Radix.Title className="text-base font-semibold">{title}</Radix.Title>
          {description ? <Radix.Description className="mt-1 text-sm text-ink-soft">{description}</Radix.Description> : <Radix.Description className="sr-only">{title}</Radix.Description>}
          <div className="mt-4">{children}</div>
          <Radix.Close className="absolute right-3 top-3 rounded p-1 text-ink-soft hover:bg-muted" aria-label="Close">
            <X className="size-4" aria-hidden />
          </Radix.Close>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  )
}
