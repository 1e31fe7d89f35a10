import type { Metadata } from 'next'
import { HolidaysEditor } from '@/components/settings/holidays-editor'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { todayIn } from '@/lib/dates'
import { memberForPage } from '@/lib/page-auth'
import { listHolidays } from '@/lib/pm/holiday-settings'

export const metadata: Metadata = { title: 'Holidays' }

export default async function HolidaysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'projects:write')
  return <HolidaysEditor orgSlug={orgSlug} holidays={await listHolidays(db, ctxOf(member))} today={todayIn(member.org.timeZone)} />
}
