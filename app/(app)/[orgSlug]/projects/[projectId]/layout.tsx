import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ProjectHeader } from '@/components/projects/project-header'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { isUuid } from '@/lib/crm/list-params'
import { listMembers } from '@/lib/org/members'
import { getProjectHeader } from '@/lib/pm/projects'
import { memberForPage, orNotFound } from '@/lib/page-auth'

type Params = Promise<{ orgSlug: string; projectId: string }>

/** One load per request, shared by the metadata and the layout. */
const loadHeader = cache(async (orgSlug: string, projectId: string) => {
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects/${projectId}`)
  if (!isUuid(projectId)) notFound()
  const ctx = ctxOf(member)
  // side by side: the member list is dropped when the project is read-only for this person
  const [project, members] = await Promise.all([orNotFound(getProjectHeader(db, ctx, projectId)), listMembers(db, ctx)])
  const people = project.canWrite ? members.map((m) => ({ value: m.userId, label: m.name })) : []
  return { project, people }
})

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orgSlug, projectId } = await params
  const { project } = await loadHeader(orgSlug, projectId)
  return { title: project.name }
}

/** Every view of a project (board, list, timeline, overview, history) sits under its header. */
export default async function ProjectLayout({ params, children }: { params: Params; children: React.ReactNode }) {
  const { orgSlug, projectId } = await params
  const { project, people } = await loadHeader(orgSlug, projectId)
  return (
    <div className="space-y-5">
      <ProjectHeader orgSlug={orgSlug} project={project} people={people} />
      <div>{children}</div>
    </div>
  )
}
