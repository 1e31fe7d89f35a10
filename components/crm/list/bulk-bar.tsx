'use client'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { MoveRight, RotateCcw, Trash2, UserRound } from 'lucide-react'
import type { ActionResult } from '@/lib/action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { useSelection } from './list-selection'

type Option = { value: string; label: string }
type Result = ActionResult<{ count: number }>
type IdsAction = (input: { orgSlug: string; ids: string[] }) => Promise<Result>
type OwnerAction = (input: { orgSlug: string; ids: string[]; ownerId: string }) => Promise<Result>
type MoveAction = (input: { orgSlug: string; ids: string[]; stageId: string; lostReasonId?: string; lostNote?: string }) => Promise<Result>

export type StageGroup = { pipeline: string; stages: { id: string; name: string; kind: 'OPEN' | 'WON' | 'LOST' }[] }
type Noun = { one: string; many: string }

const count = (n: number, noun: Noun) => `${n} ${n === 1 ? noun.one : noun.many}`

/**
 * What can be done with the rows selected on the page: change their owner, move them to a
 * stage (deals), delete them, or restore them in the trash. Each asks for confirmation.
 */
export function BulkBar({
  orgSlug,
  noun,
  trash,
  deleteAction,
  restoreAction,
  owner,
  move,
}: {
  orgSlug: string
  noun: Noun
  trash: boolean
  deleteAction?: IdsAction
  restoreAction?: IdsAction
  owner?: { action: OwnerAction; options: Option[] }
  move?: { action: MoveAction; groups: StageGroup[]; lostReasons: { id: string; label: string }[] }
}) {
  const { selected, clear } = useSelection()
  const [open, setOpen] = useState<'delete' | 'restore' | 'owner' | 'move' | null>(null)
  const ids = [...selected]
  if (ids.length === 0) return null
  const close = () => setOpen(null)
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md border border-accent/30 bg-accent/5 px-3 py-2 text-sm" role="region" aria-label="Bulk actions">
      <span className="font-medium" data-testid="selected-count">
        {count(ids.length, noun)} selected
      </span>
      {trash ? (
        restoreAction ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen('restore')}>
            <RotateCcw className="size-4" aria-hidden /> Restore
          </Button>
        ) : null
      ) : (
        <>
          {owner ? (
            <Button size="sm" variant="secondary" onClick={() => setOpen('owner')}>
              <UserRound className="size-4" aria-hidden /> Change owner
            </Button>
          ) : null}
          {move ? (
            <Button size="sm" variant="secondary" onClick={() => setOpen('move')}>
              <MoveRight className="size-4" aria-hidden /> Move stage
            </Button>
          ) : null}
          {deleteAction ? (
            <Button size="sm" variant="secondary" onClick={() => setOpen('delete')}>
              <Trash2 className="size-4" aria-hidden /> Delete
            </Button>
          ) : null}
        </>
      )}
      <Button size="sm" variant="ghost" onClick={clear}>
        Clear selection
      </Button>

      {deleteAction ? (
        <ConfirmDialog
          open={open === 'delete'}
          onClose={close}
          title={`Delete ${count(ids.length, noun)}?`}
          description={`They move to the trash; you can restore them from the Trash filter.`}
          confirm={`Delete ${count(ids.length, noun)}`}
          danger
          run={() => deleteAction({ orgSlug, ids })}
          done={(n) => `${count(n, noun)} moved to the trash.`}
        />
      ) : null}
      {restoreAction ? (
        <ConfirmDialog
          open={open === 'restore'}
          onClose={close}
          title={`Restore ${count(ids.length, noun)}?`}
          description="They come back to the list as they were."
          confirm={`Restore ${count(ids.length, noun)}`}
          run={() => restoreAction({ orgSlug, ids })}
          done={(n) => `${count(n, noun)} restored.`}
        />
      ) : null}
      {owner ? <OwnerDialog open={open === 'owner'} onClose={close} ids={ids} noun={noun} orgSlug={orgSlug} {...owner} /> : null}
      {move ? <MoveDialog open={open === 'move'} onClose={close} ids={ids} noun={noun} orgSlug={orgSlug} {...move} /> : null}
    </div>
  )
}

