import { describe, expect, it } from 'vitest'
import { loadBoard, loadColumnPage } from '@/lib/crm/board'
import { createMember, createOrg } from '../factories'
import { createSalesSetup, createTestDeal } from '../factories/crm'
import { testDb } from '../setup/db'

describe('pipeline board', () => {
  it('totals every deal of a column in SQL, weighted by probability, while loading only a page', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { pipeline, stage } = await createSalesSetup(ctx)
    for (let i = 0; i < 7; i++) await createTestDeal(ctx, { pipelineId: pipeline.id, title: `Deal ${i}`, amount: '100.00', stageId: stage('Proposal').id })
    const board = await loadBoard(testDb, ctx, {}, 3)
    const proposal = board.columns.find((c) => c.stage.name === 'Proposal')!
    expect(proposal.cards).toHaveLength(3)
    expect(proposal.totals).toEqual({ count: 7, amounts: [{ currency: 'EUR', amountMinor: '70000', weightedMinor: '35000' }] })
    expect(board.columns.map((c) => c.stage.name)).toEqual(['Lead in', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'])
  })

  it('pages through a column with "load more" without repeating or skipping a card', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { pipeline, stage } = await createSalesSetup(ctx)
    for (let i = 0; i < 7; i++) await createTestDeal(ctx, { pipelineId: pipeline.id, title: `Deal ${i}` })
    const first = (await loadBoard(testDb, ctx, {}, 3)).columns[0]!
    const second = await loadColumnPage(testDb, ctx, stage('Lead in').id, first.nextCursor!, {}, 3)
    const third = await loadColumnPage(testDb, ctx, stage('Lead in').id, second.nextCursor!, {}, 3)
    const titles = [...first.cards, ...second.cards, ...third.cards].map((c) => c.title)
    expect(titles).toEqual(['Deal 6', 'Deal 5', 'Deal 4', 'Deal 3', 'Deal 2', 'Deal 1', 'Deal 0'])
    expect(third.nextCursor).toBeNull()
  })

  it('filters by owner, close month and deal type, in the cards and in the totals', async () => {
    const org = await createOrg()
    const { ctx, user } = await createMember(org, 'ADMIN')
    const rep = await createMember(org, 'SALES')
    const { pipeline } = await createSalesSetup(ctx)
    await createTestDeal(ctx, { pipelineId: pipeline.id, title: 'Mine Dec', expectedCloseOn: '2026-12-15', amount: '10' })
    await createTestDeal(ctx, { pipelineId: pipeline.id, title: 'Mine Jan', expectedCloseOn: '2027-01-15', dealType: 'RENEWAL', amount: '20' })
    await createTestDeal(rep.ctx, { pipelineId: pipeline.id, title: 'Rep Dec', expectedCloseOn: '2026-12-01', amount: '40' })
    const titles = async (q: Parameters<typeof loadBoard>[2]) => (await loadBoard(testDb, ctx, q)).columns[0]!.cards.map((c) => c.title).sort()
    expect(await titles({ ownerId: user.id })).toEqual(['Mine Dec', 'Mine Jan'])
    expect(await titles({ closeMonth: '2026-12' })).toEqual(['Mine Dec', 'Rep Dec'])
    expect(await titles({ dealType: 'RENEWAL' })).toEqual(['Mine Jan'])
    const totals = (await loadBoard(testDb, ctx, { closeMonth: '2026-12' })).columns[0]!.totals
    expect(totals).toEqual({ count: 2, amounts: [{ currency: 'EUR', amountMinor: '5000', weightedMinor: '500' }] })
  })

  it('shows nothing of another organization', async () => {
    const org = await createOrg()
    const { ctx } = await createMember(org, 'ADMIN')
    const { pipeline } = await createSalesSetup(ctx)
    const other = await createMember(await createOrg(), 'ADMIN')
    await createSalesSetup(other.ctx)
    await createTestDeal(ctx, { pipelineId: pipeline.id })
    const theirs = await loadBoard(testDb, other.ctx, {})
    expect(theirs.columns.every((c) => c.cards.length === 0 && c.totals.count === 0)).toBe(true)
    await expect(loadBoard(testDb, other.ctx, { pipelineId: pipeline.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
