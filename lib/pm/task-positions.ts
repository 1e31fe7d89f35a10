import 'server-only'
import type { Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'

// Order within a board column: `task.position` (float8) with gaps of 1024. A drop sends the
// cards it landed between; the task goes halfway between them, or halfway to the next card
// when only one side is known (swimlanes show a slice of a column). When two neighbours are
// closer than 1e-6 the column is renumbered in one statement.

export const GAP = 1024
const MIN_GAP = 1e-6

/** Renumbers a column with even gaps, keeping its order. */
export async function rebalanceColumn(db: Db, ctx: Ctx, columnId: string) {
  await db.$executeRaw`
    UPDATE task SET position = ranked.rn * ${GAP}
    FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn
          FROM task WHERE org_id = ${ctx.orgId}::uuid AND column_id = ${columnId}::uuid) ranked
    WHERE task.id = ranked.id`
}

async function edge(db: Db, ctx: Ctx, columnId: string, taskId: string, end: 'first' | 'last') {
  const row = await db.task.findFirst({
    where: { orgId: ctx.orgId, columnId, id: { not: taskId } },
    orderBy: [{ position: end === 'first' ? 'asc' : 'desc' }, { id: end === 'first' ? 'asc' : 'desc' }],
    select: { position: true },
  })
  return row?.position
}

export async function topPosition(db: Db, ctx: Ctx, columnId: string, taskId = '00000000-0000-0000-0000-000000000000') {
  const first = await edge(db, ctx, columnId, taskId, 'first')
  return first === undefined ? GAP : first - GAP
}

export async function endPosition(db: Db, ctx: Ctx, columnId: string, taskId = '00000000-0000-0000-0000-000000000000') {
  const last = await edge(db, ctx, columnId, taskId, 'last')
  return last === undefined ? GAP : last + GAP
}

/** The next card's position past `position` in the column, either way. */
async function neighbour(db: Db, ctx: Ctx, columnId: string, taskId: string, position: number, direction: 'after' | 'before') {
  const row = await db.task.findFirst({
    where: { orgId: ctx.orgId, columnId, id: { not: taskId }, position: direction === 'after' ? { gt: position } : { lt: position } },
    orderBy: { position: direction === 'after' ? 'asc' : 'desc' },
    select: { position: true },
  })
  return row?.position
}

/** A position between the cards a task was dropped between (stale neighbours are ignored); none: on top. */
export async function positionBetween(db: Db, ctx: Ctx, columnId: string, taskId: string, afterId?: string, beforeId?: string, retried = false): Promise<number> {
  const ids = [afterId, beforeId].filter((id): id is string => Boolean(id) && id !== taskId)
  const found = ids.length ? await db.task.findMany({ where: { id: { in: ids }, orgId: ctx.orgId, columnId }, select: { id: true, position: true } }) : []
  let low = found.find((n) => n.id === afterId)?.position
  let high = found.find((n) => n.id === beforeId)?.position
  if (low === undefined && high === undefined) return topPosition(db, ctx, columnId, taskId)
  if (low !== undefined && high !== undefined && high <= low) high = undefined
  if (low !== undefined && high === undefined) high = await neighbour(db, ctx, columnId, taskId, low, 'after')
  else if (high !== undefined && low === undefined) low = await neighbour(db, ctx, columnId, taskId, high, 'before')
  if (low === undefined) return high! - GAP
  if (high === undefined) return low + GAP
  if (high - low > MIN_GAP) return (low + high) / 2
  if (retried) return low + MIN_GAP / 2
  await rebalanceColumn(db, ctx, columnId)
  return positionBetween(db, ctx, columnId, taskId, afterId, beforeId, true)
}
