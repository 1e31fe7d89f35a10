'use server'
// Ticking an item in My work: a project task through the task service (the same rules as the
// board: blocked tasks need `override`), a sales follow-up through the activities service.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { db } from '@/lib/db'
import { runAction } from '@/lib/action'
import { ctxOf, requireMember } from '@/lib/authz'
import { setTaskDone as setFollowUpDone } from '@/lib/crm/activities'
import { SetMyWorkDoneInput } from '@/lib/pm/my-work.schema'
import { setTaskDone as setProjectTaskDone } from '@/lib/pm/tasks'

const Input = SetMyWorkDoneInput.extend({ orgSlug: z.string().min(1) })

export async function setMyWorkDoneAction(input: z.input<typeof Input>) {
  return runAction(Input, input, async (data, session) => {
    if (data.source === 'crm') {
      const member = await requireMember(db, session, data.orgSlug, 'crm:write')
      await db.$transaction((tx) => setFollowUpDone(tx, ctxOf(member), { activityId: data.id, done: data.done }))
    } else {
      // 'projects:read': the task service also lets an assignee tick their own task.
      const member = await requireMember(db, session, data.orgSlug, 'projects:read')
      await db.$transaction((tx) => setProjectTaskDone(tx, ctxOf(member), { taskId: data.id, done: data.done, override: data.override }))
    }
    revalidatePath(`/${data.orgSlug}/my-work`)
    if (data.source === 'project') revalidatePath(`/${data.orgSlug}/projects`, 'layout')
    return { ok: true as const, data: { id: data.id, done: data.done }, message: data.done ? 'Done.' : 'Reopened.' }
  })
}
