import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { TemplateEditor } from '@/components/templates/template-editor'
import { TemplateHeader } from '@/components/templates/template-header'
import { TemplateRules } from '@/components/templates/template-rules'
import { VersionHistory } from '@/components/templates/version-history'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { loadTemplatePage } from '@/lib/pm/template-page'

export const metadata: Metadata = { title: 'Template' }

const Params = z.object({ templateId: z.uuid() })
const Version = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined)

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ orgSlug: string; templateId: string }>; searchParams: Promise<{ version?: string }> }) {
  const { orgSlug, ...rest } = await params
  const member = await memberForPage(orgSlug, 'projects:write')
  const parsed = Params.safeParse(rest)
  if (!parsed.success) notFound()
  const version = Version.parse((await searchParams).version)
  const page = await orNotFound(loadTemplatePage(db, ctxOf(member), member.org, parsed.data.templateId, version))
  const { template } = page
  const readOnly = template.archived || !page.version.isCurrent
  const base = `/${orgSlug}/settings/templates/${template.id}`
  return (
    <>
      <TemplateHeader orgSlug={orgSlug} template={template} />
      <TemplateEditor
        key={page.version.id}
        orgSlug={orgSlug}
        templateId={template.id}
        version={page.version}
        currentVersion={page.currentVersion}
        initial={page.draft}
        roles={page.roles}
        holidays={page.holidays}
        defaultKickoff={page.defaultKickoff}
        timeZone={member.org.timeZone}
        readOnly={readOnly}
        readOnlyReason={
          template.archived ? (
            'This template is archived: restore it to change it.'
          ) : !page.version.isCurrent ? (
            <>
              You are looking at version {page.version.number}, read-only. Projects built from it keep it.{' '}
              <Link href={base} className="font-medium text-accent hover:underline">Back to the current version ({page.currentVersion})</Link>
            </>
          ) : undefined
        }
      />
      <div className="mt-8 grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <TemplateRules
          orgSlug={orgSlug}
          templateId={template.id}
          rules={page.rules}
          pipelines={page.pipelines}
          products={page.products}
          currency={page.currency}
          isDefault={template.isDefault}
          defaultName={page.defaultTemplateName}
          readOnly={template.archived}
        />
        <VersionHistory orgSlug={orgSlug} templateId={template.id} versions={page.versions} current={page.currentVersion} shown={page.version.number} timeZone={member.org.timeZone} />
      </div>
    </>
  )
}
