import type { ComponentProps, ReactNode } from 'react'
import { toJsonProp } from '@/components/ui/json-prop'
import { listHref, pageLinks, type ColumnDef, type ListParams, type SearchParams } from '@/lib/crm/list-params'
import { BulkBar } from './bulk-bar'
import type { CellContext, ListEntity, ListRowOf } from './cells'
import { SelectionProvider } from './list-selection'
import { ListPagination } from './list-pagination'
import { ListTable, type TableColumn } from './list-table'
import { ListToolbar, type FilterConfig } from './list-toolbar'

type Page<Row> = {
  rows: Row[]
  from: number
  total: { value: number; kind: 'exact' | 'about' | 'atLeast' }
  prevCursor: string | null
  nextCursor: string | null
}

/**
 * A CRM list: toolbar (search, filters, trash, columns, export), bulk actions on the selected
 * rows, the sortable table and the pages. Everything it shows comes from the URL.
 */
export function ListView<E extends ListEntity>({
  entity,
  context,
  pathname,
  search,
  columns,
  params,
  page,
  searchLabel,
  filters,
  bulk,
  empty,
}: {
  /** which list: its cells and row names (cells.tsx) */
  entity: E
  context: CellContext
  pathname: string
  search: SearchParams
  columns: readonly ColumnDef[]
  params: ListParams
  page: Page<ListRowOf[E]>
  searchLabel: string
  filters: FilterConfig[]
  /** the bulk actions the viewer may use; null for read-only roles */
  bulk: Omit<ComponentProps<typeof BulkBar>, 'trash'> | null
  empty: ReactNode
}) {
  const visible = columns.filter((c) => params.cols.includes(c.key))
  const tableColumns: TableColumn[] = visible.map((c) => {
    const sorted = params.sort === c.key ? params.dir : undefined
    return {
      key: c.key,
      label: c.label,
      align: c.align,
      sorted,
      sortHref: c.sortable ? listHref(pathname, search, { sort: c.key, dir: sorted === 'asc' ? 'desc' : sorted === 'desc' ? 'asc' : 'asc' }) : undefined,
    }
  })
  const links = pageLinks(pathname, search, { from: page.from, count: page.rows.length, size: params.size, prevCursor: page.prevCursor, nextCursor: page.nextCursor })
  return (
    <>
      <ListToolbar searchLabel={searchLabel} filters={filters} columns={columns.map((c) => ({ key: c.key, label: c.label, fixed: c.fixed }))} visible={params.cols} />
      {params.trash ? (
        <p className="mb-2 rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger" role="note">
          You are looking at the trash: deleted records, hidden from the list.{bulk ? ' Select some to restore them.' : ''}
        </p>
      ) : null}
      <SelectionProvider key={`${params.trash}-${page.from}-${page.rows.map((r) => r.id).join(',')}`} pageIds={page.rows.map((r) => r.id)}>
        {bulk ? <BulkBar {...bulk} trash={params.trash} /> : null}
        <ListTable columns={tableColumns} entity={entity} rows={toJsonProp(page.rows)} count={page.rows.length} context={context} selectable={bulk !== null} empty={empty} />
      </SelectionProvider>
      <ListPagination page={{ from: page.from, count: page.rows.length, total: page.total, links }} />
    </>
  )
}
