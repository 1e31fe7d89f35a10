import 'server-only'
import { auth } from '@/lib/auth'

export type Session = { userId: string }

/** The signed-in user of this request, or null. */
export async function currentSession(): Promise<Session | null> {
  const session = await auth()
  const userId = session?.user?.id
  return userId ? { userId } : null
}
