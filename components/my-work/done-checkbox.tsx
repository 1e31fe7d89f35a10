'use client'
import { useParams, useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { setMyWorkDoneAction } from '@/app/(app)/[orgSlug]/my-work/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { MyWorkSource } from '@/lib/pm/my-work.schema'
import styles from './my-work-row.module.css'

type Props = {
  source: MyWorkSource
  id: string
  title: string
  done: boolean
  /** the viewer may not tick it: why (shown as the tooltip) */
  disabledReason?: string
  /** a project task whose blocker is still open: ask before completing it */
  blocked?: boolean
}

/**
 * Ticks an item at once, saves it, and offers Undo in the toast; a failed save rolls the
 * tick back with the server's message. A blocked project task asks "Complete anyway?" first
 * (the override is recorded in the task's history).
 */
export function DoneCheckbox({ source, id, title, done, disabledReason, blocked = false }: Props) {
  const { orgSlug } = useParams<{ orgSlug: string }>()
  const router = useRouter()
  const [checked, setChecked] = useState(done)
  const [seen, setSeen] = useState(done)
  const [confirming, setConfirming] = useState(false)
  const [pending, startTransition] = useTransition()
  if (seen !== done) {
    // The server's answer arrived (after a refresh): it wins over the optimistic tick.
    setSeen(done)
    setChecked(done)
  }

  function save(next: boolean, override = false) {
    setChecked(next)
    startTransition(async () => {
      const result = await setMyWorkDoneAction({ orgSlug, source, id, done: next, ...(override ? { override: true } : {}) })
      if (!result.ok) {
        setChecked(!next)
        if (next && !override && result.fieldErrors?.blockers) {
          // A blocker opened since the page loaded: ask, as for a task known to be blocked.
          setConfirming(true)
          return
        }
        toast.error(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'The task could not be updated.')
        return
      }
      toast.success(next ? `“${title}” is done.` : `“${title}” is open again.`, {
        action: { label: 'Undo', onClick: () => save(!next, override) },
      })
      router.refresh()
    })
  }

  return (
    <>
      <input
        type="checkbox"
        className={styles.checkbox}
        checked={checked}
        disabled={Boolean(disabledReason) || pending}
        title={disabledReason}
        aria-label={checked ? `Mark “${title}” as not done` : `Mark “${title}” as done`}
        onChange={(event) => {
          const next = event.target.checked
          if (next && blocked) setConfirming(true)
          else save(next)
        }}
      />
      {blocked || confirming ? (
        <Dialog open={confirming} onOpenChange={setConfirming} title="Complete a blocked task?" description={`“${title}” waits on a task that is not done yet.`}>
          <p className="text-sm text-ink-soft">Completing it anyway is recorded in the task’s history.</p>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                setConfirming(false)
                save(true, true)
              }}
            >
              Complete anyway
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  )
}
