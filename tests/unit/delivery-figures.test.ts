import { describe, expect, it } from 'vitest'
import {
  goLiveRows,
  onTimeMonthRows,
  onTimeProjectRows,
  overdueBucketOf,
  projectsHref,
  rateOf,
  weekStartOf,
  workloadRows,
  workloadWeeks,
} from '@/lib/dashboards/delivery-figures'

describe('delivery figures', () => {
  it('rate is on time / completed, none when nothing was completed', () => {
    expect(rateOf({ completed: 4, onTime: 3 })).toBe(0.75)
    expect(rateOf({ completed: 0, onTime: 0 })).toBeNull()
  })

  it('zero-fills the months of the range, in order', () => {
    const rows = onTimeMonthRows([{ dim: 'month', key: '2026-02', label: null, completed: 2, onTime: 1 }], ['2026-01', '2026-02', '2026-03'])
    expect(rows).toEqual([
      { month: '2026-01', completed: 0, onTime: 0, late: 0, rate: null },
      { month: '2026-02', completed: 2, onTime: 1, late: 1, rate: 0.5 },
      { month: '2026-03', completed: 0, onTime: 0, late: 0, rate: null },
    ])
  })

  it('ranks projects worst first (ties: more completed first) and links each to its page', () => {
    const groups = [
      { dim: 'project', key: 'p1', label: 'One', completed: 4, onTime: 2 },
      { dim: 'project', key: 'p2', label: 'Two', completed: 10, onTime: 5 },
      { dim: 'project', key: 'p3', label: 'Three', completed: 3, onTime: 3 },
      { dim: 'month', key: '2026-01', label: null, completed: 17, onTime: 10 },
    ]
    expect(onTimeProjectRows(groups, 'acme', 'worst', 2).map((r) => [r.project, r.href])).toEqual([
      ['Two', '/acme/projects/p2'],
      ['One', '/acme/projects/p1'],
    ])
    expect(onTimeProjectRows(groups, 'acme', 'best', 1).map((r) => r.project)).toEqual(['Three'])
  })

  it('overdue age buckets: 1–7, 8–14, 15–30, over 30 days', () => {
    expect([1, 7, 8, 14, 15, 30, 31, 400].map(overdueBucketOf)).toEqual(['d1_7', 'd1_7', 'd8_14', 'd8_14', 'd15_30', 'd15_30', 'd31', 'd31'])
  })

  it('weeks run Monday to Sunday; a Sunday belongs to the week before it', () => {
    expect(weekStartOf('2026-03-18')).toBe('2026-03-16') // Wednesday
    expect(weekStartOf('2026-03-16')).toBe('2026-03-16') // Monday
    expect(weekStartOf('2026-03-22')).toBe('2026-03-16') // Sunday
    expect(workloadWeeks('2026-03-22').map((w) => w.label)).toEqual(['Overdue', 'This week', 'Week of Mar 23', 'Week of Mar 30', 'Week of Apr 6'])
  })

  it('workload rows: one per person, hours from minutes, busiest first', () => {
    const rows = workloadRows(
      [
        { key: 'u1', label: 'Ann', week: -1, tasks: 2, minutes: 90 },
        { key: 'u1', label: 'Ann', week: 2, tasks: 1, minutes: 30 },
        { key: 'u2', label: 'Bob', week: 0, tasks: 1, minutes: 600 },
        { key: null, label: null, week: 3, tasks: 4, minutes: 0 },
      ],
      '2026-03-18',
      'hours',
      (key) => (key ? `/acme/my-work?person=${key}` : null),
    )
    expect(rows).toEqual([
      { person: 'Bob', overdue: 0, w0: 10, w1: 0, w2: 0, w3: 0, hours: 10, tasks: 1, href: '/acme/my-work?person=u2' },
      { person: 'Ann', overdue: 1.5, w0: 0, w1: 0, w2: 0.5, w3: 0, hours: 2, tasks: 3, href: '/acme/my-work?person=u1' },
      { person: 'Unassigned', overdue: 0, w0: 0, w1: 0, w2: 0, w3: 0, hours: 0, tasks: 4, href: null },
    ])
  })

  it('go-live rate counts only projects with a go-live date', () => {
    expect(goLiveRows(['2026-01', '2026-02'], [{ month: '2026-02', onTime: 1, late: 3, noBaseline: 2 }])).toEqual([
      { month: '2026-01', onTime: 0, late: 0, noBaseline: 0, rate: null },
      { month: '2026-02', onTime: 1, late: 3, noBaseline: 2, rate: 0.25 },
    ])
  })

  it('projects list links carry only the filters that are set', () => {
    expect(projectsHref('acme', { health: 'LATE', template: undefined, owner: 'u1' })).toBe('/acme/projects?health=LATE&owner=u1')
    expect(projectsHref('acme', {})).toBe('/acme/projects')
  })
})
