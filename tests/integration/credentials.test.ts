import { describe, expect, it } from 'vitest'
import { SignInInput, verifyCredentials } from '@/lib/auth/credentials'
import { createUser, TEST_PASSWORD } from '../factories'
import { testDb } from '../setup/db'

describe('verifyCredentials', () => {
  it('returns the user for the right email and password, whatever the email case', async () => {
    const user = await createUser({ email: 'ada@example.test', name: 'Ada' })
    const typed = SignInInput.parse({ email: '  Ada@Example.TEST ', password: TEST_PASSWORD })
    const found = await verifyCredentials(testDb, typed)
    expect(found).toEqual({ id: user.id, email: 'ada@example.test', name: 'Ada' })
  })

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    await createUser({ email: 'ada@example.test' })
    expect(await verifyCredentials(testDb, { email: 'ada@example.test', password: 'wrong password' })).toBeNull()
    expect(await verifyCredentials(testDb, { email: 'nobody@example.test', password: TEST_PASSWORD })).toBeNull()
  })

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const user = await createUser()
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(user.passwordHash).not.toContain(TEST_PASSWORD)
  })
})