/** Runs a bulk action; on success: a toast and the selection cleared (the action revalidates the list). */
function useBulkRun(onClose: () => void) {
  const { clear } = useSelection()
  const [pending, startTransition] = useTransition()
  const [failed, setFailed] = useState<Extract<Result, { ok: false }> | null>(null)
  const run = (action: () => Promise<Result>, done: (n: number) => string) =>
    startTransition(async () => {
      const result = await action()
      if (!result.ok) return setFailed(result)
      setFailed(null)
      toast.success(done(result.data.count))
      clear()
      onClose()
    })
  return { pending, failed, run, reset: () => setFailed(null) }
}

function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirm,
  danger,
  run: action,
  done,
}: {
  open: boolean
  onClose: () => void
  title: string
  description: string
  confirm: string
  danger?: boolean
  run: () => Promise<Result>
  done: (n: number) => string
}) {
  const { pending, failed, run, reset } = useBulkRun(onClose)
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          reset()
          onClose()
        }
      }}
      title={title}
      description={description}
    >
      <FormError message={failed?.formError ?? Object.values(failed?.fieldErrors ?? {})[0]?.[0]} />
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} disabled={pending} onClick={() => run(action, done)}>
          {pending ? 'Working…' : confirm}
        </Button>
      </div>
    </Dialog>
  )
}

function OwnerDialog({ open, onClose, ids, noun, orgSlug, action, options }: { open: boolean; onClose: () => void; ids: string[]; noun: Noun; orgSlug: string; action: OwnerAction; options: Option[] }) {
  const { pending, failed, run, reset } = useBulkRun(onClose)
  const [ownerId, setOwnerId] = useState(options[0]?.value ?? '')
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          reset()
          onClose()
        }
      }}
      title={`Change the owner of ${count(ids.length, noun)}`}
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          run(() => action({ orgSlug, ids, ownerId }), (n) => `${count(n, noun)} now ${n === 1 ? 'has' : 'have'} a new owner.`)
        }}
      >
        <FormError message={failed?.formError} />
        <SelectField label="New owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} error={failed?.fieldErrors?.ownerId} autoFocus>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Working…' : 'Change owner'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function MoveDialog({
  open,
  onClose,
  ids,
  noun,
  orgSlug,
  action,
  groups,
  lostReasons,
}: {
  open: boolean
  onClose: () => void
  ids: string[]
  noun: Noun
  orgSlug: string
  action: MoveAction
  groups: StageGroup[]
  lostReasons: { id: string; label: string }[]
}) {
  const { pending, failed, run, reset } = useBulkRun(onClose)
  const [stageId, setStageId] = useState('')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<{ stageId?: string; lostReasonId?: string }>({})
  const stage = groups.flatMap((g) => g.stages).find((s) => s.id === stageId)
  const lost = stage?.kind === 'LOST'
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          reset()
          setErrors({})
          onClose()
        }
      }}
      title={`Move ${count(ids.length, noun)} to a stage`}
      description="Moving to a Won or Lost stage closes the deals; Lost needs a reason."
    >
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const problems = { stageId: stageId ? undefined : 'Choose a stage.', lostReasonId: lost && !reason ? 'Choose why the deals were lost.' : undefined }
          setErrors(problems)
          if (problems.stageId || problems.lostReasonId) return
          run(
            () => action({ orgSlug, ids, stageId, ...(lost ? { lostReasonId: reason, lostNote: note.trim() || undefined } : {}) }),
            (n) => `${count(n, noun)} moved to ${stage?.name}.`,
          )
        }}
      >
        <FormError message={failed?.formError} />
        <SelectField label="Stage" value={stageId} onChange={(e) => setStageId(e.target.value)} error={errors.stageId ?? failed?.fieldErrors?.stageId} autoFocus>
          <option value="">Choose a stage…</option>
          {groups.map((g) => (
            <optgroup key={g.pipeline} label={g.pipeline}>
              {g.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {lost ? (
          <>
            <SelectField label="Lost reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.lostReasonId ?? failed?.fieldErrors?.lostReasonId}>
              <option value="">Choose a reason…</option>
              {lostReasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} error={failed?.fieldErrors?.lostNote} />
          </>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={lost ? 'danger' : 'primary'} disabled={pending}>
            {pending ? 'Moving…' : lost ? 'Mark as lost' : 'Move'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
