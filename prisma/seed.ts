// Seeds the demo organization into an empty database; never touches existing data.
// Run by `prisma db seed` and by scripts/start.ts.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../lib/generated/prisma/client'
import { seedDemo } from './seed/demo'

const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is not set.')
  process.exit(1)
}
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
try {
  const result = await seedDemo(prisma)
  console.log(result.seeded ? `Seeded ${result.organization}: ${result.users} users.` : 'The database already has data: seed skipped.')
} finally {
  await prisma.$disconnect()
}
