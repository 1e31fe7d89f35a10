'use client'
import { useMemo } from 'react'
import { fromJsonProp, type JsonProp } from '@/components/ui/json-prop'
import { listCells, type CellContext, type ListEntity, type ListRowOf } from './cells'
import { RowCheckbox } from './list-selection'

/** The table's rows, drawn from the page's data (one JSON string) with the list's cells. */
export function ListRows<E extends ListEntity>({
  entity,
  rows,
  columns,
  context,
  selectable,
}: {
  entity: E
  rows: JsonProp<ListRowOf[E][]>
  columns: { key: string; align?: 'right' }[]
  context: CellContext
  selectable: boolean
}) {
  const data = useMemo(() => fromJsonProp(rows), [rows])
  const { cell: cellOf, label } = listCells[entity]
  const cell = useMemo(() => cellOf(context), [cellOf, context])
  return (
    <tbody className="divide-y divide-line">
      {data.map((row) => (
        <tr key={row.id} className="hover:bg-muted/40" data-testid="list-row">
          {selectable ? (
            <td className="w-10">
              <RowCheckbox id={row.id} label={label(row)} />
            </td>
          ) : null}
          {columns.map((c) => (
            <td key={c.key} className={c.align === 'right' ? 'text-right tabular-nums' : undefined}>
              {cell(row, c.key)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  )
}
