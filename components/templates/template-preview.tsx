'use client'
import { CalendarRange, Diamond, Flag } from 'lucide-react'
import { useId, useMemo, useState } from 'react'
import { Card } from '@/components/ui/card'
import { isDay, type Day } from '@/lib/dates'
import { draftContent, type TemplateDraft } from '@/lib/pm/template-draft'
import { planProject, proposedKickoff } from '@/lib/pm/template-plan'
import { shortDay } from './format'
import { assigneeLabel, type RoleOption } from './task-row'

/**
 * The draft laid out on real dates for a chosen kickoff (and close date): the same planProject
 * a new project uses, with the organization's holidays, so weekends and holidays are skipped
 * where a task counts working days.
 */
export function TemplatePreview({ draft, roles, holidays, defaultKickoff }: { draft: TemplateDraft; roles: RoleOption[]; holidays: Day[]; defaultKickoff: Day }) {
  const id = useId()
  const [kickoff, setKickoff] = useState(defaultKickoff)
  const [close, setClose] = useState('')
  const holidaySet = useMemo(() => new Set(holidays), [holidays])
  const plan = useMemo(() => {
    if (!isDay(kickoff) || (close && !isDay(close))) return null
    return planProject(draftContent(draft), { kickoffOn: kickoff, closeOn: close || undefined }, holidaySet)
  }, [draft, kickoff, close, holidaySet])
  const proposed = close && isDay(close) ? proposedKickoff(draft, close, holidaySet) : null
  const year = kickoff.slice(0, 4)
  const tasksByKey = new Map(draft.tasks.map((t) => [t.key, t]))
  const groups = plan
    ? [
        ...plan.milestones.map((m) => ({ key: m.templateMilestoneId, name: m.name.trim() || 'Untitled milestone', dueOn: m.dueOn as Day | null })),
        { key: null, name: 'No milestone', dueOn: null },
      ]
        .map((g) => ({ ...g, tasks: plan.tasks.filter((t) => t.milestoneId === g.key) }))
        .filter((g) => g.key !== null || g.tasks.length)
    : []
  return (
    <Card className="overflow-hidden" data-testid="template-preview">
      <div className="border-b border-line px-4 py-3">
        <h2 className="flex items-center gap-2 text-sm font-semibold">
          <CalendarRange className="size-4 text-accent" aria-hidden /> Preview with real dates
        </h2>
        <div className="mt-3 grid grid-cols-2 gap-2">
          <label htmlFor={`${id}-kickoff`} className="space-y-1 text-xs font-medium text-ink-soft">
            <span className="block">Kickoff</span>
            <input id={`${id}-kickoff`} type="date" value={kickoff} onChange={(e) => setKickoff(e.target.value)} className="h-8 w-full rounded-md border border-line bg-surface px-2 text-sm text-ink" />
          </label>
          <label htmlFor={`${id}-close`} className="space-y-1 text-xs font-medium text-ink-soft">
            <span className="block">Close date (optional)</span>
            <input id={`${id}-close`} type="date" value={close} onChange={(e) => setClose(e.target.value)} className="h-8 w-full rounded-md border border-line bg-surface px-2 text-sm text-ink" />
          </label>
        </div>
        {proposed && proposed !== kickoff ? (
          <p className="mt-2 text-xs text-ink-soft">
            The lead time proposes a kickoff on {shortDay(proposed, year)}.{' '}
            <button type="button" className="font-medium text-accent hover:underline" onClick={() => setKickoff(proposed)}>
              Use it
            </button>
          </p>
        ) : null}
        <p className="mt-2 text-xs text-ink-soft">
          {close ? 'Tasks counted from the close date use it.' : 'Without a close date, tasks counted from it use the kickoff.'} Working days skip weekends
          {holidays.length ? ` and ${holidays.length} ${holidays.length === 1 ? 'holiday' : 'holidays'}` : ''}.
        </p>
      </div>
      {!plan ? (
        <p className="px-4 py-6 text-center text-sm text-ink-soft">Choose a kickoff date to see the dates.</p>
      ) : plan.tasks.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-ink-soft">Add tasks to see their dates.</p>
      ) : (
        <>
          <p className="flex items-center gap-2 border-b border-line bg-muted/40 px-4 py-2 text-sm">
            <Flag className="size-4 text-success" aria-hidden />
            Target go-live <strong data-testid="preview-go-live">{shortDay(plan.targetGoLiveOn, year)}</strong>
          </p>
          <div className="max-h-[70vh] overflow-y-auto">
            {groups.map((group) => (
              <section key={group.key ?? 'none'} aria-label={`Preview of ${group.name}`} className="border-b border-line last:border-b-0">
                <h3 className="flex items-center justify-between gap-2 px-4 pb-1 pt-3 text-xs font-semibold uppercase tracking-wide text-ink-soft">
                  <span className="flex items-center gap-1.5">
                    {group.key ? <Diamond className="size-3 text-accent" aria-hidden /> : null}
                    {group.name}
                  </span>
                  {group.dueOn ? <span className="font-normal normal-case">due {shortDay(group.dueOn, year)}</span> : null}
                </h3>
                <ul className="pb-2">
                  {group.tasks.map((t) => {
                    const source = tasksByKey.get(t.templateTaskId)
                    return (
                      <li key={t.templateTaskId} className="px-4 py-1.5 text-sm" data-testid="preview-task" data-title={t.title}>
                        <span className="block">{t.title.trim() || 'Untitled task'}</span>
                        <span className="flex items-baseline justify-between gap-3 text-xs">
                          <span className="min-w-0 truncate text-ink-soft">{source ? assigneeLabel(source, roles) : ''}</span>
                          <span className="whitespace-nowrap tabular-nums text-ink">
                            <span data-testid="preview-start">{shortDay(t.startOn, year)}</span>
                            {t.dueOn !== t.startOn ? (
                              <>
                                <span className="text-ink-soft"> → </span>
                                <span data-testid="preview-due">{shortDay(t.dueOn, year)}</span>
                              </>
                            ) : null}
                          </span>
                        </span>
                      </li>
                    )
                  })}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </Card>
  )
}
