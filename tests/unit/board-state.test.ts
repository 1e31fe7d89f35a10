import { describe, expect, it } from 'vitest'
import { moveCard } from '@/lib/crm/board-state'

const card = (id: string, amount = '10000', probability = 50) => ({ id, amountMinor: amount, currency: 'EUR', probability })
const totals = (count: number, amount: string, weightedMinor: string) => ({ count, amounts: [{ currency: 'EUR', amountMinor: amount, weightedMinor }] })

const board = () => [
  { stageId: 'lead', cards: [card('a'), card('b'), card('c')], totals: totals(3, '30000', '15000') },
  { stageId: 'won', cards: [card('w', '5000', 100)], totals: totals(1, '5000', '5000') },
]

describe('moveCard', () => {
  it('moves a card into another column at the drop index and tells its neighbours', () => {
    const result = moveCard(board(), 'b', 'won', 1, (c) => ({ ...c, probability: 100 }))!
    expect(result.columns.map((c) => c.cards.map((x) => x.id))).toEqual([['a', 'c'], ['w', 'b']])
    expect([result.afterId, result.beforeId, result.fromStageId]).toEqual(['w', undefined, 'lead'])
  })

  it('keeps both columns’ totals right, weighting the moved card by its new probability', () => {
    const result = moveCard(board(), 'b', 'won', 0, (c) => ({ ...c, probability: 100 }))!
    expect(result.columns[0]!.totals).toEqual(totals(2, '20000', '10000'))
    expect(result.columns[1]!.totals).toEqual(totals(2, '15000', '15000'))
  })

  it('reorders within a column without touching totals', () => {
    const result = moveCard(board(), 'c', 'lead', 0)!
    expect(result.columns[0]!.cards.map((x) => x.id)).toEqual(['c', 'a', 'b'])
    expect(result.columns[0]!.totals).toEqual(totals(3, '30000', '15000'))
    expect([result.afterId, result.beforeId]).toEqual([undefined, 'a'])
  })

  it('drops an emptied currency from the totals and returns null for an unknown card', () => {
    const result = moveCard(board(), 'w', 'lead', 3, (c) => ({ ...c, probability: 50 }))!
    expect(result.columns[1]!.totals).toEqual({ count: 0, amounts: [] })
    expect(moveCard(board(), 'nope', 'lead', 0)).toBeNull()
  })
})
