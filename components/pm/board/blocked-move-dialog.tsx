'use client'
import { Lock } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'

export type BlockedMove = { taskTitle: string; kind: 'DOING' | 'DONE'; message: string }

/** Asked when a card is moved to In progress or Done while a task it waits for is open. */
export function BlockedMoveDialog({ move, onCancel, onConfirm }: { move: BlockedMove | null; onCancel: () => void; onConfirm: () => void }) {
  const start = move?.kind !== 'DONE'
  return (
    <Dialog
      open={Boolean(move)}
      onOpenChange={(open) => {
        if (!open) onCancel()
      }}
      title={start ? 'Start anyway?' : 'Complete anyway?'}
      description={move?.message}
    >
      <div className="flex items-start gap-3 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-ink">
        <Lock className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
        <p>
          {start ? 'Starting' : 'Completing'} it now skips the order the team agreed on. The override is recorded in the task’s history.
        </p>
      </div>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onConfirm} autoFocus>
          {start ? 'Start anyway' : 'Complete anyway'}
        </Button>
      </div>
    </Dialog>
  )
}
