import next from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// Routes hand `db` to lib/ services (and open transactions); they never query the client
// directly through generated types. Components never touch the database at all.
const noGenerated = { group: ['@/lib/generated/*', '**/lib/generated/*'], message: 'Use lib/ services and their DTO types.' }
const noDb = { group: ['@/lib/db'], message: 'Components get data from their page; only routes pass db to lib/ services.' }

const config = [
  { ignores: ['.next/**', '.next-*/**', 'lib/generated/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...next,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [noGenerated] }] } },
  { files: ['components/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [noGenerated, noDb] }] } },
]

export default config
