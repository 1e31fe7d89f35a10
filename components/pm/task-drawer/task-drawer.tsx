'use client'
import { Dialog as Radix } from 'radix-ui'
import { Check, Link2, RotateCcw, Trash2, X } from 'lucide-react'
import { useEffect, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { deleteTaskAction, loadTaskAction, type DrawerChange } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { ActionResult } from '@/lib/action'
import type { BoardMeta, TaskCard } from '@/lib/pm/board-query'
import type { TaskDetail } from '@/lib/pm/task-detail'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { errorOf } from './drawer-types'
import { TaskChecklist } from './task-checklist'
import { TaskComments } from './task-comments'
import { TaskDependencies } from './task-dependencies'
import { TaskDescription } from './task-description'
import { TaskFields } from './task-fields'
import { TaskHistory } from './task-history'
import { TaskTitle } from './task-title'

const kindTone = { TODO: 'bg-muted text-ink-soft', DOING: 'bg-accent/10 text-accent', BLOCKED: 'bg-warning/10 text-warning', DONE: 'bg-success/10 text-success' } as const

/**
 * The task drawer, opened by a card or by `?task=<id>` in the URL (so the list, timeline and
 * My work can link to a task). It loads the task when opened and after every move, and each
 * change it saves answers with the fresh task and the cards to refresh on the board.
 */
export function TaskDrawer({
  orgSlug,
  taskId,
  card,
  board,
  moveTick,
  onClose,
  onOpen,
  onCards,
  onDeleted,
  onMove,
  onSetDone,
}: {
  orgSlug: string
  taskId: string
  card: TaskCard | undefined
  board: BoardMeta
  /** changes after every move the board saved: the drawer reloads */
  moveTick: number
  onClose: () => void
  onOpen: (taskId: string) => void
  onCards: (cards: TaskCard[]) => void
  onDeleted: (taskId: string) => void
  onMove: (taskId: string, columnId: string, version: number) => void
  onSetDone: (taskId: string, done: boolean, version: number) => void
}) {
  const [detail, setDetail] = useState<TaskDetail | null>(null)
  const [missing, setMissing] = useState<string>()
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [pending, startTransition] = useTransition()

  const [reloads, setReloads] = useState(0)
  useEffect(() => {
    let live = true
    void loadTaskAction({ orgSlug, taskId }).then((result) => {
      if (!live) return
      if (result.ok) setDetail(result.data)
      else setMissing(result.formError ?? 'This task was not found.')
    })
    return () => {
      live = false
    }
  }, [orgSlug, taskId, moveTick, reloads])

  const apply = (result: ActionResult<DrawerChange>, field?: string) => {
    if (result.ok) {
      setDetail(result.data.detail)
      onCards(result.data.cards)
      return undefined
    }
    if (result.status === 404) setReloads((n) => n + 1)
    return errorOf(result, field)
  }

  const remove = () =>
    startTransition(async () => {
      const result = await deleteTaskAction({ orgSlug, taskId })
      if (!result.ok) return void toast.error(result.formError ?? 'The task could not be deleted.')
      onCards(result.data.cards)
      toast.success('Task deleted.')
      onDeleted(taskId)
    })

  return (
    <Radix.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-30 bg-black/20" />
        <Radix.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 right-0 z-40 flex w-[min(44rem,100vw)] flex-col border-l border-line bg-surface shadow-2xl focus:outline-none"
          data-testid="task-drawer"
          onEscapeKeyDown={(e) => {
            // Escape inside an editor cancels that edit; it does not close the drawer.
            const el = document.activeElement
            if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'checkbox')) e.preventDefault()
          }}
        >
          <div className="flex items-center gap-2 border-b border-line px-5 py-2.5">
            {detail ? (
              <span className={cn('rounded-full px-2 py-0.5 text-xs font-medium', kindTone[detail.column.kind])} data-testid="drawer-status">
                {detail.column.name}
              </span>
            ) : (
              <span className="h-5 w-20 animate-pulse rounded-full bg-muted" />
            )}
            <div className="ml-auto flex items-center gap-1">
              {detail?.canComplete ? (
                <Button size="sm" variant={detail.done ? 'secondary' : 'primary'} onClick={() => onSetDone(detail.id, !detail.done, detail.version)}>
                  {detail.done ? <RotateCcw className="size-4" aria-hidden /> : <Check className="size-4" aria-hidden />}
                  {detail.done ? 'Reopen' : 'Mark complete'}
                </Button>
              ) : null}
              <button
                type="button"
                className="rounded p-1.5 text-ink-soft hover:bg-muted hover:text-ink"
                aria-label="Copy link to this task"
                title="Copy link"
                onClick={() => {
                  void navigator.clipboard?.writeText(window.location.href)
                  toast.success('Link copied.')
                }}
              >
                <Link2 className="size-4" aria-hidden />
              </button>
              {detail?.canEdit ? (
                <button type="button" className="rounded p-1.5 text-ink-soft hover:bg-muted hover:text-danger" aria-label="Delete task" title="Delete task" onClick={() => setConfirmDelete(true)}>
                  <Trash2 className="size-4" aria-hidden />
                </button>
              ) : null}
              <Radix.Close className="rounded p-1.5 text-ink-soft hover:bg-muted hover:text-ink" aria-label="Close task">
                <X className="size-4" aria-hidden />
              </Radix.Close>
            </div>
          </div>
          {confirmDelete && detail ? (
            <div role="alert" className="flex items-center gap-3 border-b border-danger/30 bg-danger/10 px-5 py-2 text-sm">
              <span className="flex-1">Delete “{detail.title}” with its checklist and comments? This cannot be undone.</span>
              <Button size="sm" variant="secondary" onClick={() => setConfirmDelete(false)}>
                Keep
              </Button>
              <Button size="sm" variant="danger" onClick={remove} disabled={pending}>
                Delete
              </Button>
            </div>
          ) : null}
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
            {detail ? (
              <div className="space-y-6">
                <TaskTitle key={`title-${detail.title}`} orgSlug={orgSlug} detail={detail} apply={apply} />
                <TaskFields
                  orgSlug={orgSlug}
                  detail={detail}
                  apply={apply}
                  columns={board.columns}
                  milestones={board.milestones}
                  onMove={(columnId) => onMove(detail.id, columnId, card?.version ?? detail.version)}
                />
                <TaskDescription orgSlug={orgSlug} detail={detail} apply={apply} />
                <TaskDependencies orgSlug={orgSlug} detail={detail} apply={apply} onOpen={onOpen} />
                <TaskChecklist orgSlug={orgSlug} detail={detail} apply={apply} />
                <TaskComments orgSlug={orgSlug} detail={detail} apply={apply} />
                <TaskHistory entries={detail.history} />
              </div>
            ) : missing ? (
              <div className="py-10 text-center">
                <Radix.Title className="text-base font-semibold">Task not found</Radix.Title>
                <p className="mt-1 text-sm text-ink-soft">{missing} It may have been deleted, or it belongs to a project you cannot see.</p>
              </div>
            ) : (
              <div className="space-y-3" aria-busy="true">
                <Radix.Title className="sr-only">Loading the task…</Radix.Title>
                <div className="h-7 w-3/4 animate-pulse rounded bg-muted" />
                {Array.from({ length: 6 }, (_, i) => (
                  <div key={i} className="h-5 animate-pulse rounded bg-muted" />
                ))}
              </div>
            )}
          </div>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  )
}
