'use client'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { SelectField, TextField } from '@/components/ui/field'

/** Asked when a deal is dropped on a Lost stage: why it was lost (required) and a note. */
export function LostReasonDialog({
  open,
  dealTitle,
  reasons,
  onCancel,
  onConfirm,
}: {
  open: boolean
  dealTitle: string
  reasons: { id: string; label: string }[]
  onCancel: () => void
  onConfirm: (lost: { lostReasonId: string; lostNote?: string }) => void
}) {
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const close = () => {
    setReason('')
    setNote('')
    setError(undefined)
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          close()
          onCancel()
        }
      }}
      title="Mark the deal as lost"
      description={`Why was “${dealTitle}” lost? The reason feeds the lost-reasons report.`}
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault()
          if (!reason) return setError('Choose why the deal was lost.')
          onConfirm({ lostReasonId: reason, lostNote: note.trim() || undefined })
          close()
        }}
      >
        <SelectField label="Lost reason" value={reason} onChange={(e) => setReason(e.target.value)} error={error} autoFocus>
          <option value="">Choose a reason…</option>
          {reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        <div className="flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              close()
              onCancel()
            }}
          >
            Cancel
          </Button>
          <Button type="submit" variant="danger">
            Mark as lost
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
