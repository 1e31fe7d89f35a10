'use client'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { toast } from 'sonner'
import { RotateCcw } from 'lucide-react'
import { restoreProjectAction } from '@/app/(app)/[orgSlug]/projects/actions'
import { Button } from '@/components/ui/button'

export function RestoreProjectButton({ orgSlug, projectId, name }: { orgSlug: string; projectId: string; name: string }) {
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      aria-label={`Restore ${name}`}
      onClick={() =>
        start(async () => {
          const result = await restoreProjectAction({ orgSlug, projectId })
          if (!result.ok) return void toast.error(result.formError ?? 'Not restored.')
          toast.success(`“${name}” restored.`)
          router.refresh()
        })
      }
    >
      <RotateCcw className="size-3.5" aria-hidden /> Restore
    </Button>
  )
}
