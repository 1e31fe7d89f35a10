import type { Metadata } from 'next'
import { LostReasonsEditor } from '@/components/settings/lost-reasons-editor'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listLostReasons } from '@/lib/crm/pipelines'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Lost reasons' }

export default async function LostReasonsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:configure')
  return <LostReasonsEditor orgSlug={orgSlug} reasons={await listLostReasons(db, ctxOf(member))} />
}
