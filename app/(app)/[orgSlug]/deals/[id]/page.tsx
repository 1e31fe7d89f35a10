import type { Metadata } from 'next'
import Link from 'next/link'
import { cache } from 'react'
import { ChevronLeft } from 'lucide-react'
import { ActivityComposer } from '@/components/crm/activity-composer'
import { Timeline } from '@/components/crm/timeline'
import { DealContacts } from '@/components/deals/deal-contacts'
import { DealHeader } from '@/components/deals/deal-header'
import { DealProjectPanel } from '@/components/handoff/deal-project-panel'
import { LineItems } from '@/components/deals/line-items'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listAssignees } from '@/lib/crm/activities'
import { getDeal } from '@/lib/crm/deal-detail'
import { productOptions } from '@/lib/crm/line-items'
import { listLostReasons } from '@/lib/crm/pipelines'
import { listTimeline } from '@/lib/crm/timeline'
import { dealProject } from '@/lib/handoff/deal-project'
import { todayIn } from '@/lib/dates'
import { memberForPage, orNotFound } from '@/lib/page-auth'

type Params = Promise<{ orgSlug: string; id: string }>

/** One load per request, shared by the metadata and the page. */
const loadDeal = cache(async (orgSlug: string, id: string) => {
  const member = await memberForPage(orgSlug, 'crm:read', `/${orgSlug}/deals/${id}`)
  const deal = await orNotFound(getDeal(db, ctxOf(member), id))
  return { member, deal }
})

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orgSlug, id } = await params
  const { deal } = await loadDeal(orgSlug, id)
  return { title: deal.title }
}

export default async function DealPage({ params }: { params: Params }) {
  const { orgSlug, id } = await params
  const { member, deal } = await loadDeal(orgSlug, id)
  const ctx = ctxOf(member)
  const [timeline, lostReasons, owners, products, project] = await Promise.all([
    listTimeline(db, ctx, { entityType: 'deal', entityId: deal.id }),
    deal.canEdit ? listLostReasons(db, ctx) : [],
    deal.canReassign ? listAssignees(db, ctx) : [],
    deal.canEdit ? productOptions(db, ctx) : [],
    dealProject(db, ctx, deal.id, member.org.timeZone),
  ])

  return (
    <div className="space-y-5">
      <Link href={`/${orgSlug}/pipeline`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Pipeline
      </Link>
      <DealHeader orgSlug={orgSlug} deal={deal} owners={owners} lostReasons={lostReasons} today={todayIn(member.org.timeZone)} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <LineItems orgSlug={orgSlug} dealId={deal.id} currency={deal.currency} amountMinor={deal.amountMinor} items={deal.lineItems} products={products} canEdit={deal.canEdit} />
          <section aria-labelledby="activity-heading" className="space-y-4">
            <h2 id="activity-heading" className="text-base font-semibold">
              Activity
            </h2>
            {deal.canEdit ? <ActivityComposer orgSlug={orgSlug} target={{ dealId: deal.id }} /> : null}
            <Timeline items={timeline} />
          </section>
        </div>
        <aside className="space-y-5">
          <DealProjectPanel orgSlug={orgSlug} deal={{ id: deal.id, title: deal.title, status: deal.status, canEdit: deal.canEdit, version: deal.version }} project={project} />
          <DealContacts orgSlug={orgSlug} dealId={deal.id} contacts={deal.contacts} canEdit={deal.canEdit} />
        </aside>
      </div>
    </div>
  )
}
