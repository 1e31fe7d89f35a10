import type { Metadata } from 'next'
import { WebhookEndpoints } from '@/components/settings/webhook-endpoints'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { EVENT_TYPES, eventLabels } from '@/lib/integration/outbox'
import { listEndpoints } from '@/lib/integration/webhooks'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Webhooks' }

export default async function WebhooksPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:manage')
  const endpoints = await listEndpoints(db, ctxOf(member))
  return (
    <WebhookEndpoints
      orgSlug={orgSlug}
      events={EVENT_TYPES.map((type) => ({ type, label: eventLabels[type] }))}
      endpoints={endpoints.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))}
    />
  )
}
