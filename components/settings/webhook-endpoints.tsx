'use client'
import Link from 'next/link'
import { useState } from 'react'
import { Eye, EyeOff, Webhook } from 'lucide-react'
import { createEndpointAction, deleteEndpointAction, rotateSecretAction, updateEndpointAction } from '@/app/(app)/[orgSlug]/settings/webhooks/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Badge, Card } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'

type EventOption = { type: string; label: string }
type Endpoint = { id: string; url: string; description: string | null; events: string[]; active: boolean; secret: string; createdAt: string; counts: Partial<Record<'PENDING' | 'SUCCEEDED' | 'FAILED', number>> }

function EventChoices({ events, chosen, error }: { events: EventOption[]; chosen: string[]; error?: string[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">Events</legend>
      <p className="text-xs text-ink-soft">None ticked: every event, including ones added later.</p>
      <div className="grid gap-1 sm:grid-cols-2">
        {events.map((event) => (
          <label key={event.type} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="events" value={event.type} defaultChecked={chosen.includes(event.type)} className="mt-0.5" />
            <span>
              <code className="text-xs">{event.type}</code> <span className="text-ink-soft">— {event.label}</span>
            </span>
          </label>
        ))}
      </div>
      {error?.[0] ? (
        <p className="text-sm text-danger" role="alert">
          {error[0]}
        </p>
      ) : null}
    </fieldset>
  )
}

function Secret({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false)
  return (
    <span className="inline-flex items-center gap-1.5">
      <code className="rounded bg-muted px-1.5 py-0.5 text-xs" data-testid="webhook-secret">
        {shown ? secret : `${secret.slice(0, 8)}${'•'.repeat(12)}`}
      </code>
      <button type="button" onClick={() => setShown((s) => !s)} className="text-ink-soft hover:text-ink" aria-label={shown ? 'Hide the signing secret' : 'Show the signing secret'}>
        {shown ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
      </button>
    </span>
  )
}

export function WebhookEndpoints({ orgSlug, events, endpoints }: { orgSlug: string; events: EventOption[]; endpoints: Endpoint[] }) {
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <div className="max-w-3xl space-y-5">
      <Card className="p-5">
        <h2 className="text-base font-semibold">Webhooks</h2>
        <p className="mt-1 text-sm text-ink-soft">
          Baton POSTs each event as JSON to these URLs, signed in the <code>Baton-Signature</code> header (<code>t=…,v1=</code>HMAC-SHA256 of
          <code> {`"<t>.<body>"`}</code> with the endpoint’s secret). A failed delivery is tried again with growing pauses, up to 8 times.
        </p>
        <ActionForm action={createEndpointAction} hidden={{ orgSlug }} className="mt-4 space-y-3" label="Add a webhook">
          {({ errors, values, pending, done }) => (
            <div key={done} className="space-y-3">
              <TextField label="URL" name="url" type="url" placeholder="https://example.com/hooks/baton" defaultValue={values?.url} error={errors.url} />
              <TextField label="Description (optional)" name="description" defaultValue={values?.description} error={errors.description} />
              <EventChoices events={events} chosen={[]} error={errors.events} />
              <Button type="submit" disabled={pending}>
                <Webhook className="size-4" aria-hidden /> Add webhook
              </Button>
            </div>
          )}
        </ActionForm>
      </Card>
      {endpoints.map((endpoint) => (
        <Card key={endpoint.id} className="space-y-3 p-5" data-testid="webhook-endpoint">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="truncate font-medium">{endpoint.url}</p>
              {endpoint.description ? <p className="text-sm text-ink-soft">{endpoint.description}</p> : null}
              <p className="mt-1 text-xs text-ink-soft">{endpoint.events.length ? endpoint.events.join(', ') : 'All events'}</p>
            </div>
            {endpoint.active ? <Badge>Active</Badge> : <Badge>Disabled</Badge>}
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <span>
              Signing secret: <Secret secret={endpoint.secret} />
            </span>
            <Link href={`/${orgSlug}/settings/webhooks/${endpoint.id}`} className="text-accent hover:underline">
              Delivery log ({endpoint.counts.SUCCEEDED ?? 0} delivered, {endpoint.counts.PENDING ?? 0} waiting, {endpoint.counts.FAILED ?? 0} failed)
            </Link>
          </div>
          {editing === endpoint.id ? (
            <ActionForm action={updateEndpointAction} hidden={{ orgSlug, id: endpoint.id }} className="space-y-3 border-t border-line pt-3" label={`Edit ${endpoint.url}`}>
              {({ errors, values, pending }) => (
                <>
                  <TextField label="URL" name="url" type="url" defaultValue={values?.url ?? endpoint.url} error={errors.url} />
                  <TextField label="Description (optional)" name="description" defaultValue={values?.description ?? endpoint.description ?? ''} error={errors.description} />
                  <EventChoices events={events} chosen={endpoint.events} error={errors.events} />
                  <label className="flex items-center gap-2 text-sm">
                    <input type="hidden" name="active" value="false" />
                    <input type="checkbox" name="active" value="true" defaultChecked={endpoint.active} /> Active (send events to it)
                  </label>
                  <div className="flex gap-2">
                    <Button type="submit" disabled={pending}>
                      Save
                    </Button>
                    <Button variant="secondary" onClick={() => setEditing(null)}>
                      Cancel
                    </Button>
                  </div>
                </>
              )}
            </ActionForm>
          ) : (
            <div className="flex flex-wrap gap-2 border-t border-line pt-3">
              <Button size="sm" variant="secondary" onClick={() => setEditing(endpoint.id)}>
                Edit
              </Button>
              <ActionForm action={rotateSecretAction} hidden={{ orgSlug, id: endpoint.id }}>
                {({ pending }) => (
                  <Button type="submit" size="sm" variant="secondary" disabled={pending}>
                    New secret
                  </Button>
                )}
              </ActionForm>
              <ActionForm action={deleteEndpointAction} hidden={{ orgSlug, id: endpoint.id }}>
                {({ pending }) => (
                  <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`Delete webhook ${endpoint.url}`}>
                    Delete
                  </Button>
                )}
              </ActionForm>
            </div>
          )}
        </Card>
      ))}
    </div>
  )
}
