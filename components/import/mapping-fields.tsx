'use client'
import { IMPORT_FIELDS, type ColumnMapping, type ImportKind } from '@/lib/crm/import-fields'
import type { StagedRow } from '@/lib/crm/import.schema'

const control = 'block w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm text-ink shadow-xs'

/** One row per field: which column of the file fills it (guessed from the headers, changeable). */
export function MappingFields({
  kind,
  headers,
  sample,
  mapping,
  onChange,
}: {
  kind: ImportKind
  headers: string[]
  sample: StagedRow[]
  mapping: ColumnMapping
  onChange: (mapping: ColumnMapping) => void
}) {
  const example = (column: number) => sample.map((r) => r.cells[column]?.trim()).find(Boolean)
  const set = (field: string, value: string) => {
    const next = { ...mapping }
    if (value === '') delete next[field]
    else next[field] = Number(value)
    onChange(next)
  }
  return (
    <table className="w-full text-sm" data-testid="column-mapping">
      <thead>
        <tr className="text-left text-xs text-ink-soft">
          <th className="w-1/3 py-1 pr-3 font-medium">Field</th>
          <th className="py-1 font-medium">Column in your file</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {IMPORT_FIELDS[kind].map((field) => {
          const id = `map-${field.key}`
          const column = mapping[field.key]
          const sampleValue = column === undefined ? undefined : example(column)
          return (
            <tr key={field.key}>
              <td className="py-2 pr-3 align-top">
                <label htmlFor={id} className="font-medium">
                  {field.label}
                </label>
                {field.hint ? <p className="text-xs text-ink-soft">{field.hint}</p> : null}
              </td>
              <td className="py-2 align-top">
                <select id={id} className={control} value={column === undefined ? '' : String(column)} onChange={(e) => set(field.key, e.target.value)}>
                  <option value="">— not imported —</option>
                  {headers.map((header, i) => (
                    <option key={i} value={i}>
                      {header}
                    </option>
                  ))}
                </select>
                {sampleValue ? <p className="mt-1 truncate text-xs text-ink-soft">e.g. {sampleValue}</p> : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
