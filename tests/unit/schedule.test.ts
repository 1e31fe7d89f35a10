import { describe, expect, it } from 'vitest'
import { businessDaysBetween, findCycle, scheduleTemplate, shiftDay, validateTemplate, type TemplateTaskSpec } from '@/lib/pm/schedule'

const task = (key: string, over: Partial<TemplateTaskSpec> = {}): TemplateTaskSpec => ({
  key,
  title: key,
  anchor: 'KICKOFF',
  offsetDays: 0,
  durationDays: 0,
  businessDays: true,
  dependsOn: [],
  ...over,
})

describe('findCycle', () => {
  it('finds a circle of dependencies and names it in order', () => {
    expect(findCycle([{ blocker: 'a', blocked: 'b' }, { blocker: 'b', blocked: 'c' }, { blocker: 'c', blocked: 'a' }])).toEqual(['a', 'b', 'c', 'a'])
  })
  it('accepts a diamond', () => {
    expect(findCycle([{ blocker: 'a', blocked: 'b' }, { blocker: 'a', blocked: 'c' }, { blocker: 'b', blocked: 'd' }, { blocker: 'c', blocked: 'd' }])).toBeNull()
  })
})

describe('scheduleTemplate', () => {
  it('counts business days from the kickoff, skipping weekends and holidays', () => {
    const [kickoffCall, setup] = scheduleTemplate(
      [task('call', { durationDays: 0 }), task('setup', { offsetDays: 3, durationDays: 2 })],
      { CLOSE: '2026-11-20', KICKOFF: '2026-11-27' }, // kickoff on a Friday
      new Set(['2026-12-01']),
    )
    expect(kickoffCall).toEqual({ key: 'call', startOn: '2026-11-27', dueOn: '2026-11-27' })
    // Fri + 3 working days (Mon 30, [Tue 1 holiday], Wed 2, Thu 3) = Thu 3; + 2 = Mon 7
    expect(setup).toEqual({ key: 'setup', startOn: '2026-12-03', dueOn: '2026-12-07' })
  })

  it('counts calendar days across a month end when the template says so', () => {
    const [t] = scheduleTemplate([task('t', { anchor: 'CLOSE', offsetDays: 5, durationDays: 1, businessDays: false })], { CLOSE: '2026-01-29', KICKOFF: '2026-02-10' })
    expect(t).toEqual({ key: 't', startOn: '2026-02-03', dueOn: '2026-02-04' })
  })
})

describe('validateTemplate', () => {
  it('rejects a cycle with a message naming the tasks', () => {
    const problems = validateTemplate([task('a', { dependsOn: ['c'] }), task('b', { dependsOn: ['a'] }), task('c', { dependsOn: ['b'] })])
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/^These tasks wait for each other in a circle: “.” → “.” → “.” → “.”\.$/)
  })

  it('rejects a task that starts before its blocker is due, and says the offset to use', () => {
    const problems = validateTemplate([task('a', { offsetDays: 0, durationDays: 5 }), task('b', { offsetDays: 2, dependsOn: ['a'] })])
    expect(problems).toEqual([{ key: 'b', message: '“b” starts before “a” is due; move its offset to at least 5 days.' }])
    expect(validateTemplate([task('a', { durationDays: 5 }), task('b', { offsetDays: 5, dependsOn: ['a'] })])).toEqual([])
  })

  it('rejects unknown and self dependencies', () => {
    expect(validateTemplate([task('a', { dependsOn: ['a', 'zz'] })]).map((p) => p.message)).toEqual(['“a” cannot depend on itself.', '“a” depends on a task that is not in the template.'])
  })
})

describe('shifting dates when the kickoff slips', () => {
  it('keeps a task on the same working day after the new kickoff', () => {
    // kickoff Mon 23 Nov -> Mon 30 Nov (5 working days); a task due Thu 26 -> Thu 3 Dec
    expect(businessDaysBetween('2026-11-23', '2026-11-30')).toBe(5)
    expect(shiftDay('2026-11-26', '2026-11-23', '2026-11-30', true)).toBe('2026-12-03')
    expect(shiftDay('2026-11-26', '2026-11-23', '2026-11-30', false)).toBe('2026-12-03')
    expect(shiftDay('2026-12-03', '2026-11-30', '2026-11-23', true)).toBe('2026-11-26')
  })
})
