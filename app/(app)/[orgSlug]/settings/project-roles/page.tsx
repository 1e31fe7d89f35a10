import type { Metadata } from 'next'
import { ProjectRolesEditor } from '@/components/settings/project-roles-editor'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { listProjectRoles } from '@/lib/pm/project-roles'

export const metadata: Metadata = { title: 'Project roles' }

export default async function ProjectRolesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'projects:write')
  const ctx = ctxOf(member)
  const roles = await listProjectRoles(db, ctx, { includeArchived: true })
  const people = (await listMembers(db, ctx)).map((m) => ({ id: m.userId, name: m.name }))
  return <ProjectRolesEditor orgSlug={orgSlug} roles={roles} people={people} />
}
