// Issue 4's hot paths on the scale data: a 300-task project board, My work of a busy person,
// a project from a 40-task template, and re-dating a 200-task project.
import type { Ctx } from '../../lib/authz'
import { loadProjectBoard } from '../../lib/pm/board-query'
import { createProjectFromTemplate } from '../../lib/pm/create-project'
import { loadMyWork } from '../../lib/pm/my-work'
import { MY_WORK_SHOWN } from '../../lib/pm/my-work.schema'
import { redateProject } from '../../lib/pm/redate'
import { addDays } from '../../lib/dates'
import type { Fixtures, HotPath } from './types'

const deliveryCtx = (f: Fixtures): Ctx => ({ orgId: f.orgId, userId: f.delivery.id, role: 'DELIVERY' })
const CREATED = 'Bench created project'

export const deliveryHotPaths: HotPath[] = [
  {
    suite: 'delivery',
    name: 'project board, 300 tasks',
    budgetMs: 75,
    measure: 'http',
    http: (f) => ({
      path: `/${f.orgSlug}/projects/${f.boardProjectId}`,
      as: 'delivery',
      // the server draws the first cards of each column and sends all 300 (the browser draws the rest at once)
      expect: (body) => (body.includes('data-task-count="300"') && body.includes('data-testid="task-card"') ? null : 'the board page does not carry the 300 tasks'),
    }),
    service: (db, f) => loadProjectBoard(db, deliveryCtx(f), f.boardProjectId),
  },
  {
    suite: 'delivery',
    name: 'My work, busy person (~400 open tasks)',
    budgetMs: 75,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/my-work`, as: 'delivery', expect: (body) => (/overdue/i.test(body) ? null : 'no overdue tasks on My work') }),
    // as the page loads it: every row grouped and counted, the first of each section drawn
    service: (db, f) => loadMyWork(db, deliveryCtx(f), { shown: { perSection: MY_WORK_SHOWN } }),
  },
  {
    suite: 'delivery',
    name: 'project from a 40-task template (service)',
    budgetMs: 40,
    measure: 'service',
    transaction: true,
    prepare: async (db) => {
      await db.project.deleteMany({ where: { name: CREATED } })
    },
    service: (tx, f) => createProjectFromTemplate(tx, deliveryCtx(f), { name: CREATED, templateVersionId: f.templateVersionId, kickoffOn: '2027-01-04', roleAssignments: {} }),
  },
  {
    suite: 'delivery',
    name: 're-date a 200-task project by a week (service)',
    budgetMs: 100,
    measure: 'service',
    transaction: true,
    // Back and forth: even runs move the kickoff a week later, odd runs back.
    service: async (tx, f, i) => {
      const { version } = await tx.project.findUniqueOrThrow({ where: { id: f.redate.projectId }, select: { version: true } })
      const kickoffOn = i % 2 === 0 ? addDays(f.redate.kickoffOn, 7) : f.redate.kickoffOn
      return redateProject(tx, deliveryCtx(f), { projectId: f.redate.projectId, kickoffOn, mode: 'BUSINESS', version })
    },
  },
]
