import { describe, expect, it } from 'vitest'
import { HEALTH_RULES, projectHealth, type HealthFigures } from '@/lib/pm/project-health'

// Wednesday 11 March 2026
const figures = (over: Partial<HealthFigures> = {}): HealthFigures => ({
  status: 'ACTIVE',
  today: '2026-03-11',
  targetGoLiveOn: '2026-03-31',
  baselineGoLiveOn: '2026-03-31',
  completedOn: null,
  overdueMilestones: 0,
  openTasksDueAfterTarget: 0,
  busiestOpenWorkMinutes: 0,
  ...over,
})

describe('projectHealth', () => {
  it('is on track when nothing is overdue and the work fits', () => {
    expect(projectHealth(figures({ busiestOpenWorkMinutes: 8 * 60 * 10 }))).toEqual({ health: 'ON_TRACK', reasons: [] })
  })

  it('is late once the target go-live has passed and the project is not done', () => {
    expect(projectHealth(figures({ targetGoLiveOn: '2026-03-10' }))).toEqual({ health: 'LATE', reasons: ['The target go-live Mar 10, 2026 has passed.'] })
    // the target day itself is not late yet
    expect(projectHealth(figures({ targetGoLiveOn: '2026-03-11' })).health).toBe('ON_TRACK')
    expect(projectHealth(figures({ targetGoLiveOn: '2026-03-10', status: 'ON_HOLD' })).health).toBe('LATE')
  })

  it('remembers a project completed after its baseline go-live as late, even when the target was moved to fit', () => {
    const done = figures({ status: 'DONE', baselineGoLiveOn: '2026-03-01', targetGoLiveOn: '2026-03-20', completedOn: '2026-03-05' })
    expect(projectHealth(done)).toEqual({ health: 'LATE', reasons: ['Completed on Mar 5, 2026, after the baseline go-live Mar 1, 2026.'] })
    expect(projectHealth({ ...done, completedOn: '2026-03-01' }).health).toBe('ON_TRACK')
    // done projects are judged on their completion, not on today's date
    expect(projectHealth({ ...done, completedOn: '2026-02-27', today: '2026-06-01' }).health).toBe('ON_TRACK')
  })

  it('is at risk when a milestone is overdue or an open task is due after the target', () => {
    expect(projectHealth(figures({ overdueMilestones: 2 }))).toEqual({ health: 'AT_RISK', reasons: ['2 milestones are overdue.'] })
    expect(projectHealth(figures({ openTasksDueAfterTarget: 1 }))).toEqual({ health: 'AT_RISK', reasons: ['1 open task is due after the target go-live.'] })
  })

  it('is at risk when the busiest person’s open work needs more working days than are left', () => {
    // from Wed 11 to Fri 13 March: Wed, Thu, Fri = 3 working days, minus a holiday on Thursday
    const tight = figures({ targetGoLiveOn: '2026-03-13', baselineGoLiveOn: '2026-03-13', holidays: new Set(['2026-03-12']) })
    expect(projectHealth({ ...tight, busiestOpenWorkMinutes: 2 * 8 * 60 }).health).toBe('ON_TRACK')
    expect(projectHealth({ ...tight, busiestOpenWorkMinutes: 2 * 8 * 60 + 1 })).toEqual({
      health: 'AT_RISK',
      reasons: ['The open work needs 3 working days; 2 are left before the target.'],
    })
  })

  it('gives cancelled projects no verdict, and a project without a target only milestone risks', () => {
    expect(projectHealth(figures({ status: 'CANCELLED', targetGoLiveOn: '2026-01-01' })).health).toBe('ON_TRACK')
    expect(projectHealth(figures({ targetGoLiveOn: null, baselineGoLiveOn: null, openTasksDueAfterTarget: 3, busiestOpenWorkMinutes: 99_999 })).health).toBe('ON_TRACK')
    expect(projectHealth(figures({ targetGoLiveOn: null, overdueMilestones: 1 })).health).toBe('AT_RISK')
  })

  it('explains its rules in plain sentences, one per rule', () => {
    expect(HEALTH_RULES.map((r) => r.health)).toEqual(['LATE', 'LATE', 'AT_RISK', 'AT_RISK', 'AT_RISK', 'ON_TRACK'])
    for (const r of HEALTH_RULES) expect(r.rule).toMatch(/^[A-Z].*\.$/)
  })
})
