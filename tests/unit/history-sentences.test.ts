import { describe, expect, it } from 'vitest'
import { describeActivity } from '@/lib/pm/history-sentences'

describe('describeActivity', () => {
  it('reads a re-date as the kickoff move with what followed it', () => {
    const described = describeActivity({
      action: 'project.redated',
      changes: {
        mode: 'BUSINESS',
        shift: 5,
        kickoffOn: { from: '2026-03-02', to: '2026-03-09' },
        targetGoLiveOn: { from: '2026-03-20', to: '2026-03-27' },
        doneTasksKept: 3,
        tasks: [{ id: 'a' }, { id: 'b' }],
        milestones: [{ id: 'm' }],
      },
    })
    expect(described).toEqual({
      sentence: 'moved the kickoff from Mar 2, 2026 to Mar 9, 2026',
      details: ['2 open tasks and 1 milestone moved 5 working days later', '3 done tasks kept their dates', 'target go-live Mar 20, 2026 → Mar 27, 2026'],
    })
  })

  it('reads project edits field by field, people and companies by name', () => {
    expect(
      describeActivity({
        action: 'project.updated',
        changes: { status: { from: 'ACTIVE', to: 'ON_HOLD' }, ownerId: { from: 'u1', to: 'u2', fromName: 'Dev', toName: 'Mona' } },
      }),
    ).toEqual({ sentence: 'changed the status from Active to On hold', details: ['made Mona the owner (was Dev)'] })
  })

  it('reads task changes with the task’s title', () => {
    expect(describeActivity({ action: 'task.moved', changes: { taskTitle: 'Kickoff call', column: { from: 'To do', to: 'Done' } } }).sentence).toBe('moved “Kickoff call” from To do to Done')
    expect(describeActivity({ action: 'task.updated', changes: { taskTitle: 'Kickoff call', dueOn: { from: '2026-03-02', to: '2026-03-04' } } })).toEqual({
      sentence: 'changed the task “Kickoff call”',
      details: ['due Mar 2, 2026 → Mar 4, 2026'],
    })
  })

  it('reads a creation with its template and what it holds', () => {
    expect(
      describeActivity({
        action: 'project.created',
        changes: { templateName: 'Standard onboarding', templateVersion: 3, sourceDealId: 'd', tasks: 12, milestones: 3, kickoffOn: '2026-03-02', unfilledRoles: ['Solutions engineer'] },
      }),
    ).toEqual({
      sentence: 'created the project from Standard onboarding v3 for a won deal',
      details: ['12 tasks and 3 milestones', 'kickoff Mar 2, 2026', 'nobody yet for Solutions engineer'],
    })
    expect(describeActivity({ action: 'project.created', changes: { tasks: 0, kickoffOn: '2026-03-02' } }).sentence).toBe('created the project')
  })

  it('describes an action it does not know without failing', () => {
    expect(describeActivity({ action: 'task.comment_added', changes: { taskTitle: 'Kickoff call' } }).sentence).toBe('comment added on “Kickoff call”')
    expect(describeActivity({ action: 'project.archived', changes: null }).sentence).toBe('archived')
  })
})
