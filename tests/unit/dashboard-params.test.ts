import { describe, expect, it } from 'vitest'
import { DashboardParams, MAX_MONTHS, resolveFilters, shiftMonth } from '@/lib/dashboards/params'

const manager = { role: 'MANAGER' as const, userId: 'u-manager' }
const rep = { role: 'SALES' as const, userId: 'u-rep' }
const owner = '0b8f7a52-4a8e-4c3e-9a55-1d2b3c4d5e6f'

describe('dashboard filters', () => {
  it('defaults to a range of months around the current one, with the day bounds to query by', () => {
    const next6 = resolveFilters({}, manager, '2026-11-25', { back: 0, ahead: 5 })
    expect(next6.months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
    expect([next6.from, next6.toExclusive]).toEqual(['2026-11-01', '2027-05-01'])
    const last12 = resolveFilters({}, manager, '2026-01-10', { back: -11, ahead: 0 })
    expect([last12.fromMonth, last12.toMonth, last12.months.length]).toEqual(['2025-02', '2026-01', 12])
  })

  it('takes the range from the URL, the right way round however it was typed', () => {
    const swapped = resolveFilters(DashboardParams.parse({ from: '2026-06', to: '2026-03' }), manager, '2026-11-25', { back: 0, ahead: 5 })
    expect([swapped.fromMonth, swapped.toMonth, swapped.toExclusive]).toEqual(['2026-03', '2026-06', '2026-07-01'])
  })

  it('drops values it cannot read instead of failing the page', () => {
    const params = DashboardParams.parse({ from: '2026-13', to: 'soon', owner: 'nobody', pipeline: owner })
    expect(params).toEqual({ pipeline: owner })
  })

  it('caps a range at three years', () => {
    const long = resolveFilters(DashboardParams.parse({ from: '2020-01', to: '2026-12' }), manager, '2026-11-25', { back: 0, ahead: 0 })
    expect(long.months.length).toBe(MAX_MONTHS)
    expect(long.toExclusive).toBe(`${shiftMonth('2020-01', MAX_MONTHS)}-01`)
  })

  it('pins sales reps to their own figures, whatever owner the URL names', () => {
    const own = resolveFilters(DashboardParams.parse({ owner }), rep, '2026-11-25', { back: 0, ahead: 5 })
    expect([own.ownerId, own.ownerLocked]).toEqual(['u-rep', true])
    const chosen = resolveFilters(DashboardParams.parse({ owner }), manager, '2026-11-25', { back: 0, ahead: 5 })
    expect([chosen.ownerId, chosen.ownerLocked]).toEqual([owner, false])
  })

  it('counts months across year ends', () => {
    expect([shiftMonth('2026-12', 1), shiftMonth('2026-01', -1), shiftMonth('2026-05', -17)]).toEqual(['2027-01', '2025-12', '2024-12'])
  })
})
