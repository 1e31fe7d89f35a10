import 'server-only'
import { z } from 'zod'
import type { Db } from '@/lib/db'
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password'

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.'),
  password: z.string().min(1, 'Enter your password.'),
})
export type SignInInput = z.infer<typeof SignInInput>

/** The user for an email and password, or null. Unknown email and wrong password look the same. */
export async function verifyCredentials(db: Db, input: SignInInput) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  })
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password)
  if (!user || !ok) return null
  return { id: user.id, email: user.email, name: user.name }
}
