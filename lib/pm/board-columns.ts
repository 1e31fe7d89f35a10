import type { ColumnKind } from '@/lib/generated/prisma/enums'

/** The columns every new project's board starts with (renameable, reorderable rows). */
export const DEFAULT_COLUMNS: readonly { name: string; kind: ColumnKind }[] = [
  { name: 'To do', kind: 'TODO' },
  { name: 'In progress', kind: 'DOING' },
  { name: 'Blocked', kind: 'BLOCKED' },
  { name: 'Done', kind: 'DONE' },
]

/** Column rows for a new project: positions with gaps of 1000. */
export function defaultColumnRows(orgId: string, projectId: string) {
  return DEFAULT_COLUMNS.map((column, index) => ({ orgId, projectId, name: column.name, kind: column.kind, position: (index + 1) * 1000 }))
}
