import type { Metadata } from 'next'
import { WebhookDeliveries } from '@/components/settings/webhook-deliveries'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listDeliveries, listEndpoints } from '@/lib/integration/webhooks'
import { memberForPage, orNotFound } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Webhook deliveries' }

export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ orgSlug: string; endpointId: string }> }) {
  const { orgSlug, endpointId } = await params
  const member = await memberForPage(orgSlug, 'org:manage')
  const ctx = ctxOf(member)
  const deliveries = await orNotFound(listDeliveries(db, ctx, endpointId))
  const endpoint = (await listEndpoints(db, ctx)).find((e) => e.id === endpointId)!
  return (
    <WebhookDeliveries
      orgSlug={orgSlug}
      endpoint={{ id: endpoint.id, url: endpoint.url, active: endpoint.active }}
      deliveries={deliveries.map((d) => ({
        ...d,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      }))}
    />
  )
}
