import { describe, expect, it } from 'vitest'
import { dateRange, defaultZoom, layoutTimeline, ROW_HEIGHT, toneOf } from '@/components/pm-timeline/geometry'
import type { ProjectTaskRow } from '@/lib/pm/task-list'
import type { TimelineData } from '@/lib/pm/timeline'

function task(id: string, over: Partial<ProjectTaskRow> = {}): ProjectTaskRow {
  return {
    id,
    title: id,
    milestoneId: null,
    status: { id: 'c1', name: 'To do', kind: 'TODO', position: 1000 },
    assignee: null,
    startOn: null,
    dueOn: null,
    baselineDueOn: null,
    completedOn: null,
    estimateMinutes: null,
    priority: 'NONE',
    blocked: false,
    position: 1000,
    ...over,
  }
}

function data(tasks: ProjectTaskRow[], dependencies: TimelineData['dependencies'] = []): TimelineData {
  return { project: { id: 'p', name: 'P', kickoffOn: '2026-03-02', targetGoLiveOn: null, baselineGoLiveOn: null }, milestones: [], tasks, dependencies }
}

describe('timeline geometry', () => {
  it('colours a bar by what matters most: done late, done, overdue, blocked, in progress, to do', () => {
    const today = '2026-03-10'
    expect(toneOf(task('a', { completedOn: '2026-03-06', baselineDueOn: '2026-03-05', dueOn: '2026-03-09' }), today)).toBe('doneLate')
    expect(toneOf(task('a', { completedOn: '2026-03-05', baselineDueOn: '2026-03-05' }), today)).toBe('done')
    expect(toneOf(task('a', { dueOn: '2026-03-09', blocked: true }), today)).toBe('overdue')
    expect(toneOf(task('a', { dueOn: '2026-03-12', blocked: true }), today)).toBe('blocked')
    expect(toneOf(task('a', { dueOn: '2026-03-12', status: { id: 'c', name: 'Doing', kind: 'DOING', position: 2 } }), today)).toBe('doing')
    expect(toneOf(task('a', { dueOn: '2026-03-12' }), today)).toBe('todo')
  })

  it('spans whole weeks, Monday to Sunday, around every date and today', () => {
    const range = dateRange(data([task('a', { startOn: '2026-03-04', dueOn: '2026-03-20', baselineDueOn: '2026-03-11' })]), '2026-04-02')
    // The ghost of a bar moved 9 days later starts 9 days earlier (23 Feb); 3 days of room before it.
    expect(range).toEqual({ from: '2026-02-16', to: '2026-04-12' })
  })

  it('routes an arrow round the rows when the blocked task starts before its blocker ends, and flags the conflict', () => {
    const layout = layoutTimeline(
      data(
        [task('blocker', { startOn: '2026-03-02', dueOn: '2026-03-10' }), task('blocked', { startOn: '2026-03-05', dueOn: '2026-03-12' })],
        [{ blockerId: 'blocker', blockedId: 'blocked' }],
      ),
      '2026-03-03',
      'day',
    )
    const [arrow] = layout.arrows
    expect(arrow!.conflict).toBe(true)
    const rowOf = (id: string) => layout.rows.find((r) => r.kind === 'task' && r.task.id === id)!
    // Down to the line between the two rows, back left, down into the blocked bar.
    expect(arrow!.d).toContain(`V ${rowOf('blocker').y + ROW_HEIGHT} H`)
    expect(rowOf('blocked').y).toBe(rowOf('blocker').y + ROW_HEIGHT)
  })

  it('draws no arrow to a task without dates, and a one-day bar for a task with only a due date', () => {
    const layout = layoutTimeline(data([task('a', { dueOn: '2026-03-05' }), task('b')], [{ blockerId: 'a', blockedId: 'b' }]), '2026-03-03', 'week')
    expect(layout.arrows).toEqual([])
    const a = layout.rows.find((r) => r.kind === 'task' && r.task.id === 'a')!
    expect(a).toMatchObject({ bar: { start: '2026-03-05', end: '2026-03-05', width: 12 } })
  })

  it('ticks every day when zoomed to days and every Monday when zoomed to weeks, with a label per month', () => {
    const d = data([task('a', { startOn: '2026-03-25', dueOn: '2026-04-03' })])
    const days = layoutTimeline(d, '2026-03-26', 'day')
    const weeks = layoutTimeline(d, '2026-03-26', 'week')
    expect(days.ticks).toHaveLength(days.width / 32)
    expect(weeks.ticks.every((t) => new Date(`${t.day}T00:00:00Z`).getUTCDay() === 1)).toBe(true)
    expect(weeks.months.map((m) => m.label)).toEqual(['February 2026', 'March 2026', 'April 2026'])
    expect(weeks.weekends).toEqual([])
    expect(days.weekends.length).toBeGreaterThan(0)
  })

  it('zooms out to weeks for a long project', () => {
    expect(defaultZoom(data([task('a', { dueOn: '2026-03-20' })]), '2026-03-03')).toBe('day')
    expect(defaultZoom(data([task('a', { dueOn: '2026-09-20' })]), '2026-03-03')).toBe('week')
  })
})
