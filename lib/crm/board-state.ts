// Pure helpers for the pipeline board's client state: moving a card and keeping the
// column totals right until the server answers. Shared by the board and its unit tests.
import { weighted } from '@/lib/money'

export type CardLike = { id: string; amountMinor: string; currency: string; probability: number }
export type Totals = { count: number; amounts: { currency: string; amountMinor: string; weightedMinor: string }[] }
export type ColumnLike = { stageId: string; cards: CardLike[]; totals: Totals }
type CardOf<Col extends ColumnLike> = Col['cards'][number]

export function findCard<Col extends ColumnLike>(columns: Col[], cardId: string): { column: Col; index: number; card: CardOf<Col> } | null {
  for (const column of columns) {
    const index = column.cards.findIndex((c) => c.id === cardId)
    if (index >= 0) return { column, index, card: column.cards[index] as CardOf<Col> }
  }
  return null
}

function adjust(totals: Totals, card: CardLike, sign: 1 | -1, probability = card.probability): Totals {
  const amount = BigInt(card.amountMinor) * BigInt(sign)
  const weight = weighted(BigInt(card.amountMinor), probability) * BigInt(sign)
  const amounts = totals.amounts.map((a) => ({ ...a }))
  let entry = amounts.find((a) => a.currency === card.currency)
  if (!entry) amounts.push((entry = { currency: card.currency, amountMinor: '0', weightedMinor: '0' }))
  entry.amountMinor = (BigInt(entry.amountMinor) + amount).toString()
  entry.weightedMinor = (BigInt(entry.weightedMinor) + weight).toString()
  return { count: totals.count + sign, amounts: amounts.filter((a) => a.amountMinor !== '0' || a.weightedMinor !== '0') }
}

/**
 * Moves a card to `toIndex` of the column `toStageId` and returns the new columns with the
 * ids of the cards it now sits between (what the server needs to place it).
 */
export function moveCard<Col extends ColumnLike>(
  columns: Col[],
  cardId: string,
  toStageId: string,
  toIndex: number,
  update: (card: CardOf<Col>) => CardOf<Col> = (card) => card,
) {
  const from = findCard(columns, cardId)
  if (!from) return null
  const moved = update(from.card)
  const next = columns.map((column) => {
    let cards = column.cards
    let totals = column.totals
    if (column.stageId === from.column.stageId) {
      cards = cards.filter((c) => c.id !== cardId)
      if (column.stageId !== toStageId) totals = adjust(totals, from.card, -1)
    }
    if (column.stageId === toStageId) {
      const index = Math.max(0, Math.min(toIndex, cards.length))
      cards = [...cards.slice(0, index), moved, ...cards.slice(index)]
      if (column.stageId !== from.column.stageId) totals = adjust(totals, moved, 1)
    }
    return cards === column.cards && totals === column.totals ? column : ({ ...column, cards, totals } as Col)
  })
  const target = next.find((c) => c.stageId === toStageId)!
  const index = target.cards.findIndex((c) => c.id === cardId)
  return {
    columns: next,
    afterId: target.cards[index - 1]?.id,
    beforeId: target.cards[index + 1]?.id,
    fromStageId: from.column.stageId,
  }
}
