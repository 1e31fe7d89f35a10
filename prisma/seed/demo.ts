import type { PrismaClient } from '../../lib/generated/prisma/client'
import { hashPassword } from '../../lib/auth/password'
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-accounts'
import { seedDemoCrm } from './demo-crm'
import { seedDemoFollowUps } from './demo-follow-ups'
import { seedDemoTemplates } from './demo-templates'
import { seedDemoProjects } from './demo-projects'
import { seedDemoHistory } from './demo-history'

/** The deterministic demo data: organization "Acme Services", one user per role, and its CRM. */
export async function seedDemo(prisma: PrismaClient) {
  if ((await prisma.organization.count()) > 0) return { seeded: false as const }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.$transaction(
    async (tx) => {
      const org = await tx.organization.create({ data: DEMO_ORG })
      const ids: Record<string, string> = {}
      for (const user of DEMO_USERS) {
        const created = await tx.user.create({ data: { email: user.email, name: user.name, passwordHash } })
        await tx.membership.create({ data: { orgId: org.id, userId: created.id, role: user.role } })
        ids[user.email] = created.id
      }
      const admin = { orgId: org.id, userId: ids['admin@acme.test']!, role: 'ADMIN' as const }
      const sales = DEMO_USERS.filter((u) => u.role === 'SALES').map((u) => ids[u.email]!)
      await seedDemoCrm(tx, admin, { sales, manager: ids['manager@acme.test']! }, DEMO_ORG.timeZone)
      await seedDemoFollowUps(tx, org.id, { sales: ids['sales@acme.test']!, manager: ids['manager@acme.test']! }, DEMO_ORG.timeZone)
      await seedDemoTemplates(tx, admin, { delivery: ids['delivery@acme.test']!, manager: ids['manager@acme.test']! })
      // Demo projects come last: they are built from the demo templates (skipped when there are none).
      await seedDemoProjects(tx, admin, { delivery: ids['delivery@acme.test']!, manager: ids['manager@acme.test']!, sales: ids['sales@acme.test']! }, DEMO_ORG.timeZone)
      // 18 months of closed deals and delivered projects for the dashboards (reads all of the above)
      await seedDemoHistory(tx, admin, { sales, manager: ids['manager@acme.test']!, delivery: ids['delivery@acme.test']!, admin: admin.userId }, DEMO_ORG.timeZone)
    },
    { timeout: 120_000 },
  )
  return { seeded: true as const, organization: DEMO_ORG.name, users: DEMO_USERS.length }
}
