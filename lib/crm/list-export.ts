import 'server-only'
import type { z } from 'zod'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { ListParams } from '@/lib/crm/list-params'
import { allRows, type ListSpec } from '@/lib/crm/list-query'
import { csvLines } from '@/lib/csv'

/** One CSV column: a list column can give several (an amount and its currency). */
export type CsvCell<Row> = { header: string; value: (row: Row) => string | number | null }
export type CsvColumns<Row> = Record<string, CsvCell<Row>[]>

/** The CSV cells of the visible columns, in the list's order (the export shows what the list shows). */
export function csvCellsFor<Row>(columns: CsvColumns<Row>, visible: string[]): CsvCell<Row>[] {
  return visible.flatMap((key) => columns[key] ?? [])
}

/**
 * The list as CSV, as filtered and sorted, in chunks of `batch` rows: a byte-order mark and the
 * header first, then one chunk per keyset query, so 50,000 rows never sit in memory at once.
 */
export async function* exportCsv<F extends z.ZodRawShape, Row>(
  db: Db,
  spec: ListSpec<F, Row>,
  ctx: Ctx,
  params: ListParams<F>,
  columns: CsvColumns<Row>,
  batch = 1000,
): AsyncGenerator<string> {
  const cells = csvCellsFor(columns, params.cols)
  yield `\uFEFF${csvLines([cells.map((c) => c.header)])}`
  for await (const rows of allRows(db, spec, ctx, params, batch)) {
    yield csvLines(rows.map((row) => cells.map((c) => c.value(row))))
  }
}

/** A streamed HTTP response of CSV chunks; the client's disconnect stops the queries. */
export function csvResponse(chunks: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
