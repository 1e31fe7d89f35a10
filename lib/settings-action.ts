import 'server-only'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember, type Ctx } from '@/lib/authz'
import type { Db } from '@/lib/db'
import type { Permission } from '@/lib/permissions'

/**
 * The body every settings action shares: session -> zod -> member with the permission ->
 * service in a transaction -> revalidate the settings page -> a message for the toast.
 */
export function settingsAction<S extends z.ZodObject>(
  schema: S,
  permission: Permission,
  page: string,
  service: (db: Db, ctx: Ctx, input: z.infer<S>) => Promise<unknown>,
  message: (input: z.infer<S>) => string,
) {
  const withOrg = schema.extend({ orgSlug: z.string().min(1) }) as unknown as z.ZodType<z.infer<S> & { orgSlug: string }>
  return (input: FormData) =>
    runAction(withOrg, input, async (data, session) => {
      const member = await requireMember(db, session, data.orgSlug, permission)
      await db.$transaction((tx) => service(tx, ctxOf(member), data))
      revalidatePath(`/${data.orgSlug}/settings/${page}`)
      return { ok: true as const, data: undefined, message: message(data) }
    })
}
