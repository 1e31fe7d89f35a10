import { afterAll, beforeEach } from 'vitest'
import { testDb } from './db'

// Every test starts from empty tables (the schema is migrated once per run by scripts/test-all.ts).
let tables: string[] | undefined
beforeEach(async () => {
  tables ??= (
    await testDb.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  ).map((t) => `"public"."${t.tablename}"`)
  if (tables.length) await testDb.$executeRawUnsafe(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`)
})
afterAll(async () => {
  await testDb.$disconnect()
})
