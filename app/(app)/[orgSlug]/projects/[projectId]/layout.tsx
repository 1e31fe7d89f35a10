import type { Metadata } from 'next'
import { ProjectHeader } from '@/components/projects/project-header'
import { loadProjectHeader } from './load-header'

type Params = Promise<{ orgSlug: string; projectId: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orgSlug, projectId } = await params
  const { project } = await loadProjectHeader(orgSlug, projectId)
  return { title: project.name }
}

/** Every view of a project (board, list, timeline, overview, history) sits under its header. */
export default async function ProjectLayout({ params, children }: { params: Params; children: React.ReactNode }) {
  const { orgSlug, projectId } = await params
  const { project } = await loadProjectHeader(orgSlug, projectId)
  return (
    <div className="space-y-5">
      <ProjectHeader orgSlug={orgSlug} project={project} />
      <div>{children}</div>
    </div>
  )
}
