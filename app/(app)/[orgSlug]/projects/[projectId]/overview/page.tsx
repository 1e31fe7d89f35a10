import { BriefEditor } from '@/components/projects/brief-editor'
import { DeleteProjectButton } from '@/components/projects/delete-project-button'
import { MembersEditor } from '@/components/projects/members-editor'
import { SourceDealPanel } from '@/components/projects/source-deal-panel'
import { HandoffBrief } from '@/components/handoff/handoff-brief'
import { Card } from '@/components/ui/card'
import { db } from '@/lib/db'
import { projectRoleOptions } from '@/lib/pm/project-members'
import { organizationPeople } from '@/lib/pm/project-people'
import { projectHandoff } from '@/lib/handoff/deal-project'
import { loadProjectHeader } from '../load-header'

type Params = Promise<{ orgSlug: string; projectId: string }>

/** The project's brief, members and source deal. */
export default async function ProjectOverviewPage({ params }: { params: Params }) {
  const { orgSlug, projectId } = await params
  // the header the layout loaded (one load per request); editors also get the people and roles to add
  const { ctx, project } = await loadProjectHeader(orgSlug, projectId)
  const [roles, people, handoff] = await Promise.all([
    project.canWrite ? projectRoleOptions(db, ctx) : [],
    project.canWrite ? organizationPeople(db, ctx) : [],
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
          people={people.map((p) => ({ value: p.id, label: p.name }))}
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
