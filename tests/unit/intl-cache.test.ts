import { describe, expect, it } from 'vitest'
import { dateTimeFormat, numberFormat } from '@/lib/intl-cache'
import { formatMoney } from '@/lib/money'
import { formatDay } from '@/lib/dates'

describe('Intl formatter cache', () => {
  it('makes one formatter per locale and options, and a separate one when they differ', () => {
    const eur = numberFormat('en-US', { style: 'currency', currency: 'EUR' })
    expect(numberFormat('en-US', { style: 'currency', currency: 'EUR' })).toBe(eur)
    expect(numberFormat('en-US', { style: 'currency', currency: 'USD' })).not.toBe(eur)
    expect(numberFormat('de-DE', { style: 'currency', currency: 'EUR' })).not.toBe(eur)
    const day = dateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' })
    expect(dateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' })).toBe(day)
  })

  it('formats amounts and days as before, whatever was formatted first', () => {
    expect(formatMoney('123456', 'EUR')).toBe('€1,234.56')
    expect(formatMoney('123456', 'EUR', { compact: true })).toBe('€1.2K')
    expect(formatMoney('123456', 'USD')).toBe('$1,234.56')
    expect(formatMoney('123456', 'EUR')).toBe('€1,234.56')
    expect(formatDay('2026-03-05', 'en-US', { day: 'numeric', month: 'short' })).toBe('Mar 5')
    expect(formatDay('2026-03-05')).toBe('Mar 5, 2026')
  })
})
