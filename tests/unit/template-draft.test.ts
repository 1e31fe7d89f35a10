import { describe, expect, it } from 'vitest'
import {
  addMilestone,
  addTask,
  draftContent,
  draftProblems,
  moveMilestone,
  moveTask,
  moveTaskToMilestone,
  newTask,
  problemsOf,
  removeMilestone,
  removeTask,
  type DraftTask,
  type TemplateDraft,
} from '@/lib/pm/template-draft'
import { planProject } from '@/lib/pm/template-plan'

const task = (key: string, over: Partial<DraftTask> = {}): DraftTask => ({ ...newTask(key, null), title: key, ...over })
const milestone = (key: string, offsetDays = 0) => ({ key, name: key.toUpperCase(), anchor: 'KICKOFF' as const, offsetDays, businessDays: true })
const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  description: '',
  defaultDurationDays: 30,
  leadTimeDays: 5,
  leadTimeBusinessDays: true,
  milestones: [],
  tasks: [],
  ...over,
})
const keys = (d: TemplateDraft) => d.tasks.map((t) => `${t.milestoneKey ?? '-'}:${t.key}`)

describe('draftProblems', () => {
  it('accepts a consistent template', () => {
    expect(draftProblems(draft({ tasks: [task('a', { durationDays: 2 }), task('b', { offsetDays: 2, dependsOn: ['a'] })] }))).toEqual([])
  })

  it('names the tasks of a dependency cycle', () => {
    const problems = draftProblems(draft({ tasks: [task('a', { title: 'Plan', dependsOn: ['b'] }), task('b', { title: 'Build', dependsOn: ['a'] })] }))
    expect(problems).toEqual([{ target: 'task', key: 'b', field: 'dependsOn', message: 'These tasks wait for each other in a circle: “Build” → “Plan” → “Build”.', related: ['a', 'b'] }])
    // Shown next to both tasks.
    expect(problemsOf(problems, 'task', 'a')).toHaveLength(1)
    expect(problemsOf(problems, 'task', 'b')).toHaveLength(1)
  })

  it('says how far to move a task that starts before its blocker is due', () => {
    const problems = draftProblems(draft({ tasks: [task('a', { title: 'Install', offsetDays: 2, durationDays: 3 }), task('b', { title: 'Train', offsetDays: 4, dependsOn: ['a'] })] }))
    expect(problems.map((p) => [p.key, p.message])).toEqual([['b', '“Train” starts before “Install” is due; move its offset to at least 5 days.']])
  })

  it('checks titles, day counts, estimates, roles and milestone names next to each one', () => {
    const problems = draftProblems(
      draft({
        leadTimeDays: -1,
        milestones: [milestone('m'), { ...milestone('n'), name: 'm' }],
        tasks: [task('a', { title: '' }), task('b', { durationDays: -1 }), task('c', { estimateHours: 0 }), task('d', { roleId: 'gone' }), task('e', { milestoneKey: 'x' })],
      }),
      new Set(['r1']),
    )
    expect(problems.map((p) => `${p.target}:${p.key}:${p.field}`)).toEqual([
      'template:template:leadTimeDays',
      'milestone:m:name',
      'milestone:n:name',
      'task:a:title',
      'task:b:durationDays',
      'task:c:estimateHours',
      'task:d:roleId',
      'task:e:milestoneKey',
    ])
  })
})

describe('draft edits', () => {
  const base = draft({
    milestones: [milestone('m1'), milestone('m2')],
    tasks: [task('a', { milestoneKey: 'm1' }), task('b', { milestoneKey: 'm1' }), task('c', { milestoneKey: 'm2' }), task('d')],
  })

  it('adds a task at the end of its milestone, after the previous task’s end', () => {
    const previous = base.tasks[1]!
    const added = addTask(base, newTask('n', 'm1', { ...previous, offsetDays: 3, durationDays: 2 }))
    expect(keys(added)).toEqual(['m1:a', 'm1:b', 'm1:n', 'm2:c', '-:d'])
    expect(added.tasks[2]!.offsetDays).toBe(5)
    expect(keys(addTask(draft({ milestones: [milestone('m1'), milestone('m2')], tasks: [task('x')] }), newTask('y', 'm2')))).toEqual(['m2:y', '-:x'])
  })

  it('moves a task within its group only', () => {
    expect(keys(moveTask(base, 'b', 'up'))).toEqual(['m1:b', 'm1:a', 'm2:c', '-:d'])
    expect(moveTask(base, 'b', 'down')).toBe(base)
    expect(moveTask(base, 'a', 'up')).toBe(base)
  })

  it('moves a task to another milestone and back to none', () => {
    expect(keys(moveTaskToMilestone(base, 'a', 'm2'))).toEqual(['m1:b', 'm2:c', 'm2:a', '-:d'])
    expect(keys(moveTaskToMilestone(base, 'c', null))).toEqual(['m1:a', 'm1:b', '-:d', '-:c'])
  })

  it('reorders milestones with their tasks, and removing one keeps its tasks', () => {
    expect(keys(moveMilestone(base, 'm2', 'up'))).toEqual(['m2:c', 'm1:a', 'm1:b', '-:d'])
    const removed = removeMilestone(base, 'm1')
    expect(removed.milestones.map((m) => m.key)).toEqual(['m2'])
    expect(keys(removed)).toEqual(['m2:c', '-:a', '-:b', '-:d'])
    expect(addMilestone(base, milestone('m3')).milestones).toHaveLength(3)
  })

  it('removes a task and the dependencies on it', () => {
    const withDeps = { ...base, tasks: base.tasks.map((t) => (t.key === 'c' ? { ...t, dependsOn: ['a', 'b'] } : t)) }
    expect(removeTask(withDeps, 'a').tasks.find((t) => t.key === 'c')!.dependsOn).toEqual(['b'])
  })
})

describe('draftContent', () => {
  it('plans a preview with business days skipping a weekend and a holiday', () => {
    const content = draftContent(
      draft({
        milestones: [milestone('go', 3)],
        tasks: [task('call', { durationDays: 0, estimateHours: 1.5 }), task('setup', { offsetDays: 1, durationDays: 2, milestoneKey: 'go', dependsOn: ['call'] })],
      }),
    )
    expect(content.tasks.map((t) => [t.id, t.position, t.estimateMinutes])).toEqual([
      ['setup', 1, null],
      ['call', 2, 90],
    ])
    expect(content.dependencies).toEqual([{ blockerId: 'call', blockedId: 'setup' }])
    // Kickoff Friday 2026-12-18; Monday 21st working, 24th/25th holidays.
    const plan = planProject(content, { kickoffOn: '2026-12-18' }, new Set(['2026-12-24', '2026-12-25']))
    const byId = Object.fromEntries(plan.tasks.map((t) => [t.templateTaskId, t]))
    expect(byId.call).toMatchObject({ startOn: '2026-12-18', dueOn: '2026-12-18' })
    expect(byId.setup).toMatchObject({ startOn: '2026-12-21', dueOn: '2026-12-23' })
    expect(plan.milestones[0]!.dueOn).toBe('2026-12-23')
  })
})

describe('nextMonday', () => {
  it('is the Monday after today, a week on when today is a Monday', async () => {
    const { nextMonday } = await import('@/lib/pm/template-page')
    expect(nextMonday('2026-12-02')).toBe('2026-12-07') // Wednesday
    expect(nextMonday('2026-12-06')).toBe('2026-12-07') // Sunday
    expect(nextMonday('2026-12-07')).toBe('2026-12-14') // Monday
  })
})
