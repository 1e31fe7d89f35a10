import { describe, expect, it } from 'vitest'
import type { Ctx } from '@/lib/authz'
import { AppError } from '@/lib/errors'
import { addHoliday, listHolidays, removeHoliday } from '@/lib/pm/holiday-settings'
import { loadHolidays } from '@/lib/pm/holidays'
import { archiveProjectRole, createProjectRole, listProjectRoles, moveProjectRole, restoreProjectRole, updateProjectRole } from '@/lib/pm/project-roles'
import { loadTemplateContent } from '@/lib/pm/template-content'
import type { DraftTask, TemplateDraft } from '@/lib/pm/template-draft'
import {
  archiveTemplate,
  createTemplate,
  getTemplateEditor,
  listTemplateChoices,
  listTemplates,
  renameTemplate,
  restoreTemplate,
  saveTemplateContent,
  setDefaultTemplate,
  TemplateDraftError,
} from '@/lib/pm/templates'
import { createMember, createOrg } from '../factories'
import { testDb } from '../setup/db'

type Tx = Parameters<Parameters<typeof testDb.$transaction>[0]>[0]
const tx = <T>(fn: (db: Tx) => Promise<T>) => testDb.$transaction(fn)
const fail = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e)

const task = (key: string, over: Partial<DraftTask> = {}): DraftTask => ({
  key,
  milestoneKey: null,
  title: key,
  description: '',
  anchor: 'KICKOFF',
  offsetDays: 0,
  durationDays: 1,
  businessDays: true,
  roleId: null,
  assignDealOwner: false,
  estimateHours: null,
  priority: 'NONE',
  checklist: [],
  dependsOn: [],
  ...over,
})

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  description: '',
  defaultDurationDays: 30,
  leadTimeDays: 5,
  leadTimeBusinessDays: true,
  milestones: [],
  tasks: [],
  ...over,
})

async function setup(role: Ctx['role'] = 'DELIVERY') {
  const org = await createOrg()
  const lead = await createMember(org, role)
  return { org, lead, ctx: lead.ctx }
}

async function save(ctx: Ctx, templateId: string, baseVersion: number, content: TemplateDraft) {
  return tx((db) => saveTemplateContent(db, ctx, { templateId, baseVersion, ...content }))
}

