import { notFound } from 'next/navigation'
import { BoardToolbar } from '@/components/pm/board/board-toolbar'
import { packCards } from '@/components/pm/board/card-pack'
import { ProjectBoard } from '@/components/pm/board/project-board'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { isUuid } from '@/lib/crm/list-params'
import { loadProjectBoard } from '@/lib/pm/board-query'
import { BoardSearch } from '@/lib/pm/board-query.schema'
import { memberForPage, orNotFound } from '@/lib/page-auth'

type Params = Promise<{ orgSlug: string; projectId: string }>

/** The project's board (the header and tabs come from the layout). `?task=<id>` opens the task drawer. */
export default async function ProjectBoardPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[]>> }) {
  const { orgSlug, projectId } = await params
  const member = await memberForPage(orgSlug, 'projects:read', `/${orgSlug}/projects/${projectId}`)
  if (!isUuid(projectId)) notFound()
  const search = BoardSearch.parse(await searchParams)
  const board = await orNotFound(loadProjectBoard(db, ctxOf(member), projectId, search))
  const { tasks, ...meta } = board
  return (
    <>
      <h2 className="sr-only">Board</h2>
      <BoardToolbar search={search} people={board.assignees} milestones={board.milestones} shown={board.tasks.length} total={board.totalTasks} />
      <ProjectBoard orgSlug={orgSlug} board={meta} packed={packCards(tasks, meta.columns, meta.milestones)} search={search} />
    </>
  )
}
