import { History } from 'lucide-react'
import type { TaskHistoryEntry } from '@/lib/pm/task-detail'

/** The task's audit trail, newest first, as sentences. */
export function TaskHistory({ entries }: { entries: TaskHistoryEntry[] }) {
  return (
    <section aria-labelledby="task-history-heading">
      <h3 id="task-history-heading" className="mb-2 flex items-center gap-1.5 text-sm font-semibold">
        <History className="size-4 text-ink-soft" aria-hidden /> History
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-ink-soft">No changes yet.</p>
      ) : (
        <ol className="space-y-2 border-l border-line pl-4" data-testid="task-history">
          {entries.map((entry) => (
            <li key={entry.id} className="relative text-sm">
              <span className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full border border-line bg-surface" aria-hidden />
              <p className="text-ink-soft">
                <span className="font-medium text-ink">{entry.actor ?? 'Someone'}</span> {entry.summary}
                <span aria-hidden> · </span>
                <time dateTime={entry.at} className="whitespace-nowrap text-xs">
                  {entry.when}
                </time>
              </p>
              {entry.lines.length ? (
                <ul className="mt-0.5 space-y-0.5 text-xs text-ink-soft">
                  {entry.lines.map((line) => (
                    <li key={line.label}>
                      {line.label}: {line.from ? <span className="line-through decoration-ink-soft/50">{line.from}</span> : null}
                      {line.from ? ' → ' : null}
                      <span className="text-ink">{line.to ?? 'none'}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