describe('template versions', () => {
  it('writes a new version on each save; a project built from an older version keeps its content', async () => {
    const { ctx } = await setup()
    const role = await tx((db) => createProjectRole(db, ctx, { name: 'Implementation lead' }))
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Standard onboarding' }))
    expect((await getTemplateEditor(testDb, ctx, template.id)).version).toMatchObject({ number: 1, taskCount: 0, isCurrent: true })

    const v2 = await save(
      ctx,
      template.id,
      1,
      draft({
        milestones: [{ key: 'm1', name: 'Kickoff', anchor: 'KICKOFF', offsetDays: 0, businessDays: true }],
        tasks: [
          task('a', { title: 'Kickoff call', milestoneKey: 'm1', roleId: role.id, checklist: ['Agenda', ' ', 'Invite'], estimateHours: 1.5 }),
          task('b', { title: 'Send welcome pack', offsetDays: 1, dependsOn: ['a'], assignDealOwner: true }),
        ],
      }),
    )
    expect(v2.version).toBe(2)
    const pinned = await testDb.project.create({
      data: { orgId: ctx.orgId, name: 'Pinned', kickoffOn: new Date('2026-03-02T00:00:00Z'), templateId: template.id, templateVersionId: v2.versionId },
    })

    const editor = await getTemplateEditor(testDb, ctx, template.id)
    const [kickoff, welcome] = editor.draft.tasks
    expect(kickoff).toMatchObject({ title: 'Kickoff call', roleId: role.id, checklist: ['Agenda', 'Invite'], estimateHours: 1.5, milestoneKey: editor.draft.milestones[0]!.key })
    expect(welcome).toMatchObject({ title: 'Send welcome pack', assignDealOwner: true, dependsOn: [kickoff!.key] })

    // Edit: rename a task, drop the dependency, add a task -> version 3.
    const v3 = await save(ctx, template.id, 2, {
      ...editor.draft,
      tasks: [{ ...kickoff!, title: 'Kickoff meeting' }, { ...welcome!, dependsOn: [] }, task('c', { title: 'Go live', offsetDays: 10 })],
    })
    expect(v3.version).toBe(3)

    const old = await loadTemplateContent(testDb, ctx, v2.versionId)
    expect(old.tasks.map((t) => t.title)).toEqual(['Kickoff call', 'Send welcome pack'])
    expect(old.dependencies).toHaveLength(1)
    const current = await loadTemplateContent(testDb, ctx, v3.versionId)
    expect(current.tasks.map((t) => t.title)).toEqual(['Kickoff meeting', 'Send welcome pack', 'Go live'])
    expect(current.dependencies).toHaveLength(0)
    expect((await testDb.project.findUniqueOrThrow({ where: { id: pinned.id } })).templateVersionId).toBe(v2.versionId)

    const after = await getTemplateEditor(testDb, ctx, template.id)
    expect(after.version).toMatchObject({ number: 3, isCurrent: true, taskCount: 3 })
    expect(after.versions.map((v) => [v.number, v.projectCount])).toEqual([[3, 0], [2, 1], [1, 0]])
    // The old version can still be opened (read-only in the editor).
    const viewed = await getTemplateEditor(testDb, ctx, template.id, 2)
    expect(viewed.version).toMatchObject({ number: 2, isCurrent: false })
    expect(viewed.draft.tasks.map((t) => t.title)).toEqual(['Kickoff call', 'Send welcome pack'])

    const logged = await testDb.activityLog.findMany({ where: { entityId: template.id }, orderBy: { createdAt: 'asc' } })
    expect(logged.map((l) => l.action)).toEqual(['template.created', 'template.saved', 'template.saved'])
  })

  it('refuses a dependency cycle with a message naming the tasks, and saves nothing', async () => {
    const { ctx } = await setup()
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Loop' }))
    const error = await fail(
      save(ctx, template.id, 1, draft({ tasks: [task('a', { title: 'Configure', dependsOn: ['c'] }), task('b', { title: 'Test', dependsOn: ['a'] }), task('c', { title: 'Train', dependsOn: ['b'] })] })),
    )
    expect(error).toBeInstanceOf(TemplateDraftError)
    const problems = (error as TemplateDraftError).problems
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(/These tasks wait for each other in a circle: “(Configure|Test|Train)” → .* → .* → /)
    expect(problems[0]!.message).toContain('“Configure”')
    expect(problems[0]!.message).toContain('“Test”')
    expect(problems[0]!.message).toContain('“Train”')
    expect(await testDb.projectTemplateVersion.count({ where: { templateId: template.id } })).toBe(1)
  })

  it('refuses a task that starts before its blocker is due, and an empty title, next to the task', async () => {
    const { ctx } = await setup()
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Early' }))
    const error = (await fail(
      save(ctx, template.id, 1, draft({ tasks: [task('a', { title: 'Install', durationDays: 3 }), task('b', { title: 'Train users', offsetDays: 1, dependsOn: ['a'] }), task('c', { title: '  ' })] })),
    )) as TemplateDraftError
    expect(error.problems).toEqual([
      { target: 'task', key: 'c', field: 'title', message: 'Give the task a title.' },
      { target: 'task', key: 'b', field: 'dependsOn', message: '“Train users” starts before “Install” is due; move its offset to at least 3 days.' },
    ])
  })

  it('refuses a save from an editor opened before someone else saved', async () => {
    const { ctx, org } = await setup()
    const other = await createMember(org, 'MANAGER', { name: 'Mona' })
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Busy' }))
    await save(other.ctx, template.id, 1, draft({ tasks: [task('a')] }))
    expect(await fail(save(ctx, template.id, 1, draft({ tasks: [task('b')] })))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Mona saved version 2') })
  })

  it('refuses a role of another organization', async () => {
    const { ctx } = await setup()
    const outsider = await setup()
    const foreign = await tx((db) => createProjectRole(db, outsider.ctx, { name: 'Spy' }))
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Roles' }))
    const error = (await fail(save(ctx, template.id, 1, draft({ tasks: [task('a', { title: 'Do', roleId: foreign.id })] })))) as TemplateDraftError
    expect(error.problems[0]).toMatchObject({ key: 'a', field: 'roleId', message: '“Do” is assigned to a role that no longer exists.' })
  })

  it('copies another template, lists figures, renames, sets one default and archives', async () => {
    const { ctx } = await setup()
    const standard = await tx((db) => createTemplate(db, ctx, { name: 'Standard' }))
    await save(ctx, standard.id, 1, draft({ milestones: [{ key: 'm', name: 'Go-live', anchor: 'KICKOFF', offsetDays: 20, businessDays: true }], tasks: [task('a', { milestoneKey: 'm' }), task('b')] }))
    const copy = await tx((db) => createTemplate(db, ctx, { name: 'Enterprise', copyFromTemplateId: standard.id }))
    expect((await getTemplateEditor(testDb, ctx, copy.id)).draft.tasks.map((t) => t.title)).toEqual(['a', 'b'])

    expect(await fail(tx((db) => renameTemplate(db, ctx, { templateId: copy.id, name: 'standard' })))).toMatchObject({ code: 'CONFLICT', field: 'name' })
    await tx((db) => renameTemplate(db, ctx, { templateId: copy.id, name: 'Enterprise onboarding' }))

    await tx((db) => setDefaultTemplate(db, ctx, { templateId: standard.id, isDefault: true }))
    await tx((db) => setDefaultTemplate(db, ctx, { templateId: copy.id, isDefault: true }))
    const list = await listTemplates(testDb, ctx)
    expect(list.map((t) => [t.name, t.isDefault, t.version?.number, t.taskCount, t.milestoneCount])).toEqual([
      ['Enterprise onboarding', true, 1, 2, 1],
      ['Standard', false, 2, 2, 1],
    ])

    await tx((db) => archiveTemplate(db, ctx, { templateId: copy.id }))
    const archived = (await listTemplates(testDb, ctx)).find((t) => t.id === copy.id)!
    expect(archived).toMatchObject({ archived: true, isDefault: false })
    expect((await listTemplateChoices(testDb, ctx)).map((c) => c.name)).toEqual(['Standard'])
    expect(await fail(tx((db) => setDefaultTemplate(db, ctx, { templateId: copy.id, isDefault: true })))).toMatchObject({ code: 'INVALID' })
    expect(await fail(save(ctx, copy.id, 1, draft()))).toMatchObject({ code: 'INVALID' })
    await tx((db) => restoreTemplate(db, ctx, { templateId: copy.id }))
    expect((await listTemplateChoices(testDb, ctx)).map((c) => c.name)).toEqual(['Enterprise onboarding', 'Standard'])
  })
})

describe('who may change templates', () => {
  it('lets delivery, managers and admins edit; sales get FORBIDDEN; another org gets NOT_FOUND', async () => {
    const { org, ctx } = await setup('DELIVERY')
    const template = await tx((db) => createTemplate(db, ctx, { name: 'Mine' }))
    const manager = await createMember(org, 'MANAGER')
    await save(manager.ctx, template.id, 1, draft({ tasks: [task('a')] }))

    const rep = await createMember(org, 'SALES')
    expect(await fail(tx((db) => createTemplate(db, rep.ctx, { name: 'Nope' })))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(save(rep.ctx, template.id, 2, draft()))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(tx((db) => renameTemplate(db, rep.ctx, { templateId: template.id, name: 'X' })))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(tx((db) => createProjectRole(db, rep.ctx, { name: 'X' })))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await fail(tx((db) => addHoliday(db, rep.ctx, { day: '2026-12-24', name: 'X' })))).toMatchObject({ code: 'FORBIDDEN' })

    const outsider = await setup('ADMIN')
    for (const attempt of [
      () => getTemplateEditor(testDb, outsider.ctx, template.id),
      () => save(outsider.ctx, template.id, 2, draft()),
      () => tx((db) => renameTemplate(db, outsider.ctx, { templateId: template.id, name: 'Hacked' })),
      () => tx((db) => setDefaultTemplate(db, outsider.ctx, { templateId: template.id, isDefault: true })),
      () => tx((db) => archiveTemplate(db, outsider.ctx, { templateId: template.id })),
      () => tx((db) => createTemplate(db, outsider.ctx, { name: 'Copy', copyFromTemplateId: template.id })),
    ]) {
      expect(await fail(attempt())).toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(await listTemplates(testDb, outsider.ctx)).toEqual([])
    expect((await testDb.projectTemplate.findUniqueOrThrow({ where: { id: template.id } })).name).toBe('Mine')
  })
})

describe('project roles', () => {
  it('adds, renames with a default person, reorders, archives and restores', async () => {
    const { org, ctx } = await setup()
    const dev = await createMember(org, 'DELIVERY', { name: 'Dev' })
    const lead = await tx((db) => createProjectRole(db, ctx, { name: 'Implementation lead', defaultUserId: dev.user.id }))
    const am = await tx((db) => createProjectRole(db, ctx, { name: 'Account manager' }))
    await tx((db) => createProjectRole(db, ctx, { name: 'Solutions engineer' }))
    expect(await fail(tx((db) => createProjectRole(db, ctx, { name: 'implementation LEAD' })))).toMatchObject({ code: 'CONFLICT', field: 'name' })

    await tx((db) => moveProjectRole(db, ctx, { roleId: am.id, direction: 'up' }))
    await tx((db) => updateProjectRole(db, ctx, { roleId: lead.id, name: 'Onboarding lead', defaultUserId: undefined }))
    let roles = await listProjectRoles(testDb, ctx)
    expect(roles.map((r) => [r.name, r.defaultUser?.name ?? null])).toEqual([
      ['Account manager', null],
      ['Onboarding lead', null],
      ['Solutions engineer', null],
    ])
    await tx((db) => updateProjectRole(db, ctx, { roleId: lead.id, name: 'Onboarding lead', defaultUserId: dev.user.id }))

    await tx((db) => archiveProjectRole(db, ctx, { roleId: am.id }))
    roles = await listProjectRoles(testDb, ctx)
    expect(roles.map((r) => r.name)).toEqual(['Onboarding lead', 'Solutions engineer'])
    expect(roles[0]!.defaultUser).toEqual({ id: dev.user.id, name: 'Dev' })
    expect(await fail(tx((db) => createProjectRole(db, ctx, { name: 'Account manager' })))).toMatchObject({ code: 'CONFLICT', message: 'An archived role has this name: restore it instead.' })
    await tx((db) => restoreProjectRole(db, ctx, { roleId: am.id }))
    expect((await listProjectRoles(testDb, ctx)).map((r) => r.name)).toEqual(['Onboarding lead', 'Solutions engineer', 'Account manager'])
  })

  it('refuses a default person from outside the organization and another org’s role', async () => {
    const { ctx } = await setup()
    const outsider = await setup()
    expect(await fail(tx((db) => createProjectRole(db, ctx, { name: 'Lead', defaultUserId: outsider.lead.user.id })))).toMatchObject({ code: 'NOT_FOUND', field: 'defaultUserId' })
    const theirs = await tx((db) => createProjectRole(db, outsider.ctx, { name: 'Theirs' }))
    expect(await fail(tx((db) => updateProjectRole(db, ctx, { roleId: theirs.id, name: 'Mine', defaultUserId: undefined })))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await fail(tx((db) => archiveProjectRole(db, ctx, { roleId: theirs.id })))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('counts the templates whose current version uses a role', async () => {
    const { ctx } = await setup()
    const role = await tx((db) => createProjectRole(db, ctx, { name: 'Lead' }))
    const template = await tx((db) => createTemplate(db, ctx, { name: 'T' }))
    await save(ctx, template.id, 1, draft({ tasks: [task('a', { roleId: role.id }), task('b', { roleId: role.id })] }))
    expect((await listProjectRoles(testDb, ctx))[0]).toMatchObject({ name: 'Lead', templateCount: 1 })
    expect((await listTemplateChoices(testDb, ctx))[0]).toMatchObject({ roleIds: [role.id], usesDealOwner: false, taskCount: 2 })
  })
})

describe('holidays', () => {
  it('adds and removes holidays that business days then skip; a day is a holiday once', async () => {
    const { ctx } = await setup()
    const eve = await tx((db) => addHoliday(db, ctx, { day: '2026-12-24', name: 'Christmas Eve' }))
    await tx((db) => addHoliday(db, ctx, { day: '2026-12-25', name: 'Christmas Day' }))
    expect(await fail(tx((db) => addHoliday(db, ctx, { day: '2026-12-24', name: 'Again' })))).toMatchObject({
      code: 'CONFLICT',
      field: 'day',
      message: '24 Dec 2026 is already a holiday (Christmas Eve).',
    })
    expect((await listHolidays(testDb, ctx)).map((h) => [h.day, h.name])).toEqual([
      ['2026-12-24', 'Christmas Eve'],
      ['2026-12-25', 'Christmas Day'],
    ])
    expect([...(await loadHolidays(testDb, ctx.orgId))].sort()).toEqual(['2026-12-24', '2026-12-25'])

    const outsider = await setup()
    expect(await fail(tx((db) => removeHoliday(db, outsider.ctx, { holidayId: eve.id })))).toMatchObject({ code: 'NOT_FOUND' })
    await tx((db) => removeHoliday(db, ctx, { holidayId: eve.id }))
    expect((await listHolidays(testDb, ctx)).map((h) => h.day)).toEqual(['2026-12-25'])
    expect(await listHolidays(testDb, outsider.ctx)).toEqual([])
    const actions = await testDb.activityLog.findMany({ where: { orgId: ctx.orgId, entityType: 'holiday' }, orderBy: { createdAt: 'asc' } })
    expect(actions.map((a) => a.action)).toEqual(['holiday.added', 'holiday.added', 'holiday.removed'])
  })
})
