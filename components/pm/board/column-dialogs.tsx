'use client'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { addColumnAction, deleteColumnAction, renameColumnAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { FieldErrors } from '@/lib/action'
import type { BoardColumnDto } from '@/lib/pm/board-query'
import { COLUMN_KINDS, columnKindLabels } from '@/lib/pm/columns.schema'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'

export type ColumnDialog = { type: 'rename' | 'add' | 'delete'; column: BoardColumnDto; count: number } | null

const kindHints: Record<(typeof COLUMN_KINDS)[number], string> = {
  TODO: 'Not started yet.',
  DOING: 'Work in progress. A task waiting for an open task cannot enter without an override.',
  BLOCKED: 'Waiting on something outside the board.',
  DONE: 'Complete. Entering sets the completion date; leaving reopens the task.',
}

/** Rename, add a column to the right, or delete (asking where its tasks go). */
export function ColumnDialogs({ orgSlug, projectId, dialog, columns, onClose }: { orgSlug: string; projectId: string; dialog: ColumnDialog; columns: BoardColumnDto[]; onClose: () => void }) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [errors, setErrors] = useState<{ form?: string; fields: FieldErrors }>({ fields: {} })
  const close = () => {
    setErrors({ fields: {} })
    onClose()
  }
  const run = (work: () => Promise<{ ok: boolean; formError?: string; fieldErrors?: FieldErrors }>, success: string) =>
    startTransition(async () => {
      const result = await work()
      if (!result.ok) return setErrors({ form: result.formError, fields: result.fieldErrors ?? {} })
      toast.success(success)
      close()
      router.refresh()
    })

  if (!dialog) return null
  const { column, count } = dialog
  const others = columns.filter((c) => c.id !== column.id)

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) close()
      }}
      title={dialog.type === 'rename' ? 'Rename column' : dialog.type === 'add' ? 'Add a column' : `Delete “${column.name}”?`}
      description={
        dialog.type === 'add'
          ? `It goes right of “${column.name}”.`
          : dialog.type === 'delete'
            ? count > 0
              ? `Its ${count} ${count === 1 ? 'task moves' : 'tasks move'} to the column you choose, taking that column’s meaning.`
              : 'The column is empty.'
            : undefined
      }
    >
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const form = new FormData(event.currentTarget)
          const value = (name: string) => String(form.get(name) ?? '')
          if (dialog.type === 'rename') run(() => renameColumnAction({ orgSlug, columnId: column.id, name: value('name') }), 'Column renamed.')
          else if (dialog.type === 'add') run(() => addColumnAction({ orgSlug, projectId, name: value('name'), kind: value('kind') as never, afterColumnId: column.id }), 'Column added.')
          else run(() => deleteColumnAction({ orgSlug, columnId: column.id, moveToColumnId: value('moveToColumnId') || undefined }), 'Column deleted.')
        }}
      >
        <FormError message={errors.form} />
        {dialog.type === 'rename' ? <TextField label="Name" name="name" defaultValue={column.name} maxLength={60} autoFocus error={errors.fields.name} /> : null}
        {dialog.type === 'add' ? (
          <>
            <TextField label="Name" name="name" maxLength={60} autoFocus placeholder="Review" error={errors.fields.name} />
            <KindField error={errors.fields.kind} />
          </>
        ) : null}
        {dialog.type === 'delete' && count > 0 ? (
          <SelectField label="Move its tasks to" name="moveToColumnId" defaultValue={others[0]?.id} error={errors.fields.moveToColumnId}>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({columnKindLabels[c.kind]})
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant={dialog.type === 'delete' ? 'danger' : 'primary'} disabled={pending}>
            {dialog.type === 'rename' ? 'Rename' : dialog.type === 'add' ? 'Add column' : 'Delete column'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function KindField({ error }: { error?: string[] }) {
  const [kind, setKind] = useState<(typeof COLUMN_KINDS)[number]>('DOING')
  return (
    <SelectField label="Meaning" name="kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} error={error} hint={kindHints[kind]}>
      {COLUMN_KINDS.map((k) => (
        <option key={k} value={k}>
          {columnKindLabels[k]}
        </option>
      ))}
    </SelectField>
  )
}
