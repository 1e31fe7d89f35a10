// The database the scale data lives in: DATABASE_URL when set, otherwise its own database
// (`baton_scale`) in the embedded development cluster, so the demo database stays small.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { devDatabase } from '../lib/clusters'
import { openDatabase } from '../lib/database'
import { migrateDeploy } from '../lib/run'
import { SCALE_DATABASE } from './options'

export async function openScaleDatabase(log: (line: string) => void) {
  const database = await openDatabase({ ...devDatabase, database: SCALE_DATABASE, log })
  log(`Database: ${redact(database.url)}`)
  await migrateDeploy(database.url)
  return database
}

export const scalePrisma = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) })

/** A URL without its password, for logs. */
export function redact(url: string) {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}
