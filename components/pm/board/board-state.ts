// Pure helpers for the project board's client state: which swimlane and column a card is in,
// moving a card (optimistically, before the server answers) and merging the server's cards.
// The cards live in one array in board order (position); a column's cards are that array
// filtered, so moving a card is moving it in the array. Unit-tested.
import type { Lanes } from '@/lib/pm/board-query.schema'

export type CardLike = {
  id: string
  columnId: string
  position: number
  assignee: { id: string; name: string } | null
  milestone: { id: string; name: string } | null
}

export type Lane = { key: string; label: string }

export const ALL_LANE = 'all'
export const NO_LANE_VALUE = 'none'

/** The swimlane a card belongs to (its milestone or assignee; "none" without one). */
export function laneOf(card: CardLike, lanes: Lanes | undefined): string {
  if (lanes === 'milestone') return card.milestone?.id ?? NO_LANE_VALUE
  if (lanes === 'assignee') return card.assignee?.id ?? NO_LANE_VALUE
  return ALL_LANE
}

/**
 * The swimlanes to draw, in order: milestones by due date (then "No milestone"), or people
 * by name (then "Unassigned"); only lanes holding a card, besides every milestone.
 */
export function lanesOf(cards: CardLike[], lanes: Lanes | undefined, milestones: { id: string; name: string }[]): Lane[] {
  if (!lanes) return [{ key: ALL_LANE, label: 'All tasks' }]
  const used = new Set(cards.map((c) => laneOf(c, lanes)))
  if (lanes === 'milestone') {
    const known = milestones.map((m) => ({ key: m.id, label: m.name }))
    return used.has(NO_LANE_VALUE) || known.length === 0 ? [...known, { key: NO_LANE_VALUE, label: 'No milestone' }] : known
  }
  // every person's lane holds a card of theirs, which carries their name
  const names = new Map<string, string>()
  for (const card of cards) if (card.assignee) names.set(card.assignee.id, card.assignee.name)
  const assigned = [...names].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label))
  return used.has(NO_LANE_VALUE) ? [...assigned, { key: NO_LANE_VALUE, label: 'Unassigned' }] : assigned
}

/** A drop target: one column within one swimlane. */
export const cellId = (lane: string, columnId: string) => `cell:${lane}:${columnId}`
export function parseCellId(id: string): { lane: string; columnId: string } | null {
  const match = /^cell:([^:]+):(.+)$/.exec(id)
  return match ? { lane: match[1]!, columnId: match[2]! } : null
}

export function cardsIn<C extends CardLike>(cards: C[], columnId: string, lane: string, lanes: Lanes | undefined): C[] {
  return cards.filter((c) => c.columnId === columnId && (lane === ALL_LANE || laneOf(c, lanes) === lane))
}

/**
 * Moves a card to `index` among the cards of column `toColumnId` in its own swimlane (a card
 * keeps its lane: dragging it into another lane's cell moves it to that column of its lane).
 * Returns the new order and the cards it now sits between, which is what the server needs.
 */
export function moveCard<C extends CardLike>(cards: C[], cardId: string, toColumnId: string, index: number, lanes: Lanes | undefined, update: (card: C) => C = (c) => c) {
  const card = cards.find((c) => c.id === cardId)
  if (!card) return null
  const moved = update({ ...card, columnId: toColumnId })
  const rest = cards.filter((c) => c.id !== cardId)
  const lane = lanes ? laneOf(card, lanes) : ALL_LANE
  const siblings = cardsIn(rest, toColumnId, lane, lanes)
  const at = Math.max(0, Math.min(index, siblings.length))
  const before = siblings[at]
  const after = siblings[at - 1]
  const next = [...rest]
  if (before) next.splice(next.indexOf(before), 0, moved)
  else if (after) next.splice(next.indexOf(after) + 1, 0, moved)
  else next.push(moved)
  return { cards: next, afterId: after?.id, beforeId: before?.id }
}

/** Where a card is: its column and index within its lane's cell. */
export function placeOf(cards: CardLike[], cardId: string, lanes: Lanes | undefined) {
  const card = cards.find((c) => c.id === cardId)
  if (!card) return null
  const lane = laneOf(card, lanes)
  return { columnId: card.columnId, lane, index: cardsIn(cards, card.columnId, lane, lanes).findIndex((c) => c.id === cardId) }
}

/** Puts fresh server copies of some cards in place (order stays); `add` appends unknown ones (a new task). */
export function mergeCards<C extends { id: string }>(cards: C[], fresh: C[], { add = false } = {}): C[] {
  const byId = new Map(fresh.map((c) => [c.id, c]))
  const merged = cards.map((c) => byId.get(c.id) ?? c)
  if (!add) return merged
  const known = new Set(cards.map((c) => c.id))
  return [...merged, ...fresh.filter((c) => !known.has(c.id))]
}
