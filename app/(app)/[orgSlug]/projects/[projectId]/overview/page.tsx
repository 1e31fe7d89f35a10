import { notFound } from 'next/navigation'
import { BriefEditor } from '@/components/projects/brief-editor'
import { DeleteProjectButton } from '@/components/projects/delete-project-button'
import { MembersEditor } from '@/components/projects/members-editor'
import { SourceDealPanel } from '@/components/projects/source-deal-panel'
import { HandoffBrief } from '@/components/handoff/handoff-brief'
import { Card } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { isUuid } from '@/lib/crm/list-params'
import { listMembers } from '@/lib/org/members'
import { projectRoleOptions } from '@/lib/pm/project-members'
import { getProjectHeader } from '@/lib/pm/projects'
import { projectHandoff } from '@/lib/handoff/deal-project'
import { memberForPage, orNotFound } from '@/lib/page-auth'


type Params = Promise<{ orgSlug: string; projectId: string }>

/** The project's brief, members and source deal. */
export default async function ProjectOverviewPage({ params }: { params: Params }) {
  const { orgSlug, projectId } = await params
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects/${projectId}/overview`)
  if (!isUuid(projectId)) notFound()
  const ctx = ctxOf(member)
  const project = await orNotFound(getProjectHeader(db, ctx, projectId))
  const [[people, roles], handoff] = await Promise.all([
    project.canWrite ? Promise.all([listMembers(db, ctx), projectRoleOptions(db, ctx)]) : Promise.resolve([[], []] as const),
    projectHandoff(db, ctx, project.id),
  ])

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-5">
        {handoff ? (
          <Card className="p-5">
            <h2 className="text-base font-semibold">Handoff from sales</h2>
            <HandoffBrief orgSlug={orgSlug} brief={handoff} />
          </Card>
        ) : null}
        <BriefEditor key={project.version} orgSlug={orgSlug} projectId={project.id} version={project.version} brief={project.brief} canWrite={project.canWrite} />
      </div>
      <aside className="space-y-5">
        <SourceDealPanel orgSlug={orgSlug} deal={project.sourceDeal} today={project.today} />
        <MembersEditor
          orgSlug={orgSlug}
          projectId={project.id}
          groups={project.members}
          people={people.map((p) => ({ value: p.userId, label: p.name }))}
          roles={roles.map((r) => ({ value: r.id, label: r.name }))}
          unfilledRoleIds={project.unfilledRoles.map((r) => r.id)}
          canWrite={project.canWrite}
        />
        {project.canWrite ? (
          <Card className="p-5">
            <h2 className="text-base font-semibold">Trash</h2>
            <p className="mt-1 text-sm text-ink-soft">A project in the trash can be restored from the projects list.</p>
            <div className="mt-3">
              <DeleteProjectButton orgSlug={orgSlug} projectId={project.id} name={project.name} />
            </div>
          </Card>
        ) : null}
      </aside>
    </div>
  )
}
