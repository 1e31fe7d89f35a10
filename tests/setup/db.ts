import { createPrismaClient } from '@/lib/db'

const url = process.env.DATABASE_URL
if (!url) throw new Error('Integration tests need DATABASE_URL: run them with `npm run test:integration` (or `npm test`).')

/** The client integration tests give to services: the real PostgreSQL of this run. */
export const testDb = createPrismaClient(url, 5)
export const testDatabaseUrl = url
