// Money is an integer count of minor units (cents) plus an ISO 4217 currency code.
// Parsing never goes through floating point; formatting happens only at render time.
import { numberFormat } from '@/lib/intl-cache'

const fractionDigitsCache = new Map<string, number>()

/** Minor-unit digits of a currency: EUR 2, JPY 0, BHD 3. */
export function fractionDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    fractionDigitsCache.set(currency, digits)
  }
  return digits
}

let currencies: Set<string> | undefined

/** An ISO 4217 code this runtime knows (Intl accepts any three letters, so check the list). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies.has(code)
}

export type ParsedMoney = { ok: true; minor: bigint } | { ok: false; error: string }

/**
 * "1,234.56" -> 123456n for EUR. Accepts thousands separators (`,`, spaces, apostrophes),
 * a `.` decimal point and a leading currency symbol; rejects more decimals than the currency has.
 */
export function parseMoney(input: string, currency: string, { allowNegative = false } = {}): ParsedMoney {
  const digits = fractionDigits(currency)
  const cleaned = input.trim().replace(/^[^\d\-.]+/, '').replace(/[\s,'’]/g, '')
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned)
  if (!cleaned || !match || (!match[2] && !match[3])) return { ok: false, error: 'Enter an amount like 1,234.56.' }
  const [, minus, whole = '', fraction = ''] = match
  if (minus && !allowNegative) return { ok: false, error: 'The amount cannot be negative.' }
  if (fraction.length > digits) {
    return { ok: false, error: digits === 0 ? `${currency} has no decimals.` : `Use at most ${digits} decimals for ${currency}.` }
  }
  if (whole.replace(/^0+/, '').length > 15) return { ok: false, error: 'That amount is too large.' }
  const minor = BigInt((whole || '0') + fraction.padEnd(digits, '0'))
  return { ok: true, minor: minus ? -minor : minor }
}

/** 123456n EUR -> "1234.56": an exact decimal string, for Intl and for inputs. */
export function minorToDecimal(minor: bigint | string | number, currency: string): string {
  const value = BigInt(minor)
  const digits = fractionDigits(currency)
  const negative = value < 0n
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0')
  const whole = abs.slice(0, abs.length - digits)
  const fraction = digits ? `.${abs.slice(abs.length - digits)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

type FormatOptions = { locale?: string; compact?: boolean }

/** 123456n EUR -> "€1,234.56" (or "€1.2K" compact). Intl formats the exact decimal string. */
export function formatMoney(minor: bigint | string | number, currency: string, { locale = 'en-US', compact = false }: FormatOptions = {}): string {
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  })
  return format.format(minorToDecimal(minor, currency) as unknown as number)
}

/** quantity x unit price less a discount in basis points, rounded half up to a minor unit. */
export function lineItemTotal(quantity: number, unitPriceMinor: bigint, discountBp: number): bigint {
  const gross = BigInt(quantity) * unitPriceMinor
  const net = gross * BigInt(10_000 - discountBp)
  return (net + 5_000n) / 10_000n
}

/** amount x probability %, rounded half up: the weighted pipeline of one deal. */
export function weighted(amountMinor: bigint, probability: number): bigint {
  return (amountMinor * BigInt(probability) + 50n) / 100n
}
