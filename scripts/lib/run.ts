// Runs a child process with inherited output and resolves with its exit code.
import { spawn, type SpawnOptions } from 'node:child_process'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..', '..')

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options })
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Runs a package's CLI with this Node, without npx (so killing us kills it). */
export function runBin(bin: string, args: string[], env: Record<string, string | undefined> = {}) {
  return run(process.execPath, [path.join(root, bin), ...args], { env: { ...process.env, ...env } })
}

export const bins = {
  prisma: 'node_modules/prisma/build/index.js',
  next: 'node_modules/next/dist/bin/next',
  vitest: 'node_modules/vitest/vitest.mjs',
  playwright: 'node_modules/@playwright/test/cli.js',
  tsc: 'node_modules/typescript/bin/tsc',
  eslint: 'node_modules/eslint/bin/eslint.js',
  tsx: 'node_modules/tsx/dist/cli.mjs',
}

export async function migrateDeploy(url: string) {
  const code = await runBin(bins.prisma, ['migrate', 'deploy'], { DATABASE_URL: url })
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code})`)
}
