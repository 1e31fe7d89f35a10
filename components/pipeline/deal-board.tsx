'use client'
import { useRouter } from 'next/navigation'
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { loadMoreAction, moveDealAction } from '@/app/(app)/[orgSlug]/pipeline/actions'
import type { BoardColumn as Column, DealCard } from '@/lib/crm/board'
import { findCard, moveCard } from '@/lib/crm/board-state'
import type { BoardFilters } from '@/lib/crm/deals.schema'
import type { Role } from '@/lib/permissions'
import { BoardColumn } from './board-column'
import { DealCardView, type MoveMenu } from './deal-card'
import { LostReasonDialog } from './lost-reason-dialog'
import { refocusAfterMenu } from '@/components/ui/menu-focus'
import { fromJsonProp, type JsonProp } from '@/components/ui/json-prop'
import { useHydrated } from '@/components/ui/use-hydrated'
import { WinDialog } from '@/components/handoff/win-dialog'
import { announceWin } from '@/components/handoff/deal-project-panel'
import type { WinResult } from '@/lib/handoff/win-deal'

/** Cards per column in the server's HTML; the rest of the first page appears on hydration. */
const SERVER_CARDS = 10

const moveButtonOf = (dealId: string) => `[data-deal-id="${dealId}"] [aria-haspopup="menu"]`

type ColumnState = { stageId: string; stage: Column['stage']; cards: DealCard[]; totals: Column['totals']; nextCursor: string | null }
type Pending = { dealId: string; stageId: string; version: number; afterId?: string; beforeId?: string; snapshot: ColumnState[] }

export type BoardViewer = { userId: string; role: Role }

