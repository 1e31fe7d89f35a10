import { describe, expect, it } from 'vitest'
import { addBusinessDays, addDays, countBusinessDays, daysBetween, formatDay, fromDay, isDay, isWeekend, monthRange, toDay, todayIn } from '@/lib/dates'

describe('calendar days', () => {
  it('round-trips a @db.Date value', () => {
    expect(toDay(fromDay('2026-02-28'))).toBe('2026-02-28')
    expect(fromDay('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z')
  })

  it('knows a real day from a malformed one', () => {
    expect(isDay('2026-02-28')).toBe(true)
    expect(isDay('2026-02-30')).toBe(false)
    expect(isDay('2026-13-01')).toBe(false)
    expect(isDay('28.02.2026')).toBe(false)
  })

  it('counts today in the organization’s time zone', () => {
    const lateEvening = new Date('2026-11-25T23:30:00Z')
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-11-26')
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-25')
  })

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2) // across a DST change in Europe
  })

  it('gives the first and last day of a month', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  it('formats a day without shifting it by the viewer’s time zone', () => {
    expect(formatDay('2026-01-01')).toBe('Jan 1, 2026')
  })
})

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30') // Friday + 1 -> Monday
    expect(addBusinessDays('2026-11-23', 5)).toBe('2026-11-30') // Monday + 5 -> next Monday
  })

  it('skips holidays', () => {
    expect(addBusinessDays('2026-12-23', 2, new Set(['2026-12-24', '2026-12-25']))).toBe('2026-12-29')
  })

  it('rolls a start on a weekend forward to Monday, and counts back with negative days', () => {
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-30')
    expect(addBusinessDays('2026-11-30', -1)).toBe('2026-11-27')
  })
})

describe('countBusinessDays', () => {
  /** Day by day, as a person steps through a calendar from a towards b, counting each working day stepped onto. */
  function byHand(a: string, b: string, holidays: ReadonlySet<string>) {
    const sign = a <= b ? 1 : -1
    let count = 0
    for (let day = a; day !== b; day = addDays(day, sign)) {
      const next = addDays(day, sign)
      if (!isWeekend(next) && !holidays.has(next)) count += sign
    }
    return count
  }

  it('counts whole weeks, part weeks, weekends and holidays as the calendar does, both ways', () => {
    expect(countBusinessDays('2026-11-20', '2026-11-27')).toBe(5) // Friday to Friday
    expect(countBusinessDays('2026-11-21', '2026-11-22')).toBe(0) // Saturday to Sunday
    expect(countBusinessDays('2026-11-27', '2026-11-20')).toBe(-5)
    const holidays = new Set(['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'])
    expect(countBusinessDays('2026-12-18', '2027-01-04', holidays)).toBe(8) // 21-23, 28-31 Dec, 4 Jan
    const starts = ['2026-11-19', '2026-11-21', '2026-12-23', '2026-12-27', '2025-02-27']
    for (const a of starts) for (let span = -40; span <= 40; span += 3) {
      const b = addDays(a, span)
      expect(countBusinessDays(a, b, holidays), `${a} → ${b}`).toBe(byHand(a, b, holidays))
    }
  })
})
