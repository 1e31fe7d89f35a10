import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { SEARCH_CONNECTION_SETUP } from '@/lib/crm/search'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { env } from '@/lib/env'
import { statementNamer } from '@/lib/statement-names'

/** A client or a transaction: every service takes one, so callers choose the transaction. */
export type Db = PrismaClient | Prisma.TransactionClient

/** What each of the app's connections runs when it opens, before any query of its own: the search's setting. */
export const setUpConnection = (client: pg.ClientBase) => client.query(SEARCH_CONNECTION_SETUP)

/**
 * The app's connection pool: each connection is set up when it opens, and the pool waits for
 * that before the connection runs its first query (a setup that fails closes it and fails that query).
 */
export function createPool(url: string, max: number) {
  // pg-pool awaits the hook's promise; its types still say it returns void
  return new pg.Pool({ connectionString: url, max, onConnect: setUpConnection as (client: pg.ClientBase) => void })
}

/** A client on a pool; hot statements are prepared once per connection (lib/statement-names.ts). */
export function prismaOn(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: statementNamer() }) })
}

export function createPrismaClient(url: string, poolSize = 10) {
  return prismaOn(createPool(url, poolSize))
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