export function DealBoard({
  orgSlug,
  columns: initial,
  filters,
  viewer,
  lostReasons,
  today,
  currency,
}: {
  orgSlug: string
  /** the columns as loaded (one JSON string: components/ui/json-prop.ts) */
  columns: JsonProp<Column[]>
  filters: BoardFilters
  viewer: BoardViewer
  lostReasons: { id: string; label: string }[]
  today: string
  currency: string
}) {
  const [columns, setColumns] = useState<ColumnState[]>(() => fromJsonProp(initial).map((c) => ({ ...c, stageId: c.stage.id })))
  const [dragStart, setDragStart] = useState<ColumnState[] | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [pointerDrag, setPointerDrag] = useState(true)
  const [pendingLost, setPendingLost] = useState<Pending | null>(null)
  const [pendingWin, setPendingWin] = useState<Pending | null>(null)
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const router = useRouter()
  const hydrated = useHydrated()
  const [, startTransition] = useTransition()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  const canEdit = (card: DealCard) => viewer.role === 'ADMIN' || viewer.role === 'MANAGER' || (viewer.role === 'SALES' && card.ownerId === viewer.userId)
  const stageOf = (stageId: string) => columns.find((c) => c.stageId === stageId)?.stage
  const containerOf = (id: string) => (columns.some((c) => c.stageId === id) ? id : findCard(columns, id)?.column.stageId)
  const titleOf = (id: string | number) => findCard(columns, String(id))?.card.title ?? 'The deal'

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    // The overlay follows a pointer; a keyboard drag moves the card itself, which keeps the
    // keyboard sensor's first measurement right (with an overlay its first arrow key is lost).
    setPointerDrag(!(activatorEvent instanceof KeyboardEvent))
    setDragStart(columns)
    setActiveId(String(active.id))
  }

  /** While dragging, the card follows the pointer into other columns. */
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return
    const from = containerOf(String(active.id))
    const to = containerOf(String(over.id))
    if (!from || !to || from === to) return
    const target = columns.find((c) => c.stageId === to)!
    const overIndex = target.cards.findIndex((c) => c.id === over.id)
    const moved = moveCard(columns, String(active.id), to, overIndex >= 0 ? overIndex : target.cards.length)
    if (moved) setColumns(moved.columns)
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const snapshot = dragStart ?? columns
    setActiveId(null)
    setDragStart(null)
    const dealId = String(active.id)
    const to = over ? containerOf(String(over.id)) : undefined
    const original = findCard(snapshot, dealId)
    if (!to || !original) return setColumns(snapshot)
    const target = columns.find((c) => c.stageId === to)!
    const overIndex = target.cards.findIndex((c) => c.id === over!.id)
    const index = overIndex >= 0 ? overIndex : target.cards.length
    place(columns, snapshot, dealId, to, index)
  }

  /** Puts a card at `index` of stage `to` (optimistically) and saves the move; Lost asks why first. */
  function place(current: ColumnState[], snapshot: ColumnState[], dealId: string, to: string, index: number) {
    const original = findCard(snapshot, dealId)
    const stage = stageOf(to)
    if (!original || !stage) return setColumns(snapshot)
    const changed = original.column.stageId !== to
    const result = moveCard(current, dealId, to, index, (card) =>
      changed ? { ...card, stageId: to, probability: stage.kind === 'WON' ? 100 : stage.kind === 'LOST' ? 0 : stage.probability, status: stage.kind } : card,
    )
    if (!result) return setColumns(snapshot)
    const sameSpot = !changed && original.index === result.columns.find((c) => c.stageId === to)!.cards.findIndex((c) => c.id === dealId)
    if (sameSpot) return setColumns(snapshot)
    setColumns(result.columns)
    const pending: Pending = { dealId, stageId: to, version: original.card.version, afterId: result.afterId, beforeId: result.beforeId, snapshot }
    if (changed && stage.kind === 'LOST') return setPendingLost(pending)
    if (changed && stage.kind === 'WON') return setPendingWin(pending)
    commit(pending)
  }

  /** The non-drag way (WCAG 2.5.7): a card's "Move" menu puts it on top of the chosen stage. */
  function moveToStage(dealId: string, stageId: string) {
    place(columns, columns, dealId, stageId, 0)
  }

  const move: MoveMenu = {
    stages: columns.map((c) => ({ id: c.stageId, name: c.stage.name })),
    // the card may be drawn again in another column: its menu must not open there again
    onMove: (dealId, stageId) => {
      setMenuFor(null)
      moveToStage(dealId, stageId)
      refocusAfterMenu(moveButtonOf(dealId))
    },
    openFor: menuFor,
    open: setMenuFor,
    close: (dealId) => {
      setMenuFor(null)
      refocusAfterMenu(moveButtonOf(dealId))
    },
  }

  function commit(pending: Pending, lost?: { lostReasonId: string; lostNote?: string }) {
    const { snapshot: _snapshot, ...move } = pending
    startTransition(async () => {
      const result = await moveDealAction({ orgSlug, ...move, ...lost })
      if (!result.ok) {
        setColumns(pending.snapshot)
        toast.error(result.formError ?? result.fieldErrors?.lostReasonId?.[0] ?? 'The deal could not be moved.')
        return
      }
      const moved = result.data
      setColumns((current) =>
        current.map((column) => ({
          ...column,
          cards: column.cards.map((c) => (c.id === moved.id ? { ...c, version: moved.version, probability: moved.probability, status: moved.status, position: moved.position } : c)),
        })),
      )
      const stage = stageOf(moved.stageId)
      if (stage && stage.id !== findCard(pending.snapshot, moved.id)?.column.stageId) toast.success(`Moved to ${stage.name}.`)
    })
  }

  /** The win dialog confirmed: the card takes the won deal's state and shows its project. */
  function won(pending: Pending, result: WinResult) {
    setPendingWin(null)
    const { deal, project } = result
    setColumns((current) =>
      current.map((column) => ({
        ...column,
        cards: column.cards.map((c) =>
          c.id === deal.id ? { ...c, version: deal.version, probability: deal.probability, status: 'WON', position: deal.position, project: project ? { id: project.id, status: 'ACTIVE' } : null } : c,
        ),
      })),
    )
    announceWin(result, (href) => router.push(href), orgSlug)
    router.refresh()
  }

  async function loadMore(stageId: string) {
    const column = columns.find((c) => c.stageId === stageId)
    if (!column?.nextCursor) return
    const result = await loadMoreAction({ orgSlug, stageId, cursor: column.nextCursor, filters })
    if (!result.ok) {
      toast.error(result.formError ?? 'Could not load more deals.')
      return
    }
    setColumns((current) =>
      current.map((c) =>
        c.stageId === stageId ? { ...c, cards: [...c.cards, ...result.data.cards.filter((n) => !c.cards.some((o) => o.id === n.id))], nextCursor: result.data.nextCursor } : c,
      ),
    )
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move it, space to drop, escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${stageOf(containerOf(String(over.id)) ?? '')?.name ?? 'a column'}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} was dropped in ${stageOf(containerOf(String(over.id)) ?? '')?.name ?? 'a column'}.` : `${titleOf(active.id)} was dropped.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  }

  const active = activeId ? findCard(columns, activeId)?.card : undefined
  return (
    <>
      <DndContext
        id="deal-board"
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          if (dragStart) setColumns(dragStart)
          setDragStart(null)
          setActiveId(null)
        }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a deal, press space, then use the arrow keys, and press space again to drop it.' } }}
      >
        <div className="flex min-h-[60vh] gap-3 overflow-x-auto pb-4" data-testid="deal-board" data-hydrated={hydrated ? true : undefined}>
          {columns.map((column) => (
            <BoardColumn
              key={column.stageId}
              orgSlug={orgSlug}
              stage={column.stage}
              cards={column.cards}
              limit={hydrated ? undefined : SERVER_CARDS}
              totals={column.totals}
              hasMore={Boolean(column.nextCursor)}
              onLoadMore={() => loadMore(column.stageId)}
              canEdit={canEdit}
              today={today}
              move={move}
              currency={currency}
            />
          ))}
        </div>
        {pointerDrag ? <DragOverlay>{active ? <DealCardView orgSlug={orgSlug} card={active} today={today} overlay /> : null}</DragOverlay> : null}
      </DndContext>
      <WinDialog
        orgSlug={orgSlug}
        dealId={pendingWin?.dealId ?? ''}
        dealTitle={pendingWin ? titleOf(pendingWin.dealId) : ''}
        open={Boolean(pendingWin)}
        move={pendingWin ? { version: pendingWin.version, afterId: pendingWin.afterId, beforeId: pendingWin.beforeId } : undefined}
        onCancel={() => {
          if (pendingWin) setColumns(pendingWin.snapshot)
          setPendingWin(null)
        }}
        onWon={(result) => pendingWin && won(pendingWin, result)}
      />
      <LostReasonDialog
        reasons={lostReasons}
        dealTitle={pendingLost ? titleOf(pendingLost.dealId) : ''}
        open={Boolean(pendingLost)}
        onCancel={() => {
          if (pendingLost) setColumns(pendingLost.snapshot)
          setPendingLost(null)
        }}
        onConfirm={(lost) => {
          if (pendingLost) commit(pendingLost, lost)
          setPendingLost(null)
        }}
      />
    </>
  )
}
