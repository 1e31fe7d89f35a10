import type { Metadata } from 'next'
import { forbidden, notFound } from 'next/navigation'
import { MyWorkView } from '@/components/my-work/my-work-view'
import { PersonPicker } from '@/components/my-work/person-picker'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { canViewOthersWork, loadMyWork } from '@/lib/pm/my-work'
import { MY_WORK_SHOWN, MyWorkSearch } from '@/lib/pm/my-work.schema'

export const metadata: Metadata = { title: 'My work' }

export default async function MyWorkPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:read')
  const ctx = ctxOf(member)
  const search = MyWorkSearch.safeParse(await searchParams)
  if (!search.success) notFound()
  const others = canViewOthersWork(ctx)
  const [work, people] = await Promise.all([
    loadMyWork(db, ctx, { userId: search.data.person, viewer: { name: member.user.name, timeZone: member.org.timeZone }, shown: { perSection: MY_WORK_SHOWN, all: search.data.all } }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN') forbidden()
      if (error instanceof AppError && error.code === 'NOT_FOUND') notFound()
      throw error
    }),
    others ? listMembers(db, ctx) : Promise.resolve([]),
  ])
  return (
    <>
      <PageHeader
        title={work.person.isViewer ? 'My work' : `${work.person.name}’s work`}
        description="Project tasks and sales follow-ups in one list, by when they are due."
        actions={others ? <PersonPicker people={people.map((p) => ({ id: p.userId, name: p.name }))} value={work.person.id} me={member.user.id} /> : null}
      />
      <MyWorkView orgSlug={orgSlug} work={work} />
    </>
  )
}
