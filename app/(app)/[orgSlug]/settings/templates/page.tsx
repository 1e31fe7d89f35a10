import type { Metadata } from 'next'
import { TemplatesList } from '@/components/templates/templates-list'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { memberForPage } from '@/lib/page-auth'
import { listTemplates } from '@/lib/pm/templates'

export const metadata: Metadata = { title: 'Templates' }

export default async function TemplatesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'projects:write')
  return <TemplatesList orgSlug={orgSlug} templates={await listTemplates(db, ctxOf(member))} timeZone={member.org.timeZone} />
}
