'use client'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { Trash2 } from 'lucide-react'
import { deleteProjectAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'

/** Moves the project to the trash after a confirmation; it can be restored from the projects list. */
export function DeleteProjectButton({ orgSlug, projectId, name }: { orgSlug: string; projectId: string; name: string }) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [pending, start] = useTransition()
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Move this project to the trash?"
      description={`“${name}” disappears from the lists and from My work. You can restore it from the projects list’s trash.`}
      trigger={
        <Button variant="secondary" size="sm">
          <Trash2 className="size-4" aria-hidden /> Move to trash
        </Button>
      }
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await deleteProjectAction({ orgSlug, projectId })
              if (!result.ok) return void toast.error(result.formError ?? 'Not deleted.')
              toast.success(`“${name}” moved to the trash.`)
              router.push(`/${orgSlug}/projects`)
            })
          }
        >
          Move to trash
        </Button>
      </div>
    </Dialog>
  )
}
