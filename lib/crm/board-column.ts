import 'server-only'
import { z } from 'zod'
import type { Db } from '@/lib/db'
import type { Session } from '@/lib/session'
import { ctxOf, requireMember } from '@/lib/authz'
import { AppError, notFound } from '@/lib/errors'
import { loadColumnPage, type DealCard } from '@/lib/crm/board'
import { boardQuery } from '@/lib/crm/board-query'
import { ColumnPageQuery } from '@/lib/crm/board-column.schema'

export type ColumnPageBody =
  | { cards: DealCard[]; nextCursor: string | null }
  | { error: string; fieldErrors?: Record<string, string[] | undefined> }

/**
 * The JSON answer of the column route ("load more" as a GET): session -> parse -> member
 * with crm:read -> the stage must be this organization's (404 otherwise) -> the page.
 */
export async function columnPageResponse(
  db: Db,
  session: Session | null,
  orgSlug: string,
  params: URLSearchParams,
): Promise<{ status: number; body: ColumnPageBody }> {
  if (!session) return { status: 401, body: { error: 'You are signed out. Sign in again to continue.' } }
  const parsed = ColumnPageQuery.safeParse(Object.fromEntries(params))
  if (!parsed.success) return { status: 400, body: { error: 'Check the request.', fieldErrors: z.flattenError(parsed.error).fieldErrors } }
  try {
    const member = await requireMember(db, session, orgSlug, 'crm:read')
    const ctx = ctxOf(member)
    const stage = await db.pipelineStage.findFirst({ where: { id: parsed.data.stage, orgId: ctx.orgId }, select: { id: true } })
    if (!stage) throw notFound('This stage')
    const page = await loadColumnPage(db, ctx, stage.id, parsed.data.cursor, boardQuery(member, parsed.data))
    return { status: 200, body: page }
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, body: { error: error.message } }
    throw error
  }
}
