import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'

/** A client or a transaction: every service takes one, so callers choose the transaction. */
export type Db = PrismaClient | Prisma.TransactionClient

export function createPrismaClient(url: string, poolSize = 10) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) })
}

const globalForDb = globalThis as unknown as { batonDb?: PrismaClient }

function client(): PrismaClient {
  return (globalForDb.batonDb ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE))
}

/** The app's client, created on first use (so `next build` needs no database). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    const target = client()
    const value = Reflect.get(target, property, target)
    return typeof value === 'function' ? value.bind(target) : value
  },
})
