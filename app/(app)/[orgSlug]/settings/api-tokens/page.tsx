import type { Metadata } from 'next'
import { ApiTokens } from '@/components/settings/api-tokens'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listApiTokens } from '@/lib/integration/api-tokens'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'API tokens' }

export default async function ApiTokensPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug)
  const tokens = await listApiTokens(db, ctxOf(member))
  return (
    <ApiTokens
      orgSlug={orgSlug}
      tokens={tokens.map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        expiresAt: t.expiresAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
      }))}
    />
  )
}
