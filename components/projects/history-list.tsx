import type { HistoryItem } from '@/lib/pm/project-history'
import { Avatar } from '@/components/ui/avatar'
import { UndoRedateButton } from './undo-redate-button'

/** The project's history, newest first: who did what, in a sentence, with the details below. */
export function HistoryList({ orgSlug, projectId, items, timeZone, canUndo }: { orgSlug: string; projectId: string; items: HistoryItem[]; timeZone: string; canUndo: boolean }) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' })
  return (
    <ol className="relative space-y-0" data-testid="project-history">
      {items.map((item) => (
        <li key={item.id} className="relative flex gap-3 pb-5 last:pb-0" data-action={item.action} data-testid="history-item">
          <span aria-hidden className="absolute bottom-0 left-3 top-7 w-px bg-line" />
          {item.actor ? <Avatar id={item.actor.id} name={item.actor.name} /> : <span className="size-6 shrink-0 rounded-full bg-muted" aria-hidden />}
          <div className="min-w-0 flex-1 text-sm">
            <p>
              <span className="font-medium">{item.actor?.name ?? 'Someone'}</span> {item.sentence}
            </p>
            {item.details.length ? (
              <ul className="mt-0.5 text-ink-soft">
                {item.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
            <p className="mt-0.5 text-xs text-ink-soft">
              <time dateTime={item.at}>{format.format(new Date(item.at))}</time>
            </p>
          </div>
          {canUndo && item.undoable ? <UndoRedateButton orgSlug={orgSlug} projectId={projectId} activityId={item.id} /> : null}
        </li>
      ))}
    </ol>
  )
}
