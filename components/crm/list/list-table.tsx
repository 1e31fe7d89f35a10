import Link from 'next/link'
import type { ReactNode } from 'react'
import { ArrowDown, ArrowUp } from 'lucide-react'
import { cn } from '@/components/ui/cn'
import { PageCheckbox, RowCheckbox } from './list-selection'

export type TableColumn = {
  key: string
  label: string
  align?: 'right'
  /** where a click on the header goes (sorting by this column, or flipping the direction) */
  sortHref?: string
  sorted?: 'asc' | 'desc'
}

/**
 * A list's table, rendered on the server: headers sort through links (so sorting is a URL),
 * cells come from `cell`; with `selectable`, each row gets a checkbox for the bulk actions.
 */
export function ListTable<Row extends { id: string }>({
  columns,
  rows,
  cell,
  rowLabel,
  selectable,
  empty,
}: {
  columns: TableColumn[]
  rows: Row[]
  cell: (row: Row, key: string) => ReactNode
  rowLabel: (row: Row) => string
  selectable: boolean
  empty: ReactNode
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="list-table w-full text-left text-sm" data-testid="list-table">
        <thead className="border-b border-line bg-muted/50 text-xs font-medium uppercase tracking-wide text-ink-soft">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 px-3 py-2">
                <PageCheckbox />
              </th>
            ) : null}
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cn('whitespace-nowrap px-3 py-2', c.align === 'right' && 'text-right')}
                aria-sort={c.sorted === 'asc' ? 'ascending' : c.sorted === 'desc' ? 'descending' : undefined}
              >
                {c.sortHref ? (
                  <Link href={c.sortHref} scroll={false} className={cn('inline-flex items-center gap-1 hover:text-ink', c.sorted && 'text-ink')}>
                    {c.label}
                    {c.sorted === 'asc' ? <ArrowUp className="size-3" aria-hidden /> : c.sorted === 'desc' ? <ArrowDown className="size-3" aria-hidden /> : null}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0)} className="px-3 py-10 text-center text-ink-soft">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="hover:bg-muted/40" data-testid="list-row">
                {selectable ? (
                  <td className="w-10">
                    <RowCheckbox id={row.id} label={rowLabel(row)} />
                  </td>
                ) : null}
                {columns.map((c) => (
                  <td key={c.key} className={c.align === 'right' ? 'text-right tabular-nums' : undefined}>
                    {cell(row, c.key)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
