'use client'
import Link from 'next/link'
import { useState, type ReactNode } from 'react'
import { BarChart3, Download, Table2 } from 'lucide-react'
import { Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { csvLines } from '@/lib/csv'
import { csvFigure, csvHeader, formatFigure, type FigureColumn, type FigureRow } from './figures'

type Props = {
  title: string
  description?: string
  columns: FigureColumn[]
  rows: FigureRow[]
  currency: string
  /** file name of the CSV export, without extension */
  csvName: string
  /** the chart (omit for a table-only card) */
  children?: ReactNode
  /** shown above the chart, e.g. headline numbers */
  summary?: ReactNode
  /** written rules or notes under the figures */
  footer?: ReactNode
  className?: string
  /** long lists (one row a person): the table shows this many rows until "Show all"; the CSV has them all */
  tableLimit?: number
}

/**
 * One dashboard figure: a chart with a switch to the same numbers as a table (always in the
 * page for screen readers), and a CSV download of exactly those numbers.
 */
export function ChartCard({ title, description, columns, rows, currency, csvName, children, summary, footer, className, tableLimit }: Props) {
  const [view, setView] = useState<'chart' | 'table'>(children ? 'chart' : 'table')
  const download = () => {
    const csv = `\uFEFF${csvLines([columns.map((c) => csvHeader(c, currency)), ...rows.map((r) => columns.map((c) => csvFigure(r[c.key] ?? null, c.kind, currency)))])}`
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = Object.assign(document.createElement('a'), { href: url, download: `${csvName}.csv` })
    link.click()
    URL.revokeObjectURL(url)
  }
  const toggle = 'inline-flex items-center gap-1 rounded px-2 py-1 text-xs'
  return (
    <Card className={cn('flex flex-col p-4', className)}>
      <section aria-label={title} className="flex flex-1 flex-col">
        <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="text-sm font-semibold text-ink">{title}</h2>
            {description ? <p className="mt-0.5 text-xs text-ink-soft">{description}</p> : null}
          </div>
          <div className="flex items-center gap-1">
            {children ? (
              <div className="flex rounded-md border border-line p-0.5" role="group" aria-label={`${title}: view`}>
                <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')} className={cn(toggle, view === 'chart' ? 'bg-muted text-ink' : 'text-ink-soft')}>
                  <BarChart3 className="size-3.5" aria-hidden /> Chart
                </button>
                <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')} className={cn(toggle, view === 'table' ? 'bg-muted text-ink' : 'text-ink-soft')}>
                  <Table2 className="size-3.5" aria-hidden /> Table
                </button>
              </div>
            ) : null}
            <button type="button" onClick={download} className={cn(toggle, 'border border-line text-ink-soft hover:text-ink')} aria-label={`Download ${title} as CSV`}>
              <Download className="size-3.5" aria-hidden /> CSV
            </button>
          </div>
        </div>
        {summary}
        {children && view === 'chart' ? <div aria-hidden>{children}</div> : null}
        <FigureTable caption={title} columns={columns} rows={rows} currency={currency} hidden={Boolean(children) && view === 'chart'} limit={tableLimit} />
        {footer ? <div className="mt-3 text-xs text-ink-soft">{footer}</div> : null}
      </section>
    </Card>
  )
}

function FigureTable({ caption, columns, rows: all, currency, hidden, limit }: { caption: string; columns: FigureColumn[]; rows: FigureRow[]; currency: string; hidden: boolean; limit?: number }) {
  const [expanded, setExpanded] = useState(false)
  const rows = limit === undefined || expanded ? all : all.slice(0, limit)
  return (
    <div className={hidden ? 'sr-only' : 'max-h-80 overflow-auto'}>
      <table className="figure-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface text-xs text-ink-soft">
          <tr>
            {columns.map((c, i) => (
              <th key={c.key} scope="col" className={cn('border-b border-line px-2 py-1.5 font-medium', i > 0 && c.kind !== 'text' && 'text-right')}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-4 text-center text-ink-soft">
                No data for these filters.
              </td>
            </tr>
          ) : (
            rows.map((row, r) => (
              <tr key={r}>
                {columns.map((c, i) => {
                  const text = formatFigure(row[c.key] ?? null, c.kind, currency)
                  const href = i === 0 ? row.href : c.hrefKey ? row[c.hrefKey] : null
                  const cell =
                    typeof href === 'string' && href ? (
                      <Link href={href} className="text-accent hover:underline">
                        {text}
                      </Link>
                    ) : (
                      text
                    )
                  return i === 0 ? (
                    <th key={c.key} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c.key} className={c.kind === 'text' ? 'text' : undefined}>
                      {cell}
                    </td>
                  )
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {rows.length < all.length ? (
        <button type="button" onClick={() => setExpanded(true)} className="mt-1 px-2 py-1 text-xs font-medium text-accent hover:underline">
          Show all {all.length} rows
        </button>
      ) : null}
    </div>
  )
}
