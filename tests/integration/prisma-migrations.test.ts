import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDatabaseUrl } from '../setup/db'

// The Prisma CLI runs offline through scripts/prisma-schema-engine.mjs (set in prisma.config.ts).
const root = path.resolve(import.meta.dirname, '..', '..')

function migrateDiff(schemaPath: string) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', schemaPath, '--script', '--exit-code'],
    { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseUrl }, encoding: 'utf8', timeout: 60_000 },
  )
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` }
}

describe('schema and migrations', () => {
  it('has a migration for every change in prisma/schema.prisma', () => {
    const { code, output } = migrateDiff('prisma/schema.prisma')
    expect(output).toContain('This is an empty migration')
    expect(code, output).toBe(0)
  })

  it('notices a schema change that has no migration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baton-schema-'))
    const schema = path.join(dir, 'schema.prisma')
    copyFileSync(path.join(root, 'prisma/schema.prisma'), schema)
    const changed = readFileSync(schema, 'utf8').replace('model Organization {', 'model Organization {\n  unmigratedColumn String?')
    writeFileSync(schema, changed)
    const { code, output } = migrateDiff(schema)
    expect(code, output).toBe(2)
    expect(output).toMatch(/ADD COLUMN\s+"unmigratedColumn"/)
  })
})
