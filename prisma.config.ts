import path from 'node:path'
import { defineConfig } from 'prisma/config'

// The Prisma CLI would download a native schema engine from a host this machine cannot
// reach; ours speaks the same protocol on top of Prisma's WebAssembly engine.
// See docs/decisions/0002-prisma-wasm-schema-engine.md. `??=` lets anyone point elsewhere.
// No update checks: the machine has no internet and the check only slows every command.
process.env.CHECKPOINT_DISABLE ??= '1'
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'scripts', 'prisma-schema-engine.mjs')

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    // react-server: lib/ services (imported by the seed) start with `import 'server-only'`.
    seed: 'tsx --conditions=react-server prisma/seed.ts',
  },
  // `prisma generate` needs no database; every other command is run through
  // scripts/with-db.ts or scripts/start.ts, which set DATABASE_URL.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/baton' },
})
