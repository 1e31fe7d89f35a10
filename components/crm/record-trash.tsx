'use client'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { RotateCcw, Trash2 } from 'lucide-react'
import type { ActionResult } from '@/lib/action'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/field'

type RecordAction = (input: { orgSlug: string; id: string }) => Promise<ActionResult<{ id: string }>>

const firstError = (result: Extract<ActionResult<unknown>, { ok: false }>) => result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'That did not work.'

/** "Delete" with a confirmation: the record moves to the trash and the page says so. */
export function DeleteRecordButton({ orgSlug, id, noun, name, action }: { orgSlug: string; id: string; noun: string; name: string; action: RecordAction }) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setError(undefined)
      }}
      title={`Delete this ${noun}?`}
      description={`“${name}” moves to the trash. It disappears from lists and searches; you can restore it from the trash.`}
      trigger={
        <Button variant="secondary">
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
      }
    >
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await action({ orgSlug, id })
              if (!result.ok) return setError(firstError(result))
              setOpen(false)
              toast.success(result.message ?? 'Moved to the trash.')
            })
          }
        >
          {pending ? 'Deleting…' : `Delete ${noun}`}
        </Button>
      </div>
    </Dialog>
  )
}

/** Shown on a record in the trash: what that means, and a Restore button for those who may. */
export function TrashBanner({ orgSlug, id, noun, listHref, action, canRestore }: { orgSlug: string; id: string; noun: string; listHref: string; action: RecordAction; canRestore: boolean }) {
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-danger/30 bg-danger/5 px-4 py-3 text-sm" data-testid="trash-banner">
      <p className="flex-1 text-danger">
        This {noun} is in the trash. It is hidden from lists; find it again under <a href={`${listHref}?trash=1`} className="underline">Trash</a>.
      </p>
      {canRestore ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await action({ orgSlug, id })
              if (!result.ok) return setError(firstError(result))
              setError(undefined)
              toast.success(result.message ?? 'Restored.')
            })
          }
        >
          <RotateCcw className="size-4" aria-hidden /> {pending ? 'Restoring…' : 'Restore'}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-danger">
          {error}
        </p>
      ) : null}
    </div>
  )
}
