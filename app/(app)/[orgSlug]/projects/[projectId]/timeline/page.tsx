import type { Metadata } from 'next'
import { TimelineView } from '@/components/pm-timeline/timeline-view'
import { defaultZoom } from '@/components/pm-timeline/geometry'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { loadTimeline } from '@/lib/pm/timeline'
import { TimelineSearch } from '@/lib/pm/timeline.schema'

export const metadata: Metadata = { title: 'Project timeline' }

export default async function ProjectTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; projectId: string }>
  searchParams: Promise<Record<string, string | string[]>>
}) {
  const { orgSlug, projectId } = await params
  const member = await memberForPage(orgSlug, 'projects:read')
  const search = TimelineSearch.parse(await searchParams)
  const data = await orNotFound(loadTimeline(db, ctxOf(member), projectId))
  const today = todayIn(member.org.timeZone)
  return <TimelineView orgSlug={orgSlug} data={data} today={today} zoom={search.zoom ?? defaultZoom(data, today)} view={search.view} />
}
