import 'server-only'
import { after } from 'next/server'
import { env } from '@/lib/env'
import { kickOutbox } from '@/lib/integration/worker'

/** For an action whose transaction recorded events: deliver them once the response is sent. */
export function deliverEventsSoon() {
  after(() => kickOutbox(env().DATABASE_URL))
}
