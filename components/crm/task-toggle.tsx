'use client'
import { useParams, useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { setTaskDoneAction } from '@/app/(app)/[orgSlug]/activities/actions'

/** The checkbox of a follow-up task: ticks at once, rolls back with a message if saving fails. */
export function TaskToggle({ activityId, title, done, disabled }: { activityId: string; title: string; done: boolean; disabled: boolean }) {
  const { orgSlug } = useParams<{ orgSlug: string }>()
  const router = useRouter()
  const [checked, setChecked] = useState(done)
  const [pending, startTransition] = useTransition()
  const [seen, setSeen] = useState(done)
  if (seen !== done) {
    // The server's answer arrived (after a refresh): it wins over the optimistic tick.
    setSeen(done)
    setChecked(done)
  }
  return (
    <input
      type="checkbox"
      className="mt-0.5 size-4 shrink-0 accent-accent"
      checked={checked}
      disabled={disabled || pending}
      aria-label={checked ? `Mark “${title}” as not done` : `Mark “${title}” as done`}
      onChange={(event) => {
        const next = event.target.checked
        setChecked(next)
        startTransition(async () => {
          const result = await setTaskDoneAction({ orgSlug, activityId, done: next })
          if (!result.ok) {
            setChecked(!next)
            toast.error(result.formError ?? 'The task could not be updated.')
            return
          }
          toast.success(next ? 'Task done.' : 'Task reopened.')
          router.refresh()
        })
      }}
    />
  )
}
