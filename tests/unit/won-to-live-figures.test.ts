import { describe, expect, it } from 'vitest'
import { dimensionRows, monthRows, wonToLiveHref, wonToLiveTotals } from '@/lib/dashboards/won-to-live-figures'
import type { WonToLiveGroup } from '@/lib/dashboards/won-to-live-distribution'

const none = { p50: null, p75: null, p90: null }
const group = (g: Partial<WonToLiveGroup> & Pick<WonToLiveGroup, 'dim' | 'key'>): WonToLiveGroup => ({
  label: null, deals: 0, started: 0, live: 0, closeToKickoff: none, kickoffToStart: none, handoff: none, closeToLive: none, ...g,
})

describe('won to live rows', () => {
  it('links to this dashboard narrowed to the figure, keeping the other filters, at the deals table', () => {
    const state = { from: '2026-01', to: '2026-06', owner: 'o-1', product: undefined }
    expect(wonToLiveHref('acme', state, { from: '2026-03', to: '2026-03' })).toBe('/acme/dashboards/won-to-live?from=2026-03&to=2026-03&owner=o-1#deals')
    expect(wonToLiveHref('acme', { ...state, product: 'p-1' }, { product: undefined })).toBe('/acme/dashboards/won-to-live?from=2026-01&to=2026-06&owner=o-1#deals')
  })

  it('zero-fills months without won deals, without a link or durations', () => {
    const groups = [group({ dim: 'month', key: '2026-02', deals: 2, live: 1, closeToLive: { p50: 30, p75: 35, p90: 38 } })]
    const rows = monthRows(groups, ['2026-01', '2026-02'], (m) => `#${m}`)
    expect(rows[0]).toMatchObject({ month: '2026-01', deals: 0, live: 0, closeToLive_p50: null, href: null })
    expect(rows[1]).toMatchObject({ month: '2026-02', deals: 2, live: 1, closeToLive_p50: 30, closeToLive_p75: 35, closeToLive_p90: 38, href: '#2026-02' })
  })

  it('names the group without a key and links only real ones, most deals first', () => {
    const rows = dimensionRows(
      [group({ dim: 'product', key: null, deals: 1 }), group({ dim: 'product', key: 'p-1', label: 'Platform', deals: 3 }), group({ dim: 'owner', key: 'u', deals: 9 })],
      'product',
      'No product',
      (key) => `?product=${key}`,
    )
    expect(rows.map((r) => [r.name, r.deals, r.href])).toEqual([
      ['Platform', 3, '?product=p-1'],
      ['No product', 1, null],
    ])
  })

  it('has no share of live projects without deals', () => {
    expect(wonToLiveTotals([]).liveShare).toBeNull()
    expect(wonToLiveTotals([group({ dim: 'total', key: null, deals: 4, live: 1 })]).liveShare).toBe(0.25)
  })
})
