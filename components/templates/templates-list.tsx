import { ChevronRight, LayoutTemplate, Star } from 'lucide-react'
import Link from 'next/link'
import { Badge, Card } from '@/components/ui/card'
import type { TemplateSummary } from '@/lib/pm/templates'
import { savedOn } from './format'
import { NewTemplateDialog } from './new-template-dialog'
import { RestoreTemplateButton } from './template-actions'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The organization's templates: what each holds, when it applies, and how many projects use it. */
export function TemplatesList({ orgSlug, templates, timeZone }: { orgSlug: string; templates: TemplateSummary[]; timeZone: string }) {
  const live = templates.filter((t) => !t.archived)
  const archived = templates.filter((t) => t.archived)
  const href = (id: string) => `/${orgSlug}/settings/templates/${id}`
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <p className="max-w-2xl text-sm text-ink-soft">
          A template lays out a project: milestones, tasks with dates counted from the close date or the kickoff, roles and dependencies.
          Rules pick the template for a won deal; the default applies when no rule does. Saving a template makes a new version: projects keep
          the version they were built from.
        </p>
        <NewTemplateDialog orgSlug={orgSlug} sources={live.map((t) => ({ id: t.id, name: t.name }))} />
      </div>
      {live.length === 0 ? (
        <Card className="flex flex-col items-center gap-2 px-6 py-12 text-center">
          <LayoutTemplate className="size-8 text-ink-soft" aria-hidden />
          <p className="font-medium">No templates yet</p>
          <p className="max-w-sm text-sm text-ink-soft">Create one to give new projects their milestones, tasks and dates.</p>
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="templates-table">
            <caption className="sr-only">Templates</caption>
            <thead>
              <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-soft">
                <th scope="col" className="px-4 py-2 font-medium">Template</th>
                <th scope="col" className="px-4 py-2 font-medium">Version</th>
                <th scope="col" className="px-4 py-2 font-medium">Content</th>
                <th scope="col" className="px-4 py-2 font-medium">Applies to</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Projects</th>
                <th scope="col" className="w-8 px-2 py-2"><span className="sr-only">Open</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {live.map((t) => (
                <tr key={t.id} className="group hover:bg-muted/50" data-testid="template-row" data-template={t.name}>
                  <td className="px-4 py-3">
                    <Link href={href(t.id)} className="font-medium text-ink hover:text-accent hover:underline">
                      {t.name}
                    </Link>
                    {t.isDefault ? (
                      <Badge className="ml-2 bg-accent/10 text-accent">
                        <Star className="mr-1 size-3" aria-hidden /> Default
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-ink-soft">
                    {t.version ? (
                      <>
                        <span className="font-medium text-ink">v{t.version.number}</span>
                        <span className="block text-xs">
                          {savedOn(t.version.savedAt, timeZone)}
                          {t.version.savedBy ? ` · ${t.version.savedBy}` : ''}
                        </span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="px-4 py-3 text-ink-soft">
                    {plural(t.taskCount, 'task')} · {plural(t.milestoneCount, 'milestone')}
                  </td>
                  <td className="px-4 py-3 text-ink-soft">
                    {t.rules.length ? (
                      <ul className="space-y-0.5">
                        {t.rules.slice(0, 2).map((rule, i) => (
                          <li key={i}>{rule}</li>
                        ))}
                        {t.rules.length > 2 ? <li className="text-xs">and {plural(t.rules.length - 2, 'more rule')}</li> : null}
                      </ul>
                    ) : t.isDefault ? (
                      'Deals no rule matches'
                    ) : (
                      <span className="text-xs">No rules: chosen by hand</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{t.projectCount}</td>
                  <td className="px-2 py-3">
                    <Link href={href(t.id)} aria-label={`Edit ${t.name}`} className="text-ink-soft group-hover:text-accent">
                      <ChevronRight className="size-4" aria-hidden />
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {archived.length ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold">Archived templates</h2>
          <p className="mt-1 text-sm text-ink-soft">Not offered for new projects and never picked by rules; projects built from them keep them.</p>
          <ul className="mt-3 divide-y divide-line">
            {archived.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-2 py-2" data-testid="archived-template">
                <Link href={href(t.id)} className="text-sm hover:underline">
                  {t.name} <span className="text-ink-soft">· {plural(t.projectCount, 'project')}</span>
                </Link>
                <RestoreTemplateButton orgSlug={orgSlug} templateId={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
