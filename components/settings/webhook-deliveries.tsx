'use client'
import Link from 'next/link'
import { ChevronLeft } from 'lucide-react'
import { resendDeliveryAction } from '@/app/(app)/[orgSlug]/settings/webhooks/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Badge, Card } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

type Delivery = {
  id: string
  eventType: string
  eventId: string
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED'
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  deliveredAt: string | null
  createdAt: string
}

const time = (iso: string) => new Date(iso).toLocaleString('en-US', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' })
const statusLabel = { PENDING: 'Waiting', SUCCEEDED: 'Delivered', FAILED: 'Failed' } as const
const statusTone = { PENDING: 'text-warning', SUCCEEDED: 'text-success', FAILED: 'text-danger' } as const

export function WebhookDeliveries({ orgSlug, endpoint, deliveries }: { orgSlug: string; endpoint: { id: string; url: string; active: boolean }; deliveries: Delivery[] }) {
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/${orgSlug}/settings/webhooks`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Webhooks
      </Link>
      <div>
        <h2 className="text-base font-semibold">Deliveries to {endpoint.url}</h2>
        <p className="text-sm text-ink-soft">The last 50, newest first. Send one again if the receiver lost it or has been fixed.</p>
      </div>
      <Card className="overflow-x-auto p-0">
        {deliveries.length === 0 ? (
          <p className="p-5 text-sm text-ink-soft">Nothing sent yet: events appear here when deals are won or lost.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-soft">
              <tr>
                <th className="px-4 py-2 font-medium">Event</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium">Attempts</th>
                <th className="px-4 py-2 font-medium">Last answer</th>
                <th className="px-4 py-2 font-medium">When</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className="px-4 py-2">
                    <code className="text-xs">{d.eventType}</code>
                    <p className="font-mono text-[11px] text-ink-soft">{d.eventId}</p>
                  </td>
                  <td className={cn('px-4 py-2 font-medium', statusTone[d.status])}>{statusLabel[d.status]}</td>
                  <td className="px-4 py-2 tabular-nums">{d.attempts}</td>
                  <td className="px-4 py-2 text-ink-soft">
                    {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}
                    {d.status === 'PENDING' && d.nextAttemptAt && d.attempts > 0 ? <p className="text-xs">Next try {time(d.nextAttemptAt)}</p> : null}
                  </td>
                  <td className="px-4 py-2 text-ink-soft">{time(d.deliveredAt ?? d.createdAt)}</td>
                  <td className="px-4 py-2 text-right">
                    {endpoint.active ? (
                      <ActionForm action={resendDeliveryAction} hidden={{ orgSlug, id: d.id, endpointId: endpoint.id }}>
                        {({ pending }) => (
                          <Button type="submit" size="sm" variant="secondary" disabled={pending}>
                            Send again
                          </Button>
                        )}
                      </ActionForm>
                    ) : (
                      <Badge>Endpoint disabled</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  )
}
