import Link from 'next/link'
import { Flag } from 'lucide-react'
import type { ProjectListItem } from '@/lib/pm/projects'
import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'
import { shortDay } from './day-text'
import { GoLiveDates } from './go-live-dates'
import { HealthBadge, ProgressBar, StatusBadge } from './project-badges'
import { RestoreProjectButton } from './restore-project-button'

const th = 'whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-ink-soft'

/** The projects list as a table: one row per project with its figures and health. */
export function ProjectsTable({ orgSlug, items, today, trash }: { orgSlug: string; items: ProjectListItem[]; today: string; trash: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="w-full min-w-[48rem] text-sm" data-testid="projects-table">
        <thead className="border-b border-line bg-muted/40">
          <tr>
            <th scope="col" className={th}>
              Project
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Owner
            </th>
            <th scope="col" className={th}>
              Progress
            </th>
            <th scope="col" className={th}>
              Next milestone
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              Overdue
            </th>
            <th scope="col" className={th}>
              Go-live
            </th>
            <th scope="col" className={th}>
              {trash ? 'Deleted' : 'Health'}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((p) => (
            <tr key={p.id} className="hover:bg-muted/30" data-testid="project-row" data-project-id={p.id}>
              <td className="max-w-64 px-3 py-2.5">
                {trash ? (
                  <span className="font-medium">{p.name}</span>
                ) : (
                  <Link href={`/${orgSlug}/projects/${p.id}`} className="font-medium text-ink hover:text-accent hover:underline">
                    {p.name}
                  </Link>
                )}
                <div className="truncate text-xs text-ink-soft">{p.company ? p.company.name : 'No company'} · kickoff {shortDay(p.kickoffOn, today)}</div>
              </td>
              <td className="px-3 py-2.5">
                <StatusBadge status={p.status} />
              </td>
              <td className="px-3 py-2.5">
                {p.owner ? (
                  <span className="flex items-center gap-1.5 whitespace-nowrap" title={p.owner.name}>
                    <Avatar id={p.owner.id} name={p.owner.name} />
                    <span className="hidden 2xl:inline">{p.owner.name}</span>
                    <span className="sr-only 2xl:hidden">{p.owner.name}</span>
                  </span>
                ) : (
                  <span className="text-ink-soft">Nobody</span>
                )}
              </td>
              <td className="px-3 py-2.5">
                <ProgressBar {...p.progress} compact />
              </td>
              <td className="px-3 py-2.5">
                {p.nextMilestone ? (
                  <span className="flex min-w-0 items-start gap-1.5">
                    <Flag className={cn('mt-0.5 size-3.5 shrink-0', p.nextMilestone.overdue ? 'text-danger' : 'text-ink-soft')} aria-hidden />
                    <span className="min-w-0">
                      <span className="block max-w-40 truncate">{p.nextMilestone.name}</span>
                      <time dateTime={p.nextMilestone.dueOn} className={cn('block whitespace-nowrap text-xs', p.nextMilestone.overdue ? 'font-medium text-danger' : 'text-ink-soft')}>
                        {shortDay(p.nextMilestone.dueOn, today)}
                        {p.nextMilestone.overdue ? ' · overdue' : ''}
                      </time>
                    </span>
                  </span>
                ) : (
                  <span className="text-ink-soft">—</span>
                )}
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums" data-testid="project-overdue">
                {p.overdue ? <span className="font-medium text-danger">{p.overdue}</span> : <span className="text-ink-soft">0</span>}
              </td>
              <td className="px-3 py-2.5">
                <GoLiveDates target={p.targetGoLiveOn} baseline={p.baselineGoLiveOn} today={today} label={false} stacked />
              </td>
              <td className="px-3 py-2.5">
                {trash ? (
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <span className="text-xs text-ink-soft">{p.deletedAt ? shortDay(p.deletedAt.slice(0, 10), today) : ''}</span>
                    <RestoreProjectButton orgSlug={orgSlug} projectId={p.id} name={p.name} />
                  </span>
                ) : p.status === 'CANCELLED' ? (
                  <span className="text-ink-soft">—</span>
                ) : (
                  <HealthBadge health={p.health} reasons={p.healthReasons} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
