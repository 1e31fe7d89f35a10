import { describe, expect, it } from 'vitest'
import { formatMoney, lineItemTotal, minorToDecimal, parseMoney, weighted } from '@/lib/money'

describe('parseMoney', () => {
  it.each([
    ['1,234.56', 'EUR', 123456n],
    ['1234.5', 'EUR', 123450n],
    ['€ 12', 'EUR', 1200n],
    ['0.10', 'USD', 10n],
    ['.5', 'USD', 50n],
    ["1'000", 'CHF', 100000n],
    ['1 000 000', 'EUR', 100000000n],
    ['5000', 'JPY', 5000n],
    ['1.234', 'BHD', 1234n],
    ['0.29', 'EUR', 29n],
  ])('reads %s %s as %s minor units, exactly', (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, minor })
  })

  it('never goes through floats (0.29 * 100 would be 28.999…)', () => {
    expect(parseMoney('1.15', 'EUR')).toEqual({ ok: true, minor: 115n })
    expect(parseMoney('9007199254740.99', 'EUR')).toEqual({ ok: true, minor: 900719925474099n })
  })

  it.each([
    ['', 'Enter an amount like 1,234.56.'],
    ['abc', 'Enter an amount like 1,234.56.'],
    ['1.2.3', 'Enter an amount like 1,234.56.'],
    ['1.234', 'Use at most 2 decimals for EUR.'],
    ['-5', 'The amount cannot be negative.'],
  ])('rejects %j with a message', (input, error) => {
    expect(parseMoney(input, 'EUR')).toEqual({ ok: false, error })
  })

  it('says a currency without decimals has none', () => {
    expect(parseMoney('10.5', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimals.' })
  })
})

describe('formatting', () => {
  it('turns minor units into an exact decimal string', () => {
    expect(minorToDecimal(123456n, 'EUR')).toBe('1234.56')
    expect(minorToDecimal(5n, 'EUR')).toBe('0.05')
    expect(minorToDecimal(-5n, 'EUR')).toBe('-0.05')
    expect(minorToDecimal(5000n, 'JPY')).toBe('5000')
    expect(minorToDecimal('900719925474099123', 'USD')).toBe('9007199254740991.23')
  })

  it('formats with the currency symbol, exactly even beyond float precision', () => {
    expect(formatMoney(123456n, 'EUR')).toBe('€1,234.56')
    expect(formatMoney('900719925474099123', 'USD')).toBe('$9,007,199,254,740,991.23')
    expect(formatMoney(123456n, 'EUR', { locale: 'de-DE' })).toBe('1.234,56\u00a0€')
    expect(formatMoney(123456700n, 'USD', { compact: true })).toBe('$1.2M')
  })
})

describe('line items and weighting', () => {
  it('applies the discount in basis points and rounds half up', () => {
    expect(lineItemTotal(3, 10000n, 0)).toBe(30000n)
    expect(lineItemTotal(3, 10000n, 1000)).toBe(27000n)
    expect(lineItemTotal(1, 999n, 5000)).toBe(500n) // 499.5 -> 500
    expect(lineItemTotal(1, 999n, 10000)).toBe(0n)
  })

  it('weights an amount by its probability', () => {
    expect(weighted(100000n, 40)).toBe(40000n)
    expect(weighted(101n, 50)).toBe(51n)
    expect(weighted(100000n, 0)).toBe(0n)
  })
})

describe('isCurrencyCode', () => {
  it('knows real ISO codes and refuses made-up ones', async () => {
    const { isCurrencyCode } = await import('@/lib/money')
    expect(['EUR', 'USD', 'JPY', 'CHF'].every(isCurrencyCode)).toBe(true)
    expect(['XYZ', 'eur', 'EURO'].some(isCurrencyCode)).toBe(false)
  })
})
