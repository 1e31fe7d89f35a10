import { describe, expect, it } from 'vitest'
import { resolveFilters } from '@/lib/dashboards/params'
import { categoryColumns, categoryMonthRows, dealsHref, lostReasonRows, overdueHref, pastMonths, stageMonthRows, stagesIn, winRate, winRateRows } from '@/lib/dashboards/forecast-figures'
import type { ForecastPipeline, PipelineCell } from '@/lib/dashboards/forecast-pipeline'
import type { ClosedGroup } from '@/lib/dashboards/forecast-win-rate'

const OWNER = '11111111-1111-4111-8111-111111111111'
const filters = resolveFilters({ from: '2026-03', to: '2026-05' }, { role: 'MANAGER', userId: OWNER }, '2026-04-20', { back: 0, ahead: 5 })

const cell = (over: Partial<PipelineCell>): PipelineCell => ({
  month: '2026-03',
  stageId: 's1',
  stageName: 'Negotiation',
  stagePosition: 4,
  pipelineName: 'New business',
  category: 'COMMIT',
  deals: 1,
  amount: 100,
  weighted: 75,
  ...over,
})
const empty = { deals: 0, amount: 0, weighted: 0 }
const pipeline = (open: PipelineCell[], won: ForecastPipeline['won'] = []): ForecastPipeline => ({ open, won, overdue: empty, omitted: empty, undated: empty, otherCurrency: 0 })

const group = (over: Partial<ClosedGroup>): ClosedGroup => ({ dim: 'owner', key: null, label: null, won: 0, lost: 0, wonAmount: 0, lostAmount: 0, cycleDays: null, ...over })

describe('forecast rows', () => {
  it('zero-fills every month of the range, stacks categories and links each month to its open deals', () => {
    const data = pipeline(
      [cell({}), cell({ month: '2026-05', stageId: 's2', stageName: 'Proposal', stagePosition: 3, category: 'BEST_CASE', deals: 2, amount: 300, weighted: 150 })],
      [{ month: '2026-04', deals: 1, amount: 500 }],
    )
    const rows = categoryMonthRows('acme', filters, data)
    expect(rows.map((r) => [r.month, r.COMMIT, r.BEST_CASE, r.PIPELINE, r.weighted, r.amount, r.won])).toEqual([
      ['2026-03', 75, 0, 0, 75, 100, 0],
      ['2026-04', 0, 0, 0, 0, 0, 500],
      ['2026-05', 0, 150, 0, 150, 300, 0],
    ])
    expect(rows[1]!.href).toBe('/acme/deals?status=OPEN&close=2026-04')
    // an empty "closed" category of open stages stays out of the table
    expect(categoryColumns(data).map((c) => c.key)).not.toContain('CLOSED')
  })

  it('orders stages by pipeline and board position and names the pipeline when there are several', () => {
    const cells = [cell({ stageId: 'b', pipelineName: 'Renewals', stageName: 'Quote', stagePosition: 1 }), cell({ stageId: 'a2', stagePosition: 2, stageName: 'Qualified' }), cell({ stageId: 'a1', stagePosition: 1, stageName: 'Lead in' })]
    const stages = stagesIn(cells)
    expect(stages.map((s) => s.label)).toEqual(['New business · Lead in', 'New business · Qualified', 'Renewals · Quote'])
    const rows = stageMonthRows('acme', filters, pipeline(cells), stages)
    expect(rows[0]).toMatchObject({ month: '2026-03', stage0: 100, stage1: 100, stage2: 100, amount: 300 })
  })

  it('keeps the owner and pipeline of the dashboard in every link', () => {
    const scoped = { ...filters, ownerId: OWNER, pipelineId: '22222222-2222-4222-8222-222222222222' }
    expect(dealsHref('acme', scoped, { status: 'WON', closedFrom: '2026-03', closedTo: '2026-05' })).toBe(
      `/acme/deals?owner=${OWNER}&pipeline=22222222-2222-4222-8222-222222222222&status=WON&closedFrom=2026-03&closedTo=2026-05`,
    )
    expect(overdueHref('acme', filters)).toBe('/acme/deals?status=OPEN&closeTo=2026-03')
  })

  it('computes win rates (none when nothing closed) and sorts by deals closed', () => {
    expect(winRate({ won: 0, lost: 0 })).toBeNull()
    expect(winRate({ won: 1, lost: 3 })).toBe(0.25)
    const rows = winRateRows('acme', filters, [group({ key: OWNER, label: 'Ann', won: 1, lost: 0 }), group({ key: 'b', label: 'Bob', won: 1, lost: 2 })], 'owner')
    expect(rows.map((r) => [r.name, r.rate])).toEqual([
      ['Bob', 1 / 3],
      ['Ann', 1],
    ])
    expect(rows[1]!.href).toBe(`/acme/deals?owner=${OWNER}&closedFrom=2026-03&closedTo=2026-05`)
  })

  it('names deals lost without a reason and does not link them', () => {
    const rows = lostReasonRows('acme', filters, [group({ dim: 'reason', key: null, lost: 2, lostAmount: 10 }), group({ dim: 'reason', key: 'r1', label: 'Price', lost: 3, lostAmount: 5 })])
    expect(rows.map((r) => [r.reason, r.lost, r.href])).toEqual([
      ['Price', 3, '/acme/deals?status=LOST&closedFrom=2026-03&closedTo=2026-05&lostReason=r1'],
      ['No reason', 2, null],
    ])
  })

  it('stops past figures at the current month', () => {
    expect(pastMonths(filters)).toEqual(['2026-03', '2026-04'])
  })
})
