import { describe, expect, it } from 'vitest'
import { findMentions, mentionRanges } from '@/lib/pm/mentions'
import { describeTaskActivity } from '@/lib/pm/task-activity'
import { isDoneLate, isOverdue } from '@/lib/pm/task-status'

const people = [
  { id: 'ann', name: 'Ann' },
  { id: 'ann-lee', name: 'Ann Lee' },
  { id: 'bo', name: 'Bo Svensson' },
]

describe('mentions', () => {
  it('matches "@Full Name" case-insensitively, longest name first, each person once', () => {
    expect(findMentions('@ann lee and @Bo Svensson, then @Ann again and @ANN LEE', people)).toEqual(['ann-lee', 'bo', 'ann'])
    expect(mentionRanges('hi @Bo Svensson!', people)).toEqual([{ id: 'bo', start: 3, end: 15 }])
  })

  it('needs a word boundary after the name and an @ before it', () => {
    expect(findMentions('@Annabel, email ann@example.com, Ann Lee', people)).toEqual([])
  })
})

describe('task rules and history sentences', () => {
  it('overdue is open and due before today; late is done after the first due date', () => {
    expect(isOverdue({ done: false, dueOn: '2026-03-09' }, '2026-03-10')).toBe(true)
    expect(isOverdue({ done: true, dueOn: '2026-03-09' }, '2026-03-10')).toBe(false)
    expect(isDoneLate({ completedOn: '2026-03-11', baselineDueOn: '2026-03-10' })).toBe(true)
    expect(isDoneLate({ completedOn: '2026-03-10', baselineDueOn: '2026-03-10' })).toBe(false)
  })

  it('describes task audit entries as sentences', () => {
    expect(describeTaskActivity('task.moved', { column: { from: 'To do', to: 'Done' }, completedOn: { from: null, to: '2026-03-11' } })?.summary).toBe('completed it: To do → Done')
    expect(describeTaskActivity('task.block_overridden', { kind: 'DOING', blockers: ['Sign the DPA'] })?.summary).toBe('started it although “Sign the DPA” was not done')
    expect(describeTaskActivity('task.updated', { dueOn: { from: '2026-03-10', to: '2026-03-17' } })).toEqual({
      summary: 'changed the due date',
      lines: [{ label: 'Due', from: 'Mar 10, 2026', to: 'Mar 17, 2026' }],
    })
    expect(describeTaskActivity('task.reordered', {})).toBeNull()
  })
})
