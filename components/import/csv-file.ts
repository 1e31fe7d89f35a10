// Reading a CSV file in the browser with Papa Parse: its head for the mapping screen, then
// the whole file in pieces, so no request ever carries (and no server ever holds) all of it.
import Papa from 'papaparse'
import { stagedRows } from '@/lib/crm/import-fields'
import { MAX_CELL, MAX_COLUMNS, UPLOAD_ROWS, type StagedRow } from '@/lib/crm/import.schema'

/** The header row, the first rows, and the delimiter Papa Parse detected (reused for the whole file). */
export type CsvHead = { headers: string[]; sample: StagedRow[]; delimiter: string }

const PREVIEW_ROWS = 10
/** Keeps each upload request well under the 1 MB server-action body limit. */
const UPLOAD_BYTES = 350_000

const cleanHeader = (h: string, i: number) => h.replace(/^\uFEFF/, '').trim().slice(0, 200) || `Column ${i + 1}`

/** The header row and the first rows of a file. */
export function readCsvHead(file: File): Promise<CsvHead> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      preview: PREVIEW_ROWS + 20,
      skipEmptyLines: false,
      complete: (results) => {
        const [header, ...rest] = results.data
        if (!header || header.every((h) => !h.trim())) return reject(new Error('The file is empty or has no header row.'))
        if (header.length > MAX_COLUMNS) return reject(new Error(`The file has ${header.length} columns; at most ${MAX_COLUMNS} can be imported.`))
        resolve({ headers: header.map(cleanHeader), sample: stagedRows(rest, 1).slice(0, PREVIEW_ROWS), delimiter: results.meta.delimiter })
      },
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    })
  })
}

/** Cells past the header's columns cannot be mapped; an overlong cell is cut (its field then reports it). */
const fit = (cells: string[], columns: number) => cells.slice(0, columns).map((c) => (c.length > MAX_CELL ? c.slice(0, MAX_CELL) : c))

const encoder = new TextEncoder()
/** Roughly the row's bytes in the request (UTF-8, quotes and commas). */
const sizeOf = (row: StagedRow) => encoder.encode(row.cells.join('')).length + row.cells.length * 4 + 16

/**
 * Streams the file's rows (numbered as a spreadsheet shows them) to `send` in batches of at
 * most UPLOAD_ROWS rows and ~350 kB, one at a time; `onProgress` gets the share read (0..1).
 * Resolves with the number of rows sent.
 */
export function streamCsvRows(file: File, head: Pick<CsvHead, 'headers' | 'delimiter'>, send: (rows: StagedRow[]) => Promise<void>, onProgress: (fraction: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let index = 0
    let sent = 0
    let failed = false
    const flush = async (rows: StagedRow[]) => {
      let batch: StagedRow[] = []
      let bytes = 0
      for (const row of rows) {
        const size = sizeOf(row)
        if (batch.length && (batch.length >= UPLOAD_ROWS || bytes + size > UPLOAD_BYTES)) {
          await send(batch)
          sent += batch.length
          batch = []
          bytes = 0
        }
        batch.push(row)
        bytes += size
      }
      if (batch.length) {
        await send(batch)
        sent += batch.length
      }
    }
    const columns = head.headers.length
    Papa.parse<string[]>(file, {
      delimiter: head.delimiter,
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk: (results, parser) => {
        const rows = stagedRows(results.data, index).map((r) => ({ rowNumber: r.rowNumber, cells: fit(r.cells, columns) }))
        index += results.data.length
        parser.pause()
        flush(rows).then(
          () => {
            onProgress(Math.min(1, results.meta.cursor / Math.max(file.size, 1)))
            parser.resume()
          },
          (error: unknown) => {
            failed = true
            parser.abort()
            reject(error)
          },
        )
      },
      complete: () => {
        if (failed) return
        onProgress(1)
        resolve(sent)
      },
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    })
  })
}
