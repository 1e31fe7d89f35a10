'use client'
import { useActionState, useState } from 'react'
import { toast } from 'sonner'
import { Copy, KeyRound } from 'lucide-react'
import { createApiTokenAction, revokeApiTokenAction } from '@/app/(app)/[orgSlug]/settings/api-tokens/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Badge, Card } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null }

const when = (iso: string) => new Date(iso).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' })

function state(token: Token) {
  if (token.revokedAt) return { label: `Revoked ${when(token.revokedAt)}`, live: false }
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return { label: `Expired ${when(token.expiresAt)}`, live: false }
  return { label: token.expiresAt ? `Expires ${when(token.expiresAt)}` : 'Never expires', live: true }
}

export function ApiTokens({ orgSlug, tokens }: { orgSlug: string; tokens: Token[] }) {
  const [created, create, pending] = useActionState(createApiTokenAction, null)
  const [copied, setCopied] = useState(false)
  const fresh = created?.ok ? created.data : null
  const failed = created && !created.ok ? created : null
  return (
    <div className="max-w-3xl space-y-5">
      <Card className="p-5">
        <h2 className="text-base font-semibold">Personal API tokens</h2>
        <p className="mt-1 text-sm text-ink-soft">
          A token lets a script or another system call Baton’s REST API (<code>/api/v1</code>) as you, with your role in this organization. Send it as{' '}
          <code>Authorization: Bearer baton_…</code>. Only a fingerprint is stored: copy a new token when it is shown.
        </p>
        <form action={create} className="mt-4 flex flex-wrap items-start gap-3" aria-label="Create an API token" noValidate>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <TextField label="Name" name="name" placeholder="Zapier, data warehouse …" defaultValue={failed?.values?.name} error={failed?.fieldErrors?.name} className="min-w-56 flex-1" />
          <SelectField label="Expires" name="expiresIn" defaultValue="90" error={failed?.fieldErrors?.expiresIn}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never</option>
          </SelectField>
          <Button type="submit" disabled={pending} className="mt-6">
            <KeyRound className="size-4" aria-hidden /> Create token
          </Button>
        </form>
        {failed?.formError ? <FormError message={failed.formError} /> : null}
        {fresh ? (
          <div className="mt-4 rounded-md border border-success/40 bg-success/5 p-3" role="status" data-testid="new-token">
            <p className="text-sm font-medium">Token “{fresh.name}”: copy it now, it will not be shown again.</p>
            <div className="mt-2 flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-surface px-2 py-1 text-xs" data-testid="new-token-value">
                {fresh.token}
              </code>
              <Button
                size="sm"
                variant="secondary"
                onClick={async () => {
                  await navigator.clipboard?.writeText(fresh.token).catch(() => undefined)
                  setCopied(true)
                  toast.success('Token copied.')
                }}
              >
                <Copy className="size-4" aria-hidden /> {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
          </div>
        ) : null}
      </Card>
      <Card className="p-0">
        {tokens.length === 0 ? (
          <p className="p-5 text-sm text-ink-soft">You have no tokens yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-soft">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                <th className="px-4 py-2 font-medium">Token</th>
                <th className="px-4 py-2 font-medium">Created</th>
                <th className="px-4 py-2 font-medium">Last used</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {tokens.map((token) => {
                const { label, live } = state(token)
                return (
                  <tr key={token.id} data-testid="api-token">
                    <td className="px-4 py-2 font-medium">{token.name}</td>
                    <td className="px-4 py-2 font-mono text-xs text-ink-soft">{token.prefix}…</td>
                    <td className="px-4 py-2 text-ink-soft">{when(token.createdAt)}</td>
                    <td className="px-4 py-2 text-ink-soft">{token.lastUsedAt ? when(token.lastUsedAt) : 'Never'}</td>
                    <td className="px-4 py-2">{live ? <span className="text-ink-soft">{label}</span> : <Badge>{label}</Badge>}</td>
                    <td className="px-4 py-2 text-right">
                      {live ? (
                        <ActionForm action={revokeApiTokenAction} hidden={{ orgSlug, id: token.id }}>
                          {({ pending: revoking }) => (
                            <Button type="submit" size="sm" variant="ghost" disabled={revoking} aria-label={`Revoke ${token.name}`}>
                              Revoke
                            </Button>
                          )}
                        </ActionForm>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  )
}
