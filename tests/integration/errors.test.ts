import { describe, expect, it } from 'vitest'
import { AppError, mapPrismaError } from '@/lib/errors'
import { createUser } from '../factories'
import { testDb } from '../setup/db'

// Prisma 7 with adapter-pg reports unique violations in its own shape; check the real one.
describe('mapPrismaError on real PostgreSQL errors', () => {
  it('turns a unique violation into a CONFLICT naming the field', async () => {
    await createUser({ email: 'twice@example.test' })
    const error = await createUser({ email: 'twice@example.test' })
      .catch((e: unknown) => mapPrismaError(e, { unique: 'That email is taken.' }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'That email is taken.', field: 'email', status: 409 })
  })

  it('turns a missing record into a NOT_FOUND', async () => {
    const error = await testDb.user
      .update({ where: { id: '00000000-0000-4000-8000-000000000000' }, data: { name: 'x' } })
      .catch((e: unknown) => mapPrismaError(e, { missing: 'This person' }))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'This person was not found.', status: 404 })
  })

  it('lets any other error through unchanged', async () => {
    const original = new Error('boom')
    expect(() => mapPrismaError(original)).toThrow(original)
  })
})

describe('uniqueField', () => {
  it('names the column of a tenant-scoped unique index', async () => {
    const org = await testDb.organization.create({ data: { name: 'A', slug: 'a' } })
    const user = await createUser()
    await testDb.membership.create({ data: { orgId: org.id, userId: user.id, role: 'ADMIN' } })
    const error = await testDb.membership
      .create({ data: { orgId: org.id, userId: user.id, role: 'SALES' } })
      .catch((e: unknown) => mapPrismaError(e))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'userId' })
  })
})
