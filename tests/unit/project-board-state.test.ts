import { describe, expect, it } from 'vitest'
import { cardsIn, cellId, lanesOf, mergeCards, moveCard, parseCellId, placeOf } from '@/components/pm/board/board-state'

const ms = (id: string) => ({ id, name: `Milestone ${id}` })
const person = (id: string, name: string) => ({ id, name })
const card = (id: string, columnId: string, extra: { milestone?: string; assignee?: [string, string] } = {}) => ({
  id,
  columnId,
  position: 0,
  milestone: extra.milestone ? ms(extra.milestone) : null,
  assignee: extra.assignee ? person(...extra.assignee) : null,
})

describe('project board state', () => {
  const cards = [card('a', 'todo', { milestone: 'm1' }), card('b', 'todo', { milestone: 'm2' }), card('c', 'todo', { milestone: 'm1' }), card('d', 'doing')]

  it('moves a card between two others and reports its neighbours', () => {
    const moved = moveCard(cards, 'd', 'todo', 1, undefined)!
    expect(cardsIn(moved.cards, 'todo', 'all', undefined).map((c) => c.id)).toEqual(['a', 'd', 'b', 'c'])
    expect(moved).toMatchObject({ afterId: 'a', beforeId: 'b' })
  })

  it('moves to the end or into an empty column', () => {
    const end = moveCard(cards, 'a', 'todo', 99, undefined)!
    expect(cardsIn(end.cards, 'todo', 'all', undefined).map((c) => c.id)).toEqual(['b', 'c', 'a'])
    expect(end).toMatchObject({ afterId: 'c', beforeId: undefined })
    const empty = moveCard(cards, 'a', 'done', 0, undefined)!
    expect(empty).toMatchObject({ afterId: undefined, beforeId: undefined })
    expect(empty.cards.find((c) => c.id === 'a')!.columnId).toBe('done')
  })

  it('in swimlanes, a card keeps its lane and its neighbours are its lane’s cards', () => {
    const moved = moveCard(cards, 'c', 'todo', 0, 'milestone')!
    expect(cardsIn(moved.cards, 'todo', 'm1', 'milestone').map((c) => c.id)).toEqual(['c', 'a'])
    expect(moved).toMatchObject({ afterId: undefined, beforeId: 'a' })
    expect(placeOf(moved.cards, 'c', 'milestone')).toEqual({ columnId: 'todo', lane: 'm1', index: 0 })
  })

  it('lists lanes: every milestone, "No milestone" only when needed; people by name then "Unassigned"', () => {
    expect(lanesOf(cards, 'milestone', [ms('m1'), ms('m2'), ms('m3')]).map((l) => l.key)).toEqual(['m1', 'm2', 'm3', 'none'])
    expect(lanesOf(cards.slice(0, 3), 'milestone', [ms('m1'), ms('m2')]).map((l) => l.key)).toEqual(['m1', 'm2'])
    const byPerson = [card('x', 'todo', { assignee: ['u2', 'Zoe'] }), card('y', 'todo', { assignee: ['u1', 'Adam'] }), card('z', 'todo')]
    expect(lanesOf(byPerson, 'assignee', []).map((l) => l.label)).toEqual(['Adam', 'Zoe', 'Unassigned'])
  })

  it('round-trips cell ids and merges fresh cards without reordering', () => {
    expect(parseCellId(cellId('none', 'col-1'))).toEqual({ lane: 'none', columnId: 'col-1' })
    expect(parseCellId('a-task-id')).toBeNull()
    const merged = mergeCards(cards, [{ ...cards[1]!, columnId: 'done' }, card('e', 'todo')], { add: true })
    expect(merged.map((c) => [c.id, c.columnId])).toEqual([['a', 'todo'], ['b', 'done'], ['c', 'todo'], ['d', 'doing'], ['e', 'todo']])
  })
})

describe('packed cards', () => {
  it('round-trips the board’s cards through the compact page format', async () => {
    const { packCards, unpackCards } = await import('@/components/pm/board/card-pack')
    const columns = [{ id: 'c1' }, { id: 'c2' }]
    const milestones = [{ id: 'm1', name: 'Kickoff' }]
    const cards = [
      { id: 't1', title: 'Sign', columnId: 'c2', position: 1024, version: 3, assignee: { id: 'u1', name: 'Dana' }, dueOn: '2026-03-02', overdue: true, blocked: true, done: false, checklist: { done: 1, total: 3 }, milestone: { id: 'm1', name: 'Kickoff' }, priority: 'HIGH' as const, comments: 2 },
      { id: 't2', title: 'Ship', columnId: 'c1', position: 2048.5, version: 1, assignee: null, dueOn: null, overdue: false, blocked: false, done: true, checklist: { done: 0, total: 0 }, milestone: null, priority: 'NONE' as const, comments: 0 },
      { id: 't3', title: 'Test', columnId: 'c1', position: 4096, version: 1, assignee: { id: 'u1', name: 'Dana' }, dueOn: null, overdue: false, blocked: false, done: false, checklist: { done: 0, total: 0 }, milestone: null, priority: 'URGENT' as const, comments: 0 },
    ]
    const packed = packCards(cards, columns, milestones)
    expect(JSON.parse(packed.json).people).toEqual([{ id: 'u1', name: 'Dana' }])
    expect(unpackCards(JSON.parse(JSON.stringify(packed)), columns, milestones)).toEqual(cards)
  })
})
