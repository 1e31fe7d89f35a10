import { describe, expect, it } from 'vitest'
import { verifyCredentials } from '@/lib/auth/credentials'
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo-accounts'
import { seedDemo } from '@/prisma/seed/demo'
import { testDb } from '../setup/db'

describe('demo seed', () => {
  it('creates Acme Services with one user per role plus a second sales rep, all able to sign in', async () => {
    expect(await seedDemo(testDb)).toMatchObject({ seeded: true })
    const members = await testDb.membership.findMany({ select: { role: true, org: { select: { name: true } } } })
    expect(new Set(members.map((m) => m.org.name))).toEqual(new Set(['Acme Services']))
    expect(members.map((m) => m.role).sort()).toEqual(['ADMIN', 'DELIVERY', 'MANAGER', 'SALES', 'SALES'])
    for (const user of DEMO_USERS) {
      expect(await verifyCredentials(testDb, { email: user.email, password: DEMO_PASSWORD })).toMatchObject({ name: user.name })
    }
  })

  it('never overwrites existing data', async () => {
    await seedDemo(testDb)
    await testDb.user.update({ where: { email: 'admin@acme.test' }, data: { name: 'Renamed Admin' } })
    expect(await seedDemo(testDb)).toEqual({ seeded: false })
    expect(await testDb.user.count()).toBe(DEMO_USERS.length)
    expect((await testDb.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } })).name).toBe('Renamed Admin')
  })
})
