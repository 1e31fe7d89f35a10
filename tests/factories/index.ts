import type { Role } from '@/lib/generated/prisma/enums'
import { hashPassword } from '@/lib/auth/password'
import type { Ctx } from '@/lib/authz'
import { testDb } from '../setup/db'

let n = 0
const next = () => ++n

export const TEST_PASSWORD = 'correct horse battery staple'
let cachedHash: string | undefined
async function passwordHash() {
  cachedHash ??= await hashPassword(TEST_PASSWORD)
  return cachedHash
}

export async function createOrg(overrides: Partial<{ name: string; slug: string; currency: string; timeZone: string }> = {}) {
  const i = next()
  return testDb.organization.create({ data: { name: `Org ${i}`, slug: `org-${i}`, ...overrides } })
}

export async function createUser(overrides: Partial<{ name: string; email: string }> = {}) {
  const i = next()
  return testDb.user.create({ data: { name: `User ${i}`, email: `user${i}@example.test`, passwordHash: await passwordHash(), ...overrides } })
}

/** A user who is a member of `org` with `role`, and the service context for acting as them. */
export async function createMember(org: { id: string; slug: string }, role: Role = 'ADMIN', overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides)
  const membership = await testDb.membership.create({ data: { orgId: org.id, userId: user.id, role } })
  const ctx: Ctx = { orgId: org.id, userId: user.id, role }
  return { user, membership, ctx, session: { userId: user.id } }
}
