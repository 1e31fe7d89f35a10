import Link from 'next/link'
import type { ReactNode } from 'react'
import { ArrowDown, ArrowUp } from 'lucide-react'
import { cn } from '@/components/ui/cn'
import type { JsonProp } from '@/components/ui/json-prop'
import type { CellContext, ListEntity, ListRowOf } from './cells'
import { ListRows } from './list-rows'
import { PageCheckbox } from './list-selection'

export type TableColumn = {
  key: string
  label: string
  align?: 'right'
  /** where a click on the header goes (sorting by this column, or flipping the direction) */
  sortHref?: string
  sorted?: 'asc' | 'desc'
}

/**
 * A list's table: headers sort through links (so sorting is a URL); the rows are drawn from
 * their data by ListRows with the list's cells; with `selectable`, each row gets a checkbox for
 * the bulk actions.
 */
export function ListTable<E extends ListEntity>({
  columns,
  entity,
  rows,
  count,
  context,
  selectable,
  empty,
}: {
  columns: TableColumn[]
  entity: E
  rows: JsonProp<ListRowOf[E][]>
  count: number
  context: CellContext
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
        {count === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0)} className="px-3 py-10 text-center text-ink-soft">
                {empty}
              </td>
            </tr>
          </tbody>
        ) : (
          <ListRows entity={entity} rows={rows} columns={columns.map((c) => ({ key: c.key, align: c.align }))} context={context} selectable={selectable} />
        )}
      </table>
    </div>
  )
}
