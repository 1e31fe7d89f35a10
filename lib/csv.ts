// CSV text the way spreadsheets expect it; used by the list exports (server) and the dashboard
// figure exports (browser).
import Papa from 'papaparse'

/**
 * Spreadsheet formula injection: a cell starting with = @ tab or CR, or with + or - followed
 * by anything but a number or phone number, gets a leading ' (papaparse quotes it).
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s()./-]*$))/

/** Rows as CSV lines (RFC 4180 quoting, CRLF), each line ending with CRLF. */
export function csvLines(rows: (string | number | null)[][]): string {
  if (rows.length === 0) return ''
  return `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA })}\r\n`
}
