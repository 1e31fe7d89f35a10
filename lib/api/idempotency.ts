import 'server-only'
import type { Db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'
import type { ApiCaller } from '@/lib/integration/api-tokens'

// Idempotency-Key for API POSTs: the first answer to a key is stored, and the same key sent
// again (a retry after a timeout) gets that answer back without running anything twice. A key
// belongs to its caller; reusing it for another request is refused. Keys are kept 24 hours.

export const IDEMPOTENCY_HEADER = 'idempotency-key'
const KEEP_MS = 24 * 60 * 60 * 1000

export type StoredAnswer = { status: number; body: Prisma.InputJsonValue }

export async function withIdempotency(db: Db, caller: ApiCaller, key: string | null, request: string, run: () => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed: boolean }> {
  if (key === null) return { ...(await run()), replayed: false }
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new AppError('INVALID', 'An Idempotency-Key is 1 to 200 visible ASCII characters.')
  const id = { orgId: caller.ctx.orgId, userId: caller.ctx.userId, key }
  const previous = await db.idempotencyKey.findUnique({ where: { orgId_userId_key: id } })
  if (previous && previous.createdAt.getTime() > Date.now() - KEEP_MS) {
    if (previous.request !== request) throw new AppError('CONFLICT', 'This Idempotency-Key was already used for another request.')
    return { status: previous.responseStatus, body: previous.responseBody as Prisma.InputJsonValue, replayed: true }
  }
  const answer = await run()
  // Only final answers are kept: a 5xx may succeed when retried with the same key.
  if (answer.status < 500) {
    await db.idempotencyKey.upsert({
      where: { orgId_userId_key: id },
      create: { ...id, request, responseStatus: answer.status, responseBody: answer.body },
      update: { request, responseStatus: answer.status, responseBody: answer.body, createdAt: new Date() },
    })
  }
  return { ...answer, replayed: false }
}
