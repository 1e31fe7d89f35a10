import { ArrowLeft, Star } from 'lucide-react'
import Link from 'next/link'
import { Badge } from '@/components/ui/card'
import { ArchiveTemplateButton, DefaultTemplateButton, RenameTemplateDialog, RestoreTemplateButton } from './template-actions'

/** The template's name, default/archived state and the actions on the whole template. */
export function TemplateHeader({ orgSlug, template }: { orgSlug: string; template: { id: string; name: string; isDefault: boolean; archived: boolean; projectCount: number } }) {
  const ref = { orgSlug, templateId: template.id, name: template.name }
  return (
    <div className="mb-4 space-y-2">
      <Link href={`/${orgSlug}/settings/templates`} className="inline-flex items-center gap-1 text-sm text-ink-soft hover:text-ink">
        <ArrowLeft className="size-4" aria-hidden /> Templates
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold" data-testid="template-name">{template.name}</h2>
        {template.archived ? null : <RenameTemplateDialog {...ref} />}
        {template.isDefault ? (
          <Badge className="bg-accent/10 text-accent">
            <Star className="mr-1 size-3" aria-hidden /> Default template
          </Badge>
        ) : null}
        {template.archived ? <Badge className="bg-warning/15 text-warning">Archived</Badge> : null}
        <span className="text-sm text-ink-soft">
          Used by {template.projectCount} {template.projectCount === 1 ? 'project' : 'projects'}
        </span>
        <span className="ml-auto flex items-center gap-2">
          {template.archived ? (
            <RestoreTemplateButton {...ref} />
          ) : (
            <>
              <DefaultTemplateButton orgSlug={orgSlug} templateId={template.id} isDefault={template.isDefault} />
              <ArchiveTemplateButton {...ref} isDefault={template.isDefault} />
            </>
          )}
        </span>
      </div>
    </div>
  )
}
