import type { Metadata } from 'next'
import { TaskListTable } from '@/components/pm-list/task-list-table'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { listProjectTasks } from '@/lib/pm/task-list'
import { TaskListSearch } from '@/lib/pm/task-list.schema'

export const metadata: Metadata = { title: 'Project tasks' }

export default async function ProjectListPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; projectId: string }>
  searchParams: Promise<Record<string, string | string[]>>
}) {
  const { orgSlug, projectId } = await params
  const member = await memberForPage(orgSlug, 'projects:read')
  const list = await orNotFound(listProjectTasks(db, ctxOf(member), projectId, TaskListSearch.parse(await searchParams)))
  return (
    <section aria-labelledby="task-list-title" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="task-list-title" className="text-sm font-semibold">
          All tasks <span className="font-normal text-ink-soft">({list.total})</span>
        </h2>
        <p className="text-xs text-ink-soft">Open a task to edit it on the board.</p>
      </div>
      {list.total === 0 && list.groups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-surface p-8 text-center text-sm text-ink-soft">This project has no tasks yet.</p>
      ) : (
        <TaskListTable orgSlug={orgSlug} list={list} today={todayIn(member.org.timeZone)} />
      )}
    </section>
  )
}
