import 'server-only'
import { cache } from 'react'
import { auth } from '@/lib/auth'

export type Session = { userId: string }

/** The signed-in user of this request, or null. Decoded once per request, however many ask. */
export const currentSession = cache(async (): Promise<Session | null> => {
  const session = await auth()
  const userId = session?.user?.id
  return userId ? { userId } : null
})
