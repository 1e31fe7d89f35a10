'use client'
import { useRouter } from 'next/navigation'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatFigure, type FigureKind, type FigureRow } from './figures'

export type Series = {
  key: string
  label: string
  /** bars stack when they share a stack name; lines never stack */
  type?: 'bar' | 'line'
  stack?: string
  /** 1..8: the theme's chart colours (light and dark) */
  color?: number
}

type Props = {
  rows: FigureRow[]
  /** the category axis (e.g. 'month', 'owner') */
  x: string
  xKind?: FigureKind
  series: Series[]
  /** how the values read (all series share one axis) */
  kind: FigureKind
  currency: string
  /** bars run sideways, categories down the side (long names: owners, reasons) */
  horizontal?: boolean
  height?: number
}

const color = (n: number) => `var(--color-chart-${((n - 1) % 8) + 1})`

/**
 * Bars and lines over one category axis, in the theme's colours, with a tooltip and a legend.
 * Clicking a category whose row has an `href` opens the records behind it.
 */
export function FigureChart({ rows, x, xKind = 'text', series, kind, currency, horizontal = false, height }: Props) {
  const router = useRouter()
  const tick = { fill: 'var(--color-ink-soft)', fontSize: 12 }
  const value = (v: unknown) => formatFigure(v as number, kind, currency, { compact: true })
  const category = (v: unknown) => formatFigure(v as string, xKind, currency)
  // long names (projects, people) are cut on the axis; the tooltip and the table show them whole
  const short = (v: unknown) => {
    const text = category(v)
    return text.length > 22 ? `${text.slice(0, 21)}…` : text
  }
  const open = (index: number | undefined) => {
    const href = index === undefined ? null : rows[index]?.href
    if (href) router.push(href)
  }
  const categoryAxis = horizontal ? (
    <YAxis type="category" dataKey={x} tickFormatter={short} tick={tick} width={140} interval={0} />
  ) : (
    <XAxis dataKey={x} tickFormatter={category} tick={tick} />
  )
  const valueAxis = horizontal ? <XAxis type="number" tickFormatter={value} tick={tick} /> : <YAxis tickFormatter={value} tick={tick} width={64} />
  return (
    <div style={{ height: height ?? (horizontal ? Math.max(160, rows.length * 32 + 60) : 280) }} className="w-full">
      <ResponsiveContainer>
        <ComposedChart
          data={rows}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          onClick={(state) => open(typeof state?.activeTooltipIndex === 'number' ? state.activeTooltipIndex : state?.activeTooltipIndex ? Number(state.activeTooltipIndex) : undefined)}
          style={{ cursor: rows.some((r) => r.href) ? 'pointer' : undefined }}
        >
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
          {categoryAxis}
          {valueAxis}
          <Tooltip
            formatter={(v, name) => [value(v), name]}
            labelFormatter={(label) => category(label)}
            contentStyle={{ background: 'var(--color-surface)', border: '1px solid var(--color-line)', borderRadius: 6, color: 'var(--color-ink)', fontSize: 12 }}
            cursor={{ fill: 'var(--color-muted)', opacity: 0.6 }}
          />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: 'var(--color-ink-soft)' }} />
          {series.map((s, i) =>
            s.type === 'line' ? (
              <Line key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={color(s.color ?? i + 1)} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId={s.stack} fill={color(s.color ?? i + 1)} maxBarSize={48} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
