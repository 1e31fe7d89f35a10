import Link from 'next/link'
import { notFound } from 'next/navigation'
import { HistoryList } from '@/components/projects/history-list'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { isUuid } from '@/lib/crm/list-params'
import { listProjectHistory } from '@/lib/pm/project-history'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { can } from '@/lib/permissions'

type Params = Promise<{ orgSlug: string; projectId: string }>

/** Everything that happened to the project and its tasks, newest first. */
export default async function ProjectHistoryPage({ params, searchParams }: { params: Params; searchParams: Promise<{ before?: string | string[] }> }) {
  const { orgSlug, projectId } = await params
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects/${projectId}/history`)
  if (!isUuid(projectId)) notFound()
  const { before } = await searchParams
  const cursor = typeof before === 'string' && isUuid(before) ? before : undefined
  const history = await orNotFound(listProjectHistory(db, ctxOf(member), projectId, { before: cursor }))
  return (
    <Card className="p-5">
      <h2 className="mb-4 text-base font-semibold">History</h2>
      {history.items.length ? (
        <HistoryList orgSlug={orgSlug} projectId={projectId} items={history.items} timeZone={member.org.timeZone} canUndo={can(member.role, 'projects:write')} />
      ) : (
        <p className="text-sm text-ink-soft">Nothing has happened yet.</p>
      )}
      {history.nextBefore ? (
        <div className="mt-4 flex justify-center">
          <Link href={`?before=${history.nextBefore}`} className={buttonClass('secondary', 'sm')}>
            Show older
          </Link>
        </div>
      ) : null}
    </Card>
  )
}
