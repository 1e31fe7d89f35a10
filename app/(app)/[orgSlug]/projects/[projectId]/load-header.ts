import 'server-only'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ctxOf } from '@/lib/authz'
import { isUuid } from '@/lib/crm/list-params'
import { db } from '@/lib/db'
import { memberForPage, orNotFound } from '@/lib/page-auth'
import { getProjectHeader } from '@/lib/pm/projects'

/** The project's header, loaded once per request for the metadata, the layout and any page under it. */
export const loadProjectHeader = cache(async (orgSlug: string, projectId: string) => {
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects/${projectId}`)
  if (!isUuid(projectId)) notFound()
  const ctx = ctxOf(member)
  return { ctx, project: await orNotFound(getProjectHeader(db, ctx, projectId)) }
})
