import type { Metadata } from 'next'
import { ListView } from '@/components/crm/list/list-view'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listDeals } from '@/lib/crm/deal-list'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'
import { DEAL_STATUSES, dealListDef, dealStatusLabels } from '@/lib/crm/list-defs'
import { parseListParams, type SearchParams } from '@/lib/crm/list-params'
import { listLostReasons, listPipelines } from '@/lib/crm/pipelines'
import { ownerChoices } from '@/lib/crm/record-access'
import { todayIn } from '@/lib/dates'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { can } from '@/lib/permissions'
import { bulkDeleteDealsAction, bulkMoveDealsAction, bulkOwnerDealsAction, bulkRestoreDealsAction } from './actions'

export const metadata: Metadata = { title: 'Deals' }

const RANGE_FILTERS = [
  { name: 'closeFrom', label: 'Close from', kind: 'month' },
  { name: 'closeTo', label: 'Close to', kind: 'month' },
  { name: 'closedFrom', label: 'Closed from', kind: 'month' },
  { name: 'closedTo', label: 'Closed to', kind: 'month' },
  { name: 'createdFrom', label: 'Created from', kind: 'month' },
  { name: 'createdTo', label: 'Created to', kind: 'month' },
] as const

export default async function DealsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<SearchParams> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:read')
  const ctx = ctxOf(member)
  const search = await searchParams
  const list = parseListParams(dealListDef, search)
  const writer = can(member.role, 'crm:write')
  const [page, members, pipelines, lostReasons] = await Promise.all([
    listDeals(db, ctx, list),
    listMembers(db, ctx),
    listPipelines(db, ctx),
    writer || list.filters.lostReason ? listLostReasons(db, ctx) : Promise.resolve([]),
  ])
  const people = members.filter((m) => can(m.role, 'crm:write')).map((m) => ({ value: m.userId, label: m.name }))
  const shown = list.filters.pipeline ? pipelines.filter((p) => p.id === list.filters.pipeline) : pipelines
  const stageOptions = shown.flatMap((p) => p.stages.map((s) => ({ value: s.id, label: shown.length > 1 ? `${p.name} · ${s.name}` : s.name })))

  return (
    <>
      <PageHeader title="Deals" description="Every deal in every pipeline, as a list: filter, sort, act on many at once." />
      <ListView
        pathname={`/${orgSlug}/deals`}
        search={search}
        columns={dealListDef.columns}
        params={list}
        page={page}
        entity="deal"
        context={{ orgSlug, timeZone: member.org.timeZone, today: todayIn(member.org.timeZone) }}
        searchLabel="Search deal titles"
        filters={[
          { name: 'owner', label: 'Owner', kind: 'select', allLabel: 'Everyone', options: [{ value: 'mine', label: 'Mine' }, ...people] },
          { name: 'pipeline', label: 'Pipeline', kind: 'select', allLabel: 'All', options: pipelines.map((p) => ({ value: p.id, label: p.name })) },
          { name: 'stage', label: 'Stage', kind: 'select', allLabel: 'All', options: stageOptions },
          { name: 'status', label: 'Status', kind: 'select', allLabel: 'All', options: DEAL_STATUSES.map((s) => ({ value: s, label: dealStatusLabels[s] })) },
          { name: 'type', label: 'Type', kind: 'select', allLabel: 'All', options: DEAL_TYPES.map((t) => ({ value: t, label: dealTypeLabels[t] })) },
          { name: 'close', label: 'Close month', kind: 'month' },
          // The range filters the dashboards link to: shown only while set, so they can be changed or cleared.
          ...RANGE_FILTERS.filter((f) => list.filters[f.name]),
          ...(list.filters.lostReason ? [{ name: 'lostReason', label: 'Lost reason', kind: 'select' as const, allLabel: 'All', options: lostReasons.map((r) => ({ value: r.id, label: r.label })) }] : []),
        ]}
        bulk={
          writer
            ? {
                orgSlug,
                noun: { one: 'deal', many: 'deals' },
                deleteAction: bulkDeleteDealsAction,
                restoreAction: bulkRestoreDealsAction,
                // Reassigning deals is for managers and admins (a rep's deals stay theirs).
                owner: member.role === 'SALES' ? undefined : { action: bulkOwnerDealsAction, options: ownerChoices(members, ctx, { none: false }) },
                move: { action: bulkMoveDealsAction, groups: shown.map((p) => ({ pipeline: p.name, stages: p.stages })), lostReasons },
              }
            : null
        }
        empty={list.trash ? 'The trash is empty.' : list.q || Object.values(list.filters).some(Boolean) ? 'No deals match these filters.' : 'No deals yet.'}
      />
    </>
  )
}
