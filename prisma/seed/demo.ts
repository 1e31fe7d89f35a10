import type { PrismaClient } from '../../lib/generated/prisma/client'
import { hashPassword } from '../../lib/auth/password'
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-accounts'

/** The deterministic demo data: organization "Acme Services" and one user per role. */
export async function seedDemo(prisma: PrismaClient) {
  if ((await prisma.organization.count()) > 0) return { seeded: false as const }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: DEMO_ORG })
    for (const user of DEMO_USERS) {
      const created = await tx.user.create({ data: { email: user.email, name: user.name, passwordHash } })
      await tx.membership.create({ data: { orgId: org.id, userId: created.id, role: user.role } })
    }
  })
  return { seeded: true as const, organization: DEMO_ORG.name, users: DEMO_USERS.length }
}
