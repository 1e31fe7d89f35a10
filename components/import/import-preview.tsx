'use client'
import { Badge } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { IMPORT_FIELDS, cellOf, type ColumnMapping, type ImportKind } from '@/lib/crm/import-fields'
import type { RowOutcome } from '@/lib/crm/import-lookups'
import type { StagedRow } from '@/lib/crm/import.schema'

const badges: Record<RowOutcome['action'], { label: string; className: string }> = {
  create: { label: 'New', className: 'bg-success/10 text-success' },
  update: { label: 'Updates', className: 'bg-accent/10 text-accent' },
  skip: { label: 'Skipped', className: 'bg-muted text-ink-soft' },
  error: { label: 'Error', className: 'bg-danger/10 text-danger' },
}

/** The first rows as they would be imported, each with what would happen to it and why. */
export function ImportPreview({
  kind,
  mapping,
  sample,
  outcomes,
  checking,
}: {
  kind: ImportKind
  mapping: ColumnMapping
  sample: StagedRow[]
  outcomes: RowOutcome[] | null
  checking: boolean
}) {
  const fields = IMPORT_FIELDS[kind].filter((f) => f.key in mapping)
  const byRow = new Map((outcomes ?? []).map((o) => [o.rowNumber, o]))
  if (sample.length === 0) return <p className="text-sm text-ink-soft">The file has a header row but no rows under it.</p>
  return (
    <div className="overflow-x-auto rounded-md border border-line" aria-busy={checking}>
      <table className="w-full text-sm" data-testid="import-preview">
        <thead className="bg-muted/60 text-left text-xs text-ink-soft">
          <tr>
            <th className="px-3 py-2 font-medium">Row</th>
            {fields.map((f) => (
              <th key={f.key} className="px-3 py-2 font-medium">
                {f.label}
              </th>
            ))}
            <th className="px-3 py-2 font-medium">Check</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sample.map((row) => {
            const outcome = byRow.get(row.rowNumber)
            const badge = outcome ? badges[outcome.action] : null
            return (
              <tr key={row.rowNumber} data-testid="preview-row" data-outcome={outcome?.action}>
                <td className="px-3 py-2 tabular-nums text-ink-soft">{row.rowNumber}</td>
                {fields.map((f) => (
                  <td key={f.key} className="max-w-48 truncate px-3 py-2">
                    {cellOf(row.cells, mapping, f.key)}
                  </td>
                ))}
                <td className="px-3 py-2">
                  {badge ? (
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge className={cn(badge.className)}>{badge.label}</Badge>
                      {outcome?.message ? <span className={cn('text-xs', outcome.action === 'error' ? 'text-danger' : 'text-ink-soft')}>{outcome.message.charAt(0).toUpperCase() + outcome.message.slice(1)}</span> : null}
                    </span>
                  ) : (
                    <span className="text-xs text-ink-soft">{checking ? 'Checking…' : ''}</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
