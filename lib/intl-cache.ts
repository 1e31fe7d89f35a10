// Intl formatters are slow to create (a few hundred microseconds each, far more than a
// format() call) and safe to share, so each locale + options combination is made once.
// The board renders hundreds of amounts and dates per request: this keeps that cheap.
// Pure and client-safe.

const numberFormats = new Map<string, Intl.NumberFormat>()
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
/** Bounds the caches if callers ever pass unbounded option values. */
const MAX_ENTRIES = 500

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key)
  if (value === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear()
    value = create()
    cache.set(key, value)
  }
  return value
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options))
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateTimeFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options))
}
