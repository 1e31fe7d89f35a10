'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { toast } from 'sonner'
import { Undo2 } from 'lucide-react'
import { undoRedateAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { Button } from '@/components/ui/button'

export function UndoRedateButton({ orgSlug, projectId, activityId }: { orgSlug: string; projectId: string; activityId: string }) {
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await undoRedateAction({ orgSlug, projectId, activityId })
          if (!result.ok) return void toast.error(result.formError ?? 'Not undone.')
          toast.success(result.data.message)
          router.refresh()
        })
      }
    >
      <Undo2 className="size-3.5" aria-hidden /> Undo
    </Button>
  )
}
