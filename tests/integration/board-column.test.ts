import { describe, expect, it } from 'vitest'
import { loadBoard } from '@/lib/crm/board'
import { columnPageResponse } from '@/lib/crm/board-column'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

const params = (query: Record<string, string>) => new URLSearchParams(query)

/** An org with seven deals in "Lead in" (three of them a sales rep's) and a first page of three. */
async function setup() {
  const org = await createOrg()
  const admin = await createMember(org, 'ADMIN')
  const rep = await createMember(org, 'SALES')
  const { pipeline, stage } = await createSalesSetup(admin.ctx)
  for (let i = 0; i < 7; i++) await createTestDeal(i < 3 ? rep.ctx : admin.ctx, { pipelineId: pipeline.id, title: `Deal ${i}` })
  const leadIn = stage('Lead in').id
  const first = (await loadBoard(testDb, admin.ctx, {}, 3)).columns[0]!
  return { org, admin, rep, leadIn, first }
}

describe('GET /[orgSlug]/pipeline/column (load more as JSON)', () => {
  it('answers the next page of the column after the cursor', async () => {
    const { org, admin, leadIn, first } = await setup()
    const { status, body } = await columnPageResponse(testDb, admin.session, org.slug, params({ stage: leadIn, cursor: first.nextCursor!, owner: 'all' }))
    expect(status).toBe(200)
    const titles = 'cards' in body ? body.cards.map((c) => c.title) : body
    expect(titles).toEqual(['Deal 3', 'Deal 2', 'Deal 1', 'Deal 0'])
    expect(first.cards.map((c) => c.title)).toEqual(['Deal 6', 'Deal 5', 'Deal 4'])
  })

  it('applies the board filters, "mine" by default for a sales rep', async () => {
    const { org, rep, leadIn, first } = await setup()
    const { status, body } = await columnPageResponse(testDb, rep.session, org.slug, params({ stage: leadIn, cursor: first.nextCursor! }))
    expect(status).toBe(200)
    expect('cards' in body && body.cards.map((c) => c.title)).toEqual(['Deal 2', 'Deal 1', 'Deal 0'])
  })

  it('lets delivery read (the CRM is read-only for them, not hidden)', async () => {
    const { org, leadIn, first } = await setup()
    const delivery = await createMember(org, 'DELIVERY')
    const { status } = await columnPageResponse(testDb, delivery.session, org.slug, params({ stage: leadIn, cursor: first.nextCursor! }))
    expect(status).toBe(200)
  })

  it('answers 401 without a session and 400 with the field for a bad stage or cursor', async () => {
    const { org, admin, leadIn } = await setup()
    expect((await columnPageResponse(testDb, null, org.slug, params({ stage: leadIn, cursor: 'x' }))).status).toBe(401)
    const bad = await columnPageResponse(testDb, admin.session, org.slug, params({ stage: 'not-an-id', cursor: 'nonsense' }))
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ fieldErrors: { stage: ['Give the stage id of the column.'], cursor: ['Give the nextCursor of the page before.'] } })
  })

  it("answers 404 for another organization's slug or stage", async () => {
    const { org, admin, leadIn, first } = await setup()
    const otherOrg = await createOrg()
    const other = await createMember(otherOrg, 'ADMIN')
    const { stage: otherStage } = await createSalesSetup(other.ctx)
    const cursor = first.nextCursor!
    // a member of the other org asking for this org's column, and this org's admin asking with the other org's stage
    expect((await columnPageResponse(testDb, other.session, org.slug, params({ stage: leadIn, cursor }))).status).toBe(404)
    const foreign = await columnPageResponse(testDb, admin.session, org.slug, params({ stage: otherStage('Lead in').id, cursor }))
    expect(foreign).toEqual({ status: 404, body: { error: 'This stage was not found.' } })
  })
})
