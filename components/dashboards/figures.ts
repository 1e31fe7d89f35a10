// What a dashboard card shows, as plain data: columns with a kind that says how to format them,
// and rows. The same rows feed the chart, the table view and the CSV export.
import { formatMoney, minorToDecimal } from '@/lib/money'
import { numberFormat, dateTimeFormat } from '@/lib/intl-cache'

/**
 * money: minor units (a number; sums stay far below 2^53), in the card's currency
 * ratio: 0..1, shown as a percent; days / hours / count: numbers; month: 'YYYY-MM'; text: as is
 */
export type FigureKind = 'text' | 'month' | 'money' | 'count' | 'ratio' | 'days' | 'hours'
/** `hrefKey`: the row field holding this cell's link (the first cell links to the row's `href`) */
export type FigureColumn = { key: string; label: string; kind: FigureKind; hrefKey?: string }
export type FigureValue = string | number | null
/** A row may carry `href` (where clicking its bar or its first cell goes). */
export type FigureRow = Record<string, FigureValue> & { href?: string | null }

const monthLabel = (month: string, style: 'short' | 'long' = 'short') =>
  dateTimeFormat('en-US', { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))

export function formatFigure(value: FigureValue, kind: FigureKind, currency: string, { compact = false } = {}): string {
  if (value === null || value === undefined || value === '') return '—'
  switch (kind) {
    case 'money':
      return formatMoney(Math.round(Number(value)), currency, { compact })
    case 'ratio':
      return numberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(Number(value))
    case 'days':
      return `${numberFormat('en-US', { maximumFractionDigits: 1 }).format(Number(value))} d`
    case 'hours':
      return `${numberFormat('en-US', { maximumFractionDigits: 1 }).format(Number(value))} h`
    case 'count':
      return numberFormat('en-US', compact ? { notation: 'compact' } : {}).format(Number(value))
    case 'month':
      return monthLabel(String(value))
    default:
      return String(value)
  }
}

/** A CSV cell: machine-readable (money as a decimal in major units, ratios as percents). */
export function csvFigure(value: FigureValue, kind: FigureKind, currency: string): string {
  if (value === null || value === undefined) return ''
  switch (kind) {
    case 'money':
      return minorToDecimal(Math.round(Number(value)), currency)
    case 'ratio':
      return (Number(value) * 100).toFixed(1)
    default:
      return String(value)
  }
}

export function csvHeader(column: FigureColumn, currency: string): string {
  if (column.kind === 'money') return `${column.label} (${currency})`
  if (column.kind === 'ratio') return `${column.label} (%)`
  if (column.kind === 'days') return `${column.label} (days)`
  if (column.kind === 'hours') return `${column.label} (hours)`
  return column.label
}
