import type { Metadata } from 'next'
import { forbidden, notFound } from 'next/navigation'
import { MyWorkView, type MyWorkShown } from '@/components/my-work/my-work-view'
import { PersonPicker } from '@/components/my-work/person-picker'
import { PageHeader } from '@/components/ui/card'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { listMembers } from '@/lib/org/members'
import { memberForPage } from '@/lib/page-auth'
import { canViewOthersWork, loadMyWork } from '@/lib/pm/my-work'
import { MyWorkSearch } from '@/lib/pm/my-work.schema'

export const metadata: Metadata = { title: 'My work' }

/** Rows a section shows before "Show all" */
const SHOWN = 25

export default async function MyWorkPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'org:read')
  const ctx = ctxOf(member)
  const search = MyWorkSearch.safeParse(await searchParams)
  if (!search.success) notFound()
  const others = canViewOthersWork(ctx)
  const [work, people] = await Promise.all([
    loadMyWork(db, ctx, { userId: search.data.person, viewer: { name: member.user.name, timeZone: member.org.timeZone } }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN') forbidden()
      if (error instanceof AppError && error.code === 'NOT_FOUND') notFound()
      throw error
    }),
    others ? listMembers(db, ctx) : Promise.resolve([]),
  ])
  // A section shows its first rows; `?all=<section>` shows every row of that one.
  const shown = (section: string, items: typeof work.doneToday) => ({ items: search.data.all === section ? items : items.slice(0, SHOWN), total: items.length })
  const view: MyWorkShown = { ...work, groups: work.groups.map((g) => ({ key: g.key, label: g.label, ...shown(g.key, g.items) })), doneToday: shown('done', work.doneToday) }
  return (
    <>
      <PageHeader
        title={work.person.isViewer ? 'My work' : `${work.person.name}’s work`}
        description="Project tasks and sales follow-ups in one list, by when they are due."
        actions={others ? <PersonPicker people={people.map((p) => ({ id: p.userId, name: p.name }))} value={work.person.id} me={member.user.id} /> : null}
      />
      <MyWorkView orgSlug={orgSlug} work={view} />
    </>
  )
}
