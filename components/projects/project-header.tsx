'use client'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { toast } from 'sonner'
import { AlertTriangle, ChevronLeft, Flag, Handshake, Undo2 } from 'lucide-react'
import { undoRedateAction, updateProjectAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { companyEditor } from '@/components/crm/company-combobox'
import { InlineField } from '@/components/deals/inline-field'
import { Avatar } from '@/components/ui/avatar'
import { Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import type { ProjectHeader as Header } from '@/lib/pm/projects'
import type { RedateResult } from '@/lib/pm/redate'
import { PROJECT_STATUSES, statusLabels } from '@/lib/pm/projects.schema'
import { shortDay } from './day-text'
import { GoLiveDates } from './go-live-dates'
import { HealthBadge, ProgressBar, StatusBadge, statusTone } from './project-badges'
import { ProjectTabs } from './project-tabs'
import { ownerEditor } from './owner-editor'
import { RedateDialog } from './redate-dialog'

type Field = 'name' | 'status' | 'ownerId' | 'companyId' | 'targetGoLiveOn'

const label = 'text-xs font-medium uppercase tracking-wide text-ink-soft'

/**
 * The project's header, above every view: name, status, company, dates (target against
 * baseline), owner, progress and health, members by role, unfilled roles, and the re-date.
 * Writers edit in place; each save carries the version they saw.
 */
export function ProjectHeader({ orgSlug, project }: { orgSlug: string; project: Header }) {
  const router = useRouter()
  const [version, setVersion] = useState(project.version)
  const [seen, setSeen] = useState(project.version)
  const [lastRedate, setLastRedate] = useState<RedateResult | null>(null)
  if (project.version !== seen) {
    setSeen(project.version)
    setVersion(project.version)
  }
  const editable = project.canWrite
  const base = `/${orgSlug}/projects/${project.id}`

  const save =
    (field: Field) =>
    async (value: string): Promise<string | undefined> => {
      const result = await updateProjectAction({ orgSlug, projectId: project.id, version, [field]: value })
      if (!result.ok) return result.fieldErrors?.[field]?.[0] ?? result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'Not saved.'
      setVersion(result.data.version)
      if (result.data.changed.length) toast.success('Saved.')
      router.refresh()
      return undefined
    }

  async function undo(redate: RedateResult) {
    const result = await undoRedateAction({ orgSlug, projectId: project.id, activityId: redate.activityId })
    if (!result.ok) return void toast.error(result.formError ?? 'Not undone.')
    setLastRedate(null)
    toast.success(result.data.message)
    router.refresh()
  }

  function redated(result: RedateResult) {
    setVersion(result.version)
    setLastRedate(result)
    toast.success(result.summary, { duration: 15_000, action: { label: 'Undo', onClick: () => void undo(result) } })
    router.refresh()
  }

  return (
    <Card className="p-5 pb-0" data-testid="project-header">
      <Link href={`/${orgSlug}/projects`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Projects
      </Link>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="sr-only">{project.name}</h1>
          <InlineField
            label="Project name"
            value={project.name}
            display={<span className="text-xl font-semibold text-ink" data-testid="project-name">{project.name}</span>}
            readOnly={!editable}
            onSave={save('name')}
            hideLabel
          />
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            {editable ? (
              <label className="inline-flex items-center">
                <span className="sr-only">Status</span>
                <select
                  value={project.status}
                  onChange={async (e) => {
                    const error = await save('status')(e.target.value)
                    if (error) toast.error(error)
                  }}
                  className={cn('rounded-full border-0 py-0.5 pl-2.5 pr-1 text-xs font-medium', statusTone[project.status])}
                  data-testid="project-status-select"
                >
                  {PROJECT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusLabels[s]}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <StatusBadge status={project.status} />
            )}
            {project.status === 'CANCELLED' ? null : <HealthBadge health={project.health} reasons={project.healthReasons} />}
            {project.template ? (
              <span className="text-ink-soft">
                from {project.template.name}
                {project.template.version ? ` v${project.template.version}` : ''}
              </span>
            ) : null}
            {project.sourceDeal ? (
              <Link href={`/${orgSlug}/deals/${project.sourceDeal.id}`} className="inline-flex items-center gap-1 text-accent hover:underline">
                <Handshake className="size-3.5" aria-hidden /> {project.sourceDeal.title}
              </Link>
            ) : null}
          </div>
        </div>
        {editable ? (
          <div className="flex items-center gap-2">
            {lastRedate ? (
              <button type="button" onClick={() => void undo(lastRedate)} className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm text-accent hover:bg-accent/10">
                <Undo2 className="size-4" aria-hidden /> Undo kickoff change
              </button>
            ) : null}
            <RedateDialog key={`${project.kickoffOn}-${version}`} orgSlug={orgSlug} projectId={project.id} kickoffOn={project.kickoffOn} version={version} today={project.today} onDone={redated} />
          </div>
        ) : null}
      </div>

      <div className="mt-5 grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-5">
        <InlineField
          label="Company"
          value={project.company?.id ?? ''}
          display={
            project.company ? (
              <Link href={`/${orgSlug}/companies/${project.company.id}`} className="text-accent hover:underline" onClick={(e) => e.stopPropagation()}>
                {project.company.name}
              </Link>
            ) : null
          }
          placeholder="No company"
          readOnly={!editable}
          onSave={save('companyId')}
          editor={companyEditor(orgSlug, project.company)}
          testId="field-company"
        />
        <InlineField
          label="Owner"
          value={project.owner?.id ?? ''}
          display={
            project.owner ? (
              <span className="flex items-center gap-1.5">
                <Avatar id={project.owner.id} name={project.owner.name} />
                {project.owner.name}
              </span>
            ) : null
          }
          placeholder="Nobody"
          readOnly={!editable}
          onSave={save('ownerId')}
          editor={ownerEditor(orgSlug, project.owner)}
          testId="field-owner"
        />
        <div>
          <div className={label}>Kickoff</div>
          <div className="mt-0.5 text-sm" data-testid="project-kickoff">
            <time dateTime={project.kickoffOn}>{shortDay(project.kickoffOn, project.today)}</time>
          </div>
        </div>
        <InlineField
          label="Go-live"
          value={project.targetGoLiveOn ?? ''}
          placeholder="YYYY-MM-DD"
          display={<GoLiveDates target={project.targetGoLiveOn} baseline={project.baselineGoLiveOn} today={project.today} stacked />}
          readOnly={!editable}
          onSave={save('targetGoLiveOn')}
          testId="field-go-live"
        />
        <div>
          <div className={label}>Progress</div>
          <ProgressBar {...project.progress} className="mt-1.5" />
          {project.overdue || project.nextMilestone ? (
            <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-soft">
              {project.overdue ? <span className="font-medium text-danger">{project.overdue} overdue</span> : null}
              {project.nextMilestone ? (
                <span className={cn('inline-flex items-center gap-1', project.nextMilestone.overdue && 'text-danger')}>
                  <Flag className="size-3" aria-hidden /> {project.nextMilestone.name} {shortDay(project.nextMilestone.dueOn, project.today)}
                </span>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-2" data-testid="project-members">
        {project.members.map((group) => (
          <div key={group.role?.id ?? 'none'} className="flex items-center gap-2 text-sm">
            <span className="text-ink-soft">{group.role?.name ?? 'Members'}</span>
            <span className="flex -space-x-1">
              {group.people.map((p) => (
                <Avatar key={p.memberId} id={p.userId} name={p.name} className="ring-2 ring-surface" />
              ))}
            </span>
            {group.people.length === 1 ? <span>{group.people[0]!.name}</span> : null}
          </div>
        ))}
      </div>

      {project.unfilledRoles.length ? (
        <div className="mt-3 flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-warning" role="note" data-testid="unfilled-roles">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            {project.unfilledRoles.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? '; ' : ''}
                <strong>{r.name}</strong> has nobody: {r.unassignedTasks} open {r.unassignedTasks === 1 ? 'task waits' : 'tasks wait'} unassigned
              </span>
            ))}
            .{' '}
            {editable ? (
              <Link href={`${base}/overview#members`} className="font-medium underline">
                Fill the role
              </Link>
            ) : null}
          </p>
        </div>
      ) : null}

      <div className="mt-4 border-t border-line">
        <ProjectTabs base={base} />
      </div>
    </Card>
  )
}

