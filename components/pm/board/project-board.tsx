'use client'
import {
  closestCorners,
  DndContext,
  pointerWithin,
  type CollisionDetection,
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
import { ChevronDown } from 'lucide-react'
import { useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo, useState, useTransition } from 'react'
import { useHydrated } from '@/components/ui/use-hydrated'
import { toast } from 'sonner'
import { moveTaskAction, reorderColumnsAction, setTaskDoneAction, type MoveResult } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { ActionResult } from '@/lib/action'
import type { BoardMeta, TaskCard } from '@/lib/pm/board-query'
import type { BoardSearch } from '@/lib/pm/board-query.schema'
import { TaskDrawer } from '@/components/pm/task-drawer/task-drawer'
import { cn } from '@/components/ui/cn'
import { BlockedMoveDialog, type BlockedMove } from './blocked-move-dialog'
import { BoardCell } from './board-cell'
import { refocusAfterMenu } from '@/components/ui/menu-focus'
import { unpackCards, type PackedCards } from './card-pack'
import { ALL_LANE, cardsIn, cellId, laneOf, lanesOf, mergeCards, moveCard, NO_LANE_VALUE, parseCellId, placeOf } from './board-state'
import { ColumnDialogs, type ColumnDialog } from './column-dialogs'
import { ColumnHeader, type ColumnCommand } from './column-header'
import { QuickAdd } from './quick-add'
import { TaskCardView, type CardActions } from './task-card'

/**
 * The pointer decides where a card lands (columns stretch to the tallest one, so their corners
 * are far from a card dropped in their middle); keyboard drags have no pointer and use corners.
 */
const collisions: CollisionDetection = (args) => {
  const within = pointerWithin(args)
  return within.length ? within : closestCorners(args)
}

/**
 * Cards the server draws per column. A 300-task board drawn in full is a heavy page; the
 * first cards of each column fill the screen, and the browser draws the rest right after
 * hydration (the data is already there), so the page is fast and nothing visible moves.
 */
const SERVER_CARDS = 6

const menuButtonOf = (taskId: string) => `[data-task-id="${taskId}"] [aria-haspopup="menu"]`

type Pending = { taskId: string; toColumnId: string; version: number; afterId?: string; beforeId?: string; snapshot: TaskCard[]; done?: boolean }

/** The URL with `?task=` set or removed, keeping filters (the drawer opens from it). */
function taskUrl(params: URLSearchParams, taskId: string | null) {
  const next = new URLSearchParams(params)
  if (taskId) next.set('task', taskId)
  else next.delete('task')
  const query = next.toString()
  return `${window.location.pathname}${query ? `?${query}` : ''}`
}

/**
 * The project board: columns of cards with drag and drop (pointer and keyboard), optional
 * swimlanes, quick add, column menus, and the task drawer. Moves are optimistic: the card
 * moves at once and goes back with a message if the server refuses. A move onto In progress
 * or Done while a blocker is open asks "Start anyway?" / "Complete anyway?".
 */
export function ProjectBoard({ orgSlug, board, packed, search }: { orgSlug: string; board: BoardMeta; packed: PackedCards; search: BoardSearch }) {
  const router = useRouter()
  const params = useSearchParams()
  const [cards, setCards] = useState(() => unpackCards(packed, board.columns, board.milestones))
  const [source, setSource] = useState(packed)
  // Fresh server data (a refresh after a conflict, a column change, new filters) replaces local state.
  if (packed !== source) {
    setSource(packed)
    setCards(unpackCards(packed, board.columns, board.milestones))
  }
  const [dragStart, setDragStart] = useState<TaskCard[] | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [pointerDrag, setPointerDrag] = useState(true)
  const [blocked, setBlocked] = useState<(BlockedMove & { pending: Pending }) | null>(null)
  const [menuFor, setMenuFor] = useState<string | null>(null)
  const [columnDialog, setColumnDialog] = useState<ColumnDialog>(null)
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const [moveTick, setMoveTick] = useState(0)
  const hydrated = useHydrated()
  const [, startTransition] = useTransition()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  )

  const { columns, canEdit } = board
  const lanesMode = search.lanes
  const lanes = useMemo(() => lanesOf(cards, lanesMode, board.milestones), [cards, lanesMode, board.milestones])
  const columnOf = (id: string) => columns.find((c) => c.id === id)
  const cardOf = (id: string) => cards.find((c) => c.id === id)
  const titleOf = (id: string | number) => cardOf(String(id))?.title ?? 'The task'
  const openTaskId = params.get('task')

  const openTask = useCallback(
    (taskId: string) => {
      setMenuFor(null)
      window.history.pushState(null, '', taskUrl(new URLSearchParams(window.location.search), taskId))
    },
    [],
  )
  const closeTask = () => window.history.replaceState(null, '', taskUrl(new URLSearchParams(window.location.search), null))
  const actions: CardActions = useMemo(() => ({ open: openTask, openMenu: setMenuFor }), [openTask])

  /** Where a dragged card is over: a cell id, or a card (then that card's cell). */
  function targetOf(overId: string) {
    const cell = parseCellId(overId)
    if (cell) return { columnId: cell.columnId, overCard: null as string | null }
    const over = cardOf(overId)
    return over ? { columnId: over.columnId, overCard: over.id } : null
  }

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    setPointerDrag(!(activatorEvent instanceof KeyboardEvent))
    setDragStart(cards)
    setActiveId(String(active.id))
    setMenuFor(null)
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return
    const id = String(active.id)
    const card = cardOf(id)
    const target = targetOf(String(over.id))
    if (!card || !target || target.columnId === card.columnId) return
    const lane = laneOf(card, lanesMode)
    const siblings = cardsIn(cards, target.columnId, lanesMode ? lane : ALL_LANE, lanesMode)
    const overIndex = target.overCard ? siblings.findIndex((c) => c.id === target.overCard) : -1
    const moved = moveCard(cards, id, target.columnId, overIndex >= 0 ? overIndex : siblings.length, lanesMode)
    if (moved) setCards(moved.cards)
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const snapshot = dragStart ?? cards
    setActiveId(null)
    setDragStart(null)
    const id = String(active.id)
    const target = over ? targetOf(String(over.id)) : null
    const card = cardOf(id)
    if (!target || !card) return setCards(snapshot)
    const lane = laneOf(card, lanesMode)
    const siblings = cardsIn(cards, target.columnId, lanesMode ? lane : ALL_LANE, lanesMode)
    const overIndex = target.overCard ? siblings.findIndex((c) => c.id === target.overCard) : -1
    place(cards, snapshot, id, target.columnId, overIndex >= 0 ? overIndex : siblings.length)
  }

  /** Puts a card at `index` of its lane in column `toColumnId` (optimistically) and saves. */
  function place(current: TaskCard[], snapshot: TaskCard[], taskId: string, toColumnId: string, index: number) {
    const before = placeOf(snapshot, taskId, lanesMode)
    const original = snapshot.find((c) => c.id === taskId)
    const column = columnOf(toColumnId)
    if (!before || !original || !column) return setCards(snapshot)
    const result = moveCard(current, taskId, toColumnId, index, lanesMode, (card) =>
      card.columnId === original.columnId ? card : { ...card, done: column.kind === 'DONE', overdue: column.kind === 'DONE' ? false : card.overdue },
    )
    if (!result) return setCards(snapshot)
    const after = placeOf(result.cards, taskId, lanesMode)
    if (after && after.columnId === before.columnId && after.index === before.index) return setCards(snapshot)
    setCards(result.cards)
    commit({ taskId, toColumnId, version: original.version, afterId: result.afterId, beforeId: result.beforeId, snapshot })
  }

  function settle(pending: Pending, result: ActionResult<MoveResult>) {
    setMoveTick((n) => n + 1)
    if (!result.ok) {
      const message = result.fieldErrors?.blockers?.[0]
      const column = columnOf(pending.toColumnId)
      if (message && column && (column.kind === 'DOING' || column.kind === 'DONE')) {
        setBlocked({ taskTitle: titleOf(pending.taskId), kind: column.kind, message, pending })
        return
      }
      setCards(pending.snapshot)
      toast.error(result.formError ?? 'The task could not be moved.')
      if (result.status === 409) router.refresh()
      return
    }
    setCards((current) => mergeCards(current, result.data.cards))
    // The project header (progress, overdue count) sits in the layout: refresh it when a task was completed or reopened.
    if (result.data.moved.done !== pending.snapshot.find((c) => c.id === pending.taskId)?.done) router.refresh()
    const column = columnOf(result.data.moved.columnId)
    const from = pending.snapshot.find((c) => c.id === pending.taskId)?.columnId
    if (column && column.id !== from) toast.success(`Moved to ${column.name}.`)
  }

  function commit(pending: Pending, override = false) {
    startTransition(async () => {
      const { taskId, toColumnId, version, afterId, beforeId } = pending
      const result =
        pending.done === undefined
          ? await moveTaskAction({ orgSlug, taskId, toColumnId, version, afterId, beforeId, override })
          : await setTaskDoneAction({ orgSlug, taskId, done: pending.done, version, override })
      settle(pending, result)
    })
  }

  /** The keyboard way (and the drawer's status): on top of the chosen column, in the card's lane. */
  function moveToColumn(taskId: string, toColumnId: string, version?: number) {
    setMenuFor(null)
    if (cardOf(taskId)) return place(cards, cards, taskId, toColumnId, 0)
    // Not on the board (filtered out): save without an optimistic move.
    if (version !== undefined) commit({ taskId, toColumnId, version, snapshot: cards })
  }

  /** The drawer's "Mark complete" / "Reopen": the server picks the column (a rep may complete their own task). */
  function setDone(taskId: string, done: boolean, version: number) {
    const target = done ? columns.find((c) => c.kind === 'DONE') : columns.find((c) => c.kind === 'TODO')
    commit({ taskId, toColumnId: target?.id ?? '', version: cardOf(taskId)?.version ?? version, snapshot: cards, done })
  }

  function onColumnCommand(columnId: string, command: ColumnCommand) {
    const column = columnOf(columnId)!
    if (command === 'left' || command === 'right') {
      const ids = columns.map((c) => c.id)
      const at = ids.indexOf(columnId)
      const to = command === 'left' ? at - 1 : at + 1
      if (to < 0 || to >= ids.length) return
      ;[ids[at], ids[to]] = [ids[to]!, ids[at]!]
      startTransition(async () => {
        const result = await reorderColumnsAction({ orgSlug, projectId: board.project.id, columnIds: ids })
        if (!result.ok) toast.error(result.formError ?? 'The columns could not be reordered.')
        router.refresh()
      })
      return
    }
    setColumnDialog({ type: command, column, count: cards.filter((c) => c.columnId === columnId).length })
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move it, space to drop, escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${columnOf(targetOf(String(over.id))?.columnId ?? '')?.name ?? 'a column'}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} was dropped in ${columnOf(targetOf(String(over.id))?.columnId ?? '')?.name ?? 'a column'}.` : `${titleOf(active.id)} was dropped.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  }

  const menu = useMemo(
    () => ({
      columns: columns.map((c) => ({ id: c.id, name: c.name })),
      onMove: (taskId: string, columnId: string) => {
        moveToColumn(taskId, columnId)
        refocusAfterMenu(menuButtonOf(taskId))
      },
      onClose: (taskId: string) => {
        setMenuFor(null)
        refocusAfterMenu(menuButtonOf(taskId))
      },
    }),
    [columns, cards, lanesMode], // eslint-disable-line react-hooks/exhaustive-deps
  )
  const active = activeId ? cardOf(activeId) : undefined
  const joined = !lanesMode
  const showMilestone = lanesMode !== 'milestone'
  const presetOf = (lane: string) =>
    lanesMode === 'milestone' && lane !== NO_LANE_VALUE ? { milestoneId: lane } : lanesMode === 'assignee' && lane !== NO_LANE_VALUE ? { assigneeId: lane } : {}

  return (
    <>
      <DndContext
        id="project-board"
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          if (dragStart) setCards(dragStart)
          setDragStart(null)
          setActiveId(null)
        }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a task, press space, then use the arrow keys, and press space again to drop it. Press enter to open it.' } }}
      >
        <div className="overflow-x-auto pb-4" data-testid="project-board" data-task-count={cards.length}>
          <div className="inline-flex min-w-full flex-col gap-3">
            <div className={cn('flex gap-3', lanesMode && 'sticky top-0 z-10')}>
              {columns.map((column, index) => (
                <ColumnHeader
                  key={column.id}
                  column={column}
                  count={cards.filter((c) => c.columnId === column.id).length}
                  first={index === 0}
                  last={index === columns.length - 1}
                  canEdit={canEdit}
                  joined={joined}
                  onCommand={(command) => onColumnCommand(column.id, command)}
                />
              ))}
            </div>
            {lanes.map((lane) => {
              const laneCards = lanesMode ? cards.filter((c) => laneOf(c, lanesMode) === lane.key) : cards
              const isCollapsed = collapsed.has(lane.key)
              return (
                <section key={lane.key} aria-label={lanesMode ? `Swimlane ${lane.label}` : undefined} className={cn(joined ? '-mt-3' : '')} data-testid={lanesMode ? 'swimlane' : undefined}>
                  {lanesMode ? (
                    <h3 className="sticky left-0 mb-2 inline-flex">
                      <button
                        type="button"
                        aria-expanded={!isCollapsed}
                        onClick={() => setCollapsed((prev) => {
                          const next = new Set(prev)
                          if (next.has(lane.key)) next.delete(lane.key)
                          else next.add(lane.key)
                          return next
                        })}
                        className="inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-sm font-semibold hover:bg-muted"
                      >
                        <ChevronDown className={cn('size-4 text-ink-soft transition-transform', isCollapsed && '-rotate-90')} aria-hidden />
                        {lane.label}
                        <span className="text-xs font-normal text-ink-soft">{laneCards.length}</span>
                      </button>
                    </h3>
                  ) : null}
                  {isCollapsed ? null : (
                    <div className="flex gap-3">
                      {columns.map((column) => {
                        const cellCards = cardsIn(laneCards, column.id, ALL_LANE, lanesMode)
                        return (
                          <BoardCell
                            key={column.id}
                            id={cellId(lane.key, column.id)}
                            label={`${column.name}${lanesMode ? `, ${lane.label}` : ''}: ${cellCards.length} ${cellCards.length === 1 ? 'task' : 'tasks'}`}
                            columnName={column.name}
                            cards={cellCards}
                            canEdit={canEdit}
                            showMilestone={showMilestone}
                            actions={actions}
                            menuFor={menuFor}
                            menu={menu}
                            joined={joined}
                            limit={hydrated ? undefined : SERVER_CARDS}
                            footer={
                              canEdit ? (
                                <QuickAdd
                                  orgSlug={orgSlug}
                                  projectId={board.project.id}
                                  columnId={column.id}
                                  columnName={column.name}
                                  preset={presetOf(lane.key)}
                                  onCreated={(card) => setCards((current) => mergeCards(current, [card], { add: true }))}
                                />
                              ) : null
                            }
                          />
                        )
                      })}
                    </div>
                  )}
                </section>
              )
            })}
          </div>
        </div>
        {pointerDrag ? <DragOverlay>{active ? <TaskCardView card={active} showMilestone={showMilestone} overlay /> : null}</DragOverlay> : null}
      </DndContext>
      <BlockedMoveDialog
        move={blocked}
        onCancel={() => {
          if (blocked) setCards(blocked.pending.snapshot)
          setBlocked(null)
          setMoveTick((n) => n + 1)
        }}
        onConfirm={() => {
          if (blocked) commit(blocked.pending, true)
          setBlocked(null)
        }}
      />
      <ColumnDialogs orgSlug={orgSlug} projectId={board.project.id} dialog={columnDialog} columns={columns} onClose={() => setColumnDialog(null)} />
      {openTaskId ? (
        <TaskDrawer
          key={openTaskId}
          orgSlug={orgSlug}
          taskId={openTaskId}
          card={cardOf(openTaskId)}
          board={board}
          onClose={closeTask}
          onOpen={openTask}
          moveTick={moveTick}
          onCards={(fresh) => setCards((current) => mergeCards(current, fresh))}
          onDeleted={(taskId) => {
            setCards((current) => current.filter((c) => c.id !== taskId))
            closeTask()
            router.refresh()
          }}
          onMove={moveToColumn}
          onSetDone={setDone}
        />
      ) : null}
    </>
  )
}
