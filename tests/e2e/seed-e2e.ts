// The e2e database: the demo organization plus a second one ("Globex") to prove tenancy.
// manager@acme.test belongs to both (to switch between them); admin@globex.test only to Globex.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../../lib/generated/prisma/client'
import { hashPassword } from '../../lib/auth/password'
import { DEMO_PASSWORD } from '../../lib/demo-accounts'
import { seedDemo } from '../../prisma/seed/demo'
import { provisionSales } from '../../lib/crm/pipelines'
import { GLOBEX } from './accounts'

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) })
try {
  await seedDemo(prisma)
  const org = await prisma.organization.create({ data: { name: GLOBEX.name, slug: GLOBEX.slug, currency: 'USD', timeZone: 'America/New_York' } })
  const admin = await prisma.user.create({ data: { email: GLOBEX.adminEmail, name: 'Gina Globex', passwordHash: await hashPassword(DEMO_PASSWORD) } })
  await prisma.membership.create({ data: { orgId: org.id, userId: admin.id, role: 'ADMIN' } })
  await prisma.$transaction((tx) => provisionSales(tx, { orgId: org.id, userId: admin.id, role: 'ADMIN' }))
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: 'manager@acme.test' } })
  await prisma.membership.create({ data: { orgId: org.id, userId: manager.id, role: 'SALES' } })
  console.log('Seeded the e2e database: Acme Services and Globex.')
} finally {
  await prisma.$disconnect()
}
