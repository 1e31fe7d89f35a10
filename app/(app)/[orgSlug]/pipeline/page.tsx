import type { Metadata } from 'next'
import { BoardFilters as Filters } from '@/components/pipeline/board-filters'
import { DealBoard } from '@/components/pipeline/deal-board'
import { NewDealDialog } from '@/components/pipeline/new-deal-dialog'
import { PageHeader } from '@/components/ui/card'
import { toJsonProp } from '@/components/ui/json-prop'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { loadBoard } from '@/lib/crm/board'
import { boardQuery, ownerFilter } from '@/lib/crm/board-query'
import { BoardFilters } from '@/lib/crm/deals.schema'
import { listLostReasons, listPipelines } from '@/lib/crm/pipelines'
import { todayIn } from '@/lib/dates'
import { listMembers } from '@/lib/org/members'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { ComingSoon } from '@/components/shell/coming-soon'
import { can } from '@/lib/permissions'

export const metadata: Metadata = { title: 'Pipeline' }

export default async function PipelinePage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:read')
  const ctx = ctxOf(member)
  const filters = BoardFilters.parse(await searchParams)
  // side by side: the board waits only for the pipelines
  const [pipelines, members, lostReasons] = await Promise.all([listPipelines(db, ctx), listMembers(db, ctx), listLostReasons(db, ctx)])
  if (pipelines.length === 0) {
    return <ComingSoon title="Pipeline" description="This organization has no pipeline yet. An admin can create one in Settings." />
  }
  const query = boardQuery(member, filters)
  const chosen = pipelines.find((p) => p.id === query.pipelineId) ?? (query.pipelineId ? undefined : pipelines[0])
  const board = await orNotFound(loadBoard(db, ctx, query, undefined, chosen))
  const owner = ownerFilter(member, filters.owner)
  const memberOptions = members.map((m) => ({ value: m.userId, label: m.name }))
  return (
    <>
      <PageHeader
        title="Pipeline"
        description={`${board.pipeline.name} · drag a deal to move it; dropping it on Lost asks why.`}
        actions={
          can(member.role, 'crm:write') ? (
            <NewDealDialog
              orgSlug={orgSlug}
              pipelineId={board.pipeline.id}
              stages={board.pipeline.stages.filter((s) => s.kind === 'OPEN').map((s) => ({ value: s.id, label: s.name }))}
              owners={member.role === 'SALES' ? null : memberOptions}
              defaultOwnerId={member.user.id}
              currency={member.org.currency}
            />
          ) : null
        }
      />
      <div className="mb-4">
        <Filters
          pipelines={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          members={memberOptions}
          value={{ pipeline: board.pipeline.id, owner, close: filters.close ?? '', type: filters.type ?? '' }}
        />
      </div>
      <DealBoard
        key={JSON.stringify([board.pipeline.id, owner, filters.close, filters.type, board.columns.map((c) => c.totals.count)])}
        orgSlug={orgSlug}
        columns={toJsonProp(board.columns)}
        filters={filters}
        viewer={{ userId: member.user.id, role: member.role }}
        lostReasons={lostReasons}
        today={todayIn(member.org.timeZone)}
        currency={member.org.currency.trim()}
      />
    </>
  )
}
