import { describe, expect, it } from 'vitest'
import { endOfWeek, groupMyWork, groupOf, zonedMidnight } from '@/lib/pm/my-work-groups'

describe('My work sections', () => {
  it('ends the week on Sunday; a Sunday is the end of its own week', () => {
    expect(endOfWeek('2026-03-05')).toBe('2026-03-08') // Thursday
    expect(endOfWeek('2026-03-02')).toBe('2026-03-08') // Monday
    expect(endOfWeek('2026-03-08')).toBe('2026-03-08') // Sunday
  })

  it('puts a due date in overdue, today, this week, later or no date', () => {
    const today = '2026-03-05'
    expect(groupOf('2026-03-04', today)).toBe('overdue')
    expect(groupOf('2026-03-05', today)).toBe('today')
    expect(groupOf('2026-03-06', today)).toBe('week')
    expect(groupOf('2026-03-08', today)).toBe('week')
    expect(groupOf('2026-03-09', today)).toBe('later')
    expect(groupOf(null, today)).toBe('none')
    // On a Sunday nothing is "later this week".
    expect(groupOf('2026-03-09', '2026-03-08')).toBe('later')
  })

  it('keeps every section in a fixed order, items by due date then title', () => {
    const groups = groupMyWork(
      [
        { title: 'b', dueOn: '2026-03-04' },
        { title: 'a', dueOn: '2026-03-04' },
        { title: 'z', dueOn: '2026-03-01' },
        { title: 'n', dueOn: null },
      ],
      '2026-03-05',
    )
    expect(groups.map((g) => g.key)).toEqual(['overdue', 'today', 'week', 'later', 'none'])
    expect(groups[0]!.items.map((i) => i.title)).toEqual(['z', 'a', 'b'])
    expect(groups[4]!.items.map((i) => i.title)).toEqual(['n'])
  })

  it('finds the instant a day starts in a time zone, across daylight saving changes', () => {
    expect(zonedMidnight('2026-03-05', 'Europe/Berlin').toISOString()).toBe('2026-03-04T23:00:00.000Z')
    expect(zonedMidnight('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z')
    // Berlin switches to summer time on 29 March 2026 at 02:00: that day still starts at 23:00 UTC.
    expect(zonedMidnight('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(zonedMidnight('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect(zonedMidnight('2026-03-05', 'America/New_York').toISOString()).toBe('2026-03-05T05:00:00.000Z')
    expect(zonedMidnight('2026-03-05', 'UTC').toISOString()).toBe('2026-03-05T00:00:00.000Z')
    expect(zonedMidnight('2026-03-05', 'Asia/Kolkata').toISOString()).toBe('2026-03-04T18:30:00.000Z')
  })
})
