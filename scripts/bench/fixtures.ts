// The ids the hot paths need, read from the scale data with plain SQL.
import type pg from 'pg'
import { encodeCursor, PAGE_SIZE } from '../../lib/crm/board'
import { BENCH, repEmail, SCALE_ADMIN, SCALE_ORG } from '../scale/options'
import type { Fixtures } from './types'

async function one<T>(client: pg.Client, sql: string, values: unknown[], what: string): Promise<T> {
  const { rows } = await client.query(sql, values)
  if (!rows[0]) throw new Error(`The scale data has no ${what}. Seed it again: npm run seed:scale -- --reset`)
  return rows[0] as T
}

export async function loadFixtures(client: pg.Client): Promise<Fixtures> {
  const org = await one<{ id: string }>(client, 'SELECT id FROM organization WHERE slug = $1', [SCALE_ORG.slug], 'Scale Co organization')
  const user = (email: string) => one<{ id: string; email: string }>(client, 'SELECT id, email FROM "user" WHERE email = $1', [email], email)
  const admin = await user(SCALE_ADMIN)
  const rep = await user(repEmail(1))
  const pipeline = await one<{ id: string }>(client, 'SELECT id FROM pipeline WHERE org_id = $1 AND is_default', [org.id], 'default pipeline')
  const { rows: stages } = await client.query<{ id: string; name: string; kind: string }>(
    'SELECT id, name, kind::text FROM pipeline_stage WHERE org_id = $1 AND pipeline_id = $2 ORDER BY position',
    [org.id, pipeline.id],
  )
  const open = stages.filter((s) => s.kind === 'OPEN')
  if (open.length < 3) throw new Error('The default pipeline of Scale Co needs three open stages.')

  const fullest = await one<{ stage_id: string }>(
    client,
    `SELECT stage_id FROM deal WHERE org_id = $1 AND pipeline_id = $2 AND status = 'OPEN' AND deleted_at IS NULL
     GROUP BY stage_id ORDER BY count(*) DESC LIMIT 1`,
    [org.id, pipeline.id],
    'open deal',
  )
  const last = await one<{ position: number; id: string }>(
    client,
    'SELECT position, id FROM deal WHERE org_id = $1 AND stage_id = $2 AND deleted_at IS NULL ORDER BY position, id OFFSET $3 LIMIT 1',
    [org.id, fullest.stage_id, PAGE_SIZE - 1],
    'full first page',
  )

  const [from, to] = [open[1]!, open[2]!]
  const deal = await one<{ id: string; version: number }>(
    client,
    'SELECT id, version FROM deal WHERE org_id = $1 AND stage_id = $2 AND owner_id = $3 AND deleted_at IS NULL ORDER BY position, id OFFSET 5 LIMIT 1',
    [org.id, from.id, rep.id],
    `deal of ${rep.email} in ${from.name}`,
  )
  const firstTwo = async (stageId: string) => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM deal WHERE org_id = $1 AND stage_id = $2 AND deleted_at IS NULL AND id <> $3 ORDER BY position, id LIMIT 2',
      [org.id, stageId, deal.id],
    )
    if (rows.length < 2) throw new Error('The stages a deal is moved between need two cards each.')
    return [rows[0]!.id, rows[1]!.id] as [string, string]
  }

  return {
    orgSlug: SCALE_ORG.slug,
    orgId: org.id,
    admin,
    rep,
    pipelineId: pipeline.id,
    stages,
    column: { stageId: fullest.stage_id, cursor: encodeCursor(last) },
    move: { dealId: deal.id, version: deal.version, from: { stageId: from.id, firstIds: await firstTwo(from.id) }, to: { stageId: to.id, firstIds: await firstTwo(to.id) } },
    searchTerm: 'nortwind',
    ...(await deliveryFixtures(client, org.id)),
  }
}

async function deliveryFixtures(client: pg.Client, orgId: string) {
  const delivery = await one<{ id: string; email: string }>(client, 'SELECT id, email FROM "user" WHERE email = $1', [BENCH.busyEmail], BENCH.busyEmail)
  const project = (name: string) =>
    one<{ id: string; kickoff_on: string }>(client, `SELECT id, to_char(kickoff_on, 'YYYY-MM-DD') AS kickoff_on FROM project WHERE org_id = $1 AND name = $2`, [orgId, name], `project "${name}"`)
  const board = await project(BENCH.boardProject)
  const redate = await project(BENCH.redateProject)
  const template = await one<{ current_version_id: string }>(client, 'SELECT current_version_id FROM project_template WHERE org_id = $1 AND name = $2', [orgId, BENCH.template], `template "${BENCH.template}"`)
  const { rows } = await client.query<{ id: string }>(
    `SELECT d.id FROM deal d WHERE d.org_id = $1 AND d.status = 'OPEN' AND d.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM project p WHERE p.source_deal_id = d.id)
     ORDER BY d.id LIMIT 1000`,
    [orgId],
  )
  return {
    delivery,
    boardProjectId: board.id,
    redate: { projectId: redate.id, kickoffOn: redate.kickoff_on },
    templateVersionId: template.current_version_id,
    winnableDealIds: rows.map((r) => r.id),
  }
}
