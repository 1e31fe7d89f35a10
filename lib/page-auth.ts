import 'server-only'
import { forbidden, notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { db } from '@/lib/db'
import { listMyOrganizations, requireMemberWithOrganizations, type Member } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { can, type Permission } from '@/lib/permissions'
import { currentSession } from '@/lib/session'

/** requireMember for pages: signed out -> sign-in, not a member -> 404, role -> 403. */
export async function memberForPage(orgSlug: string, permission: Permission = 'org:read', path?: string): Promise<Member> {
  return (await shellForPage(orgSlug, permission, path)).member
}

/** memberForPage, and the person's organizations for the app shell (the same query). */
export async function shellForPage(orgSlug: string, permission: Permission = 'org:read', path?: string) {
  let shell: Awaited<ReturnType<typeof membershipOfRequest>>
  try {
    shell = await membershipOfRequest(orgSlug)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    if (error.code === 'UNAUTHENTICATED') redirect(`/sign-in${path ? `?callbackUrl=${encodeURIComponent(path)}` : ''}`)
    if (error.code === 'FORBIDDEN') forbidden()
    notFound()
  }
  if (!can(shell.member.role, permission)) forbidden()
  return shell
}

/** One membership lookup per request, however many layouts and pages ask (with the shell's organizations). */
const membershipOfRequest = cache(async (orgSlug: string) => requireMemberWithOrganizations(db, await currentSession(), orgSlug))

/** Where "/" sends someone: sign-in, or the first organization they belong to. */
export async function landingPath(): Promise<string> {
  const session = await currentSession()
  if (!session) return '/sign-in'
  const orgs = await listMyOrganizations(db, session.userId)
  return orgs[0] ? `/${orgs[0].slug}/pipeline` : '/no-organization'
}

/** Awaits a service call in a page: its NOT_FOUND (another org's id, a missing one) becomes a 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}
