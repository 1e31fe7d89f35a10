'use client'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { toast } from 'sonner'
import { FolderKanban, PartyPopper } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { WinDialog } from '@/components/handoff/win-dialog'
import { formatDay } from '@/lib/dates'
import type { DealProject } from '@/lib/handoff/deal-project'
import type { WinResult } from '@/lib/handoff/win-deal'

const statusLabels: Record<string, string> = { PLANNED: 'Planned', ACTIVE: 'Active', ON_HOLD: 'On hold', DONE: 'Live', CANCELLED: 'Cancelled' }
const healthTone = { ON_TRACK: 'text-success', AT_RISK: 'text-warning', LATE: 'text-danger' } as const
const healthLabels = { ON_TRACK: 'On track', AT_RISK: 'At risk', LATE: 'Late' } as const

export function announceWin(result: WinResult, open: (href: string) => void, orgSlug: string) {
  const { project } = result
  if (!project) return toast.success(result.alreadyWon ? 'Already won.' : 'Won! No project for now: it can be made from the deal.')
  const unfilled = project.unfilledRoles.length ? ` Nobody fills ${project.unfilledRoles.map((r) => r.name).join(', ')} yet.` : ''
  const text = project.created
    ? `Project “${project.name}” created with ${project.taskCount} tasks.${unfilled}`
    : project.reactivated
      ? `Won again: its project “${project.name}” is active again.`
      : `This deal’s project is “${project.name}”.`
  toast.success(text, { action: { label: 'Open project', onClick: () => open(`/${orgSlug}/projects/${project.id}`) } })
}

/** The deal page's delivery side: its project's progress, or the way to win it / build it. */
export function DealProjectPanel({ orgSlug, deal, project }: { orgSlug: string; deal: { id: string; title: string; status: 'OPEN' | 'WON' | 'LOST'; canEdit: boolean; version: number }; project: DealProject | null }) {
  const router = useRouter()
  const [dialog, setDialog] = useState<null | 'win' | 'project'>(null)
  const done = (result: WinResult) => {
    setDialog(null)
    announceWin(result, (href) => router.push(href), orgSlug)
    router.refresh()
  }
  return (
    <Card className="space-y-3 p-4" data-testid="deal-project">
      <h2 className="flex items-center gap-2 text-sm font-semibold">
        <FolderKanban className="size-4 text-ink-soft" aria-hidden /> Onboarding project
      </h2>
      {project ? (
        <div className="space-y-2 text-sm">
          {project.readable ? (
            <Link href={`/${orgSlug}/projects/${project.id}`} className="font-medium text-accent hover:underline">
              {project.name}
            </Link>
          ) : (
            <p className="font-medium">{project.name}</p>
          )}
          <p className="flex flex-wrap gap-x-3 text-xs">
            <span data-testid="deal-project-status">{statusLabels[project.status] ?? project.status}</span>
            {project.status === 'ACTIVE' || project.status === 'PLANNED' ? <span className={healthTone[project.health]}>{healthLabels[project.health]}</span> : null}
          </p>
          <div>
            <div className="flex justify-between text-xs text-ink-soft">
              <span>
                {project.done} of {project.total} tasks done
              </span>
              <span data-testid="deal-project-progress">{project.percentDone} %</span>
            </div>
            <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuenow={project.percentDone} aria-valuemin={0} aria-valuemax={100} aria-label="Project progress">
              <div className="h-full rounded-full bg-accent" style={{ width: `${project.percentDone}%` }} />
            </div>
          </div>
          {project.nextMilestone ? (
            <p className="text-xs">
              Next milestone: <span className="font-medium">{project.nextMilestone.name}</span> · {formatDay(project.nextMilestone.dueOn)}
            </p>
          ) : null}
          {project.targetGoLiveOn ? (
            <p className="text-xs">
              Go-live {formatDay(project.targetGoLiveOn)}
              {project.baselineGoLiveOn && project.baselineGoLiveOn !== project.targetGoLiveOn ? <span className="text-warning"> (planned {formatDay(project.baselineGoLiveOn)})</span> : null}
            </p>
          ) : null}
          <p className={cn('text-xs', project.overdue ? 'font-medium text-danger' : 'text-ink-soft')}>{project.overdue ? `${project.overdue} overdue ${project.overdue === 1 ? 'task' : 'tasks'}` : 'Nothing overdue'}</p>
        </div>
      ) : deal.status === 'WON' ? (
        <div className="space-y-2 text-sm">
          <p className="text-ink-soft">Won without a project.</p>
          {deal.canEdit ? (
            <Button size="sm" onClick={() => setDialog('project')}>
              <FolderKanban className="size-4" aria-hidden /> Create project
            </Button>
          ) : null}
        </div>
      ) : (
        <div className="space-y-2 text-sm">
          <p className="text-ink-soft">When it is won, this deal becomes an onboarding project built from a template, with what was sold and promised.</p>
          {deal.canEdit ? (
            <Button size="sm" onClick={() => setDialog('win')}>
              <PartyPopper className="size-4" aria-hidden /> Mark as won
            </Button>
          ) : null}
        </div>
      )}
      <WinDialog orgSlug={orgSlug} dealId={deal.id} dealTitle={deal.title} open={dialog !== null} projectOnly={dialog === 'project'} move={dialog === 'win' ? { version: deal.version } : undefined} onCancel={() => setDialog(null)} onWon={done} />
    </Card>
  )
}
