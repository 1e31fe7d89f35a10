'use client'
import { ChevronRight } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { cn } from '@/components/ui/cn'

/** A milestone in the task table: a header row whose button folds its rows (their own tbody) away. */
export function CollapsibleGroup({ id, header, columns, children }: { id: string; header: ReactNode; columns: number; children: ReactNode }) {
  const [open, setOpen] = useState(true)
  return (
    <>
      <tbody className="border-t border-line">
        <tr className="bg-muted/60">
          <th scope="colgroup" colSpan={columns} className="px-3 py-2 text-left font-normal">
            <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} className="flex w-full items-center gap-2 rounded text-sm text-ink">
              <ChevronRight className={cn('size-4 shrink-0 text-ink-soft transition-transform', open && 'rotate-90')} aria-hidden />
              {header}
            </button>
          </th>
        </tr>
      </tbody>
      <tbody id={id} hidden={!open} className="divide-y divide-line">
        {children}
      </tbody>
    </>
  )
}
