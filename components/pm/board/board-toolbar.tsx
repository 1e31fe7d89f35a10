'use client'
import { Columns3, FilterX, Rows3 } from 'lucide-react'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useTransition } from 'react'
import type { BoardSearch } from '@/lib/pm/board-query.schema'
import type { MilestoneOption } from '@/lib/pm/milestones'
import { cn } from '@/components/ui/cn'

const select = 'rounded-md border border-line bg-surface py-1 pl-2 pr-7 text-sm text-ink shadow-xs'

/**
 * Filters (assignee: anyone with tasks here; overdue; milestone) and swimlanes live in the URL, so a view can be
 * bookmarked and shared; changing one reloads the board with the new filter.
 */
export function BoardToolbar({
  search,
  people,
  milestones,
  shown,
  total,
}: {
  search: BoardSearch
  /** people with tasks on the project */
  people: { id: string; name: string }[]
  milestones: MilestoneOption[]
  shown: number
  total: number
}) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    const query = next.toString()
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }))
  }
  const filtered = Boolean(search.assignee || search.milestone || search.overdue)
  const lanes = search.lanes ?? ''

  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2" role="group" aria-label="Board filters" aria-busy={pending}>
      <label className="flex items-center gap-1.5 text-sm">
        <span className="text-ink-soft">Assignee</span>
        <select className={select} value={search.assignee ?? ''} onChange={(e) => set({ assignee: e.target.value })}>
          <option value="">Everyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-sm">
        <span className="text-ink-soft">Milestone</span>
        <select className={select} value={search.milestone ?? ''} onChange={(e) => set({ milestone: e.target.value })}>
          <option value="">All</option>
          {milestones.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
          <option value="none">No milestone</option>
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" className="size-4 accent-accent" checked={Boolean(search.overdue)} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })} />
        <span>Overdue only</span>
      </label>
      {filtered ? (
        <button type="button" onClick={() => set({ assignee: undefined, milestone: undefined, overdue: undefined })} className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-ink-soft hover:bg-muted hover:text-ink">
          <FilterX className="size-4" aria-hidden /> Clear
        </button>
      ) : null}
      <span className="text-xs text-ink-soft" role="status" data-testid="board-count">
        {pending ? 'Updating…' : filtered ? `${shown} of ${total} tasks` : `${total} ${total === 1 ? 'task' : 'tasks'}`}
      </span>
      <div className="ml-auto flex items-center gap-2 text-sm">
        <span className="text-ink-soft" id="lanes-label">
          Swimlanes
        </span>
        <div role="radiogroup" aria-labelledby="lanes-label" className="inline-flex rounded-md border border-line bg-surface p-0.5 shadow-xs">
          {[
            { value: '', label: 'None', icon: Columns3 },
            { value: 'milestone', label: 'Milestone', icon: Rows3 },
            { value: 'assignee', label: 'Assignee', icon: Rows3 },
          ].map((option) => (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={lanes === option.value}
              onClick={() => set({ lanes: option.value })}
              className={cn('inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm', lanes === option.value ? 'bg-muted font-medium text-ink' : 'text-ink-soft hover:text-ink')}
            >
              <option.icon className="size-3.5" aria-hidden />
              {option.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  )
}
