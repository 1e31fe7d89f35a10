import type { Metadata } from 'next'
import Link from 'next/link'
import { HealthRules } from '@/components/projects/health-rules'
import { NewProjectDialog } from '@/components/projects/new-project-dialog'
import { ProjectFilters } from '@/components/projects/project-filters'
import { ProjectsTable } from '@/components/projects/projects-table'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { newProjectOptions } from '@/lib/pm/new-project-options'
import { listProjects } from '@/lib/pm/projects'
import { PAGE_SIZE, ProjectListParams } from '@/lib/pm/projects.schema'
import { memberForPage } from '@/lib/page-auth'
import { can } from '@/lib/permissions'

export const metadata: Metadata = { title: 'Projects' }

export default async function ProjectsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects`)
  const ctx = ctxOf(member)
  const raw = await searchParams
  const query = ProjectListParams.parse(raw)
  const canWrite = can(member.role, 'projects:write')
  const [list, options] = await Promise.all([listProjects(db, ctx, query), canWrite ? newProjectOptions(db, ctx) : null])
  const dir = query.dir ?? (['progress', 'health', 'created'].includes(query.sort) ? 'desc' : 'asc')
  const more = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
  more.set('limit', String(query.limit + PAGE_SIZE))
  const filtered = Boolean(query.q || query.owner || query.company || query.template || query.health || query.status !== 'open')

  return (
    <>
      <PageHeader
        title={query.trash ? 'Projects in the trash' : 'Projects'}
        description={
          member.role === 'SALES'
            ? 'The projects of the deals you won. You can follow them and comment on their tasks.'
            : `${list.total} ${list.total === 1 ? 'project' : 'projects'}${filtered ? ' match' : ''}`
        }
        actions={options ? <NewProjectDialog orgSlug={orgSlug} options={options} me={member.user.id} today={list.today} /> : null}
      />
      <div className="mb-4">
        <ProjectFilters
          owners={list.facets.owners.map((o) => ({ value: o.id, label: o.name }))}
          companies={list.facets.companies.map((c) => ({ value: c.id, label: c.name }))}
          value={{
            q: query.q ?? '',
            status: query.status,
            owner: query.owner ?? '',
            company: query.company ?? '',
            health: query.health ?? '',
            sort: query.sort,
            dir,
            trash: Boolean(query.trash),
          }}
          canSeeTrash={canWrite}
        />
      </div>
      {list.items.length ? (
        <ProjectsTable orgSlug={orgSlug} items={list.items} today={list.today} trash={Boolean(query.trash)} />
      ) : (
        <div className="rounded-lg border border-dashed border-line bg-surface p-10 text-center" data-testid="projects-empty">
          <p className="font-medium">{query.trash ? 'The trash is empty' : filtered ? 'No project matches these filters' : 'No projects yet'}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-ink-soft">
            {query.trash
              ? 'Deleted projects wait here until someone restores them.'
              : filtered
                ? 'Change or clear the filters to see more.'
                : canWrite
                  ? 'Create one from a template with “New project”, or win a deal.'
                  : 'Projects appear here when deals you own are won.'}
          </p>
        </div>
      )}
      {list.hasMore ? (
        <div className="mt-3 flex justify-center">
          <Link href={`?${more.toString()}`} scroll={false} className={buttonClass('secondary', 'sm')}>
            Show more
          </Link>
        </div>
      ) : null}
      {query.trash ? null : <HealthRules />}
    </>
  )
}
