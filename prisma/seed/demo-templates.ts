import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { Ctx } from '../../lib/authz'
import { addHoliday } from '../../lib/pm/holiday-settings'
import { createProjectRole } from '../../lib/pm/project-roles'
import type { DraftTask, Priority, TemplateDraft } from '../../lib/pm/template-draft'
import { createTemplateRule } from '../../lib/pm/template-rules'
import { createTemplate, setDefaultTemplate } from '../../lib/pm/templates'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

// The demo organization's delivery setup: project roles with default people, holidays, and two
// templates. "Standard onboarding" (the default: 3 milestones, 12 tasks) and "Enterprise
// onboarding" (5 milestones, 40 tasks, picked for the Enterprise pipeline). The demo projects
// (demo-projects.ts) are built from these two names.

export const DEMO_TEMPLATE_NAMES = { standard: 'Standard onboarding', enterprise: 'Enterprise onboarding' } as const

const HOLIDAYS: [string, string][] = [
  ['2026-12-24', 'Christmas Eve'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-31', 'New Year’s Eve'],
  ['2027-01-01', 'New Year’s Day'],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-04-02', 'Company offsite'],
  ['2027-05-01', 'Labour Day'],
  ['2027-12-24', 'Christmas Eve'],
  ['2027-12-25', 'Christmas Day'],
]

type RoleKey = 'lead' | 'am' | 'se'
type Spec = {
  title: string
  /** index into the template's milestone list */
  m: number
  at: number
  days: number
  who?: RoleKey | 'owner'
  after?: string[]
  anchor?: 'CLOSE' | 'KICKOFF'
  hours?: number
  priority?: Priority
  checklist?: string[]
  description?: string
}

function draftOf(options: { description: string; leadTimeDays: number; defaultDurationDays: number; milestones: [string, number][]; tasks: Spec[] }, roles: Record<RoleKey, string>): TemplateDraft {
  const keyOf = (title: string) => `t-${title}`
  return {
    description: options.description,
    leadTimeDays: options.leadTimeDays,
    leadTimeBusinessDays: true,
    defaultDurationDays: options.defaultDurationDays,
    milestones: options.milestones.map(([name, offsetDays], i) => ({ key: `m${i}`, name, anchor: 'KICKOFF', offsetDays, businessDays: true })),
    tasks: options.tasks.map(
      (t): DraftTask => ({
        key: keyOf(t.title),
        milestoneKey: `m${t.m}`,
        title: t.title,
        description: t.description ?? '',
        anchor: t.anchor ?? 'KICKOFF',
        offsetDays: t.at,
        durationDays: t.days,
        businessDays: true,
        roleId: t.who && t.who !== 'owner' ? roles[t.who] : null,
        assignDealOwner: t.who === 'owner',
        estimateHours: t.hours ?? null,
        priority: t.priority ?? 'NONE',
        checklist: t.checklist ?? [],
        dependsOn: (t.after ?? []).map(keyOf),
      }),
    ),
  }
}

const STANDARD: Spec[] = [
  {
    title: 'Internal handoff from sales',
    m: 0,
    anchor: 'CLOSE',
    at: 1,
    days: 1,
    who: 'owner',
    hours: 1,
    priority: 'HIGH',
    checklist: ['Share the signed order form', 'Walk through what was promised', 'Introduce the customer’s contacts'],
    description: 'The deal owner hands the account to delivery: scope, promises, people and risks.',
  },
  { title: 'Kickoff call', m: 0, at: 0, days: 0, who: 'lead', hours: 1.5, priority: 'HIGH', checklist: ['Send the agenda', 'Agree on goals and success criteria', 'Share next steps'] },
  { title: 'Share the project plan', m: 0, at: 1, days: 1, who: 'lead', after: ['Kickoff call'], hours: 1 },
  { title: 'Collect admin access and data exports', m: 0, at: 1, days: 3, who: 'se', after: ['Kickoff call'], checklist: ['Admin account', 'Data export', 'SSO details'] },
  { title: 'Configure the workspace', m: 1, at: 4, days: 4, who: 'se', after: ['Collect admin access and data exports'], hours: 12 },
  { title: 'Import customer data', m: 1, at: 6, days: 2, who: 'se', after: ['Collect admin access and data exports'], hours: 6, checklist: ['Dry run on a copy', 'Customer signs off the sample'] },
  { title: 'Set up integrations', m: 1, at: 8, days: 3, who: 'se', after: ['Configure the workspace'], hours: 8 },
  { title: 'Review the configuration with the customer', m: 1, at: 11, days: 1, who: 'lead', after: ['Import customer data', 'Set up integrations'], hours: 2 },
  { title: 'Train the admins', m: 2, at: 12, days: 2, who: 'lead', after: ['Review the configuration with the customer'], hours: 4, checklist: ['Book the session', 'Send the recording'] },
  { title: 'Train end users', m: 2, at: 14, days: 3, who: 'lead', after: ['Train the admins'], hours: 6 },
  {
    title: 'Go-live check',
    m: 2,
    at: 17,
    days: 1,
    who: 'lead',
    after: ['Train end users', 'Set up integrations'],
    priority: 'URGENT',
    checklist: ['Data verified', 'Integrations live', 'Support contacts shared'],
  },
  { title: 'Handover to account management', m: 2, at: 19, days: 1, who: 'am', after: ['Go-live check'], hours: 1, checklist: ['Success plan agreed', 'First business review booked'] },
]

/** Enterprise phases: each task follows the ones before it, unless it runs alongside the previous one. */
const ENTERPRISE_PHASES: { name: string; tasks: [title: string, days: number, who: RoleKey | 'owner', alongside?: boolean][] }[] = [
  {
    name: 'Mobilise',
    tasks: [
      ['Internal handoff from sales', 1, 'owner'],
      ['Executive kickoff', 0, 'am'],
      ['Confirm the steering committee', 1, 'am', true],
      ['Project kickoff workshop', 1, 'lead'],
      ['Agree on the governance and reporting', 1, 'lead', true],
      ['Set up the project workspace', 1, 'lead'],
      ['Security and compliance questionnaire', 3, 'se', true],
      ['Baseline plan signed off', 1, 'lead'],
    ],
  },
  {
    name: 'Discovery & design',
    tasks: [
      ['Current process workshops', 3, 'lead'],
      ['Data landscape review', 2, 'se', true],
      ['Integration architecture', 3, 'se'],
      ['Roles and permissions design', 2, 'lead', true],
      ['Migration strategy', 2, 'se'],
      ['Reporting requirements', 2, 'lead', true],
      ['Solution design document', 3, 'lead'],
      ['Design sign-off', 1, 'am'],
    ],
  },
  {
    name: 'Build',
    tasks: [
      ['Provision environments', 2, 'se'],
      ['Configure core workflows', 5, 'se'],
      ['Build integrations', 6, 'se', true],
      ['Configure roles and permissions', 2, 'se'],
      ['Build reports and dashboards', 3, 'lead', true],
      ['Data migration rehearsal 1', 3, 'se'],
      ['Fix rehearsal findings', 2, 'se'],
      ['Build complete review', 1, 'lead'],
    ],
  },
  {
    name: 'Test & train',
    tasks: [
      ['System integration testing', 4, 'se'],
      ['User acceptance test plan', 2, 'lead', true],
      ['User acceptance testing', 5, 'lead'],
      ['Data migration rehearsal 2', 3, 'se', true],
      ['Train-the-trainer sessions', 2, 'lead'],
      ['End-user training', 4, 'lead'],
      ['Cutover plan', 2, 'se', true],
      ['Go/no-go decision', 1, 'am'],
    ],
  },
  {
    name: 'Go-live & hypercare',
    tasks: [
      ['Production cutover', 2, 'se'],
      ['Final data migration', 1, 'se'],
      ['Go-live', 0, 'lead'],
      ['Hypercare week 1', 5, 'lead'],
      ['Hypercare week 2', 5, 'lead'],
      ['Lessons learned', 1, 'lead'],
      ['Executive close-out', 1, 'am'],
      ['Handover to account management', 1, 'am'],
    ],
  },
]

function enterpriseSpecs(): { milestones: [string, number][]; tasks: Spec[] } {
  const tasks: Spec[] = []
  const milestones: [string, number][] = []
  let cursor = 0
  // The tasks the next one in line waits for: the last one in line and any alongside it.
  let open: Spec[] = []
  for (const [m, phase] of ENTERPRISE_PHASES.entries()) {
    for (const [title, days, who, alongside] of phase.tasks) {
      if (who === 'owner') {
        tasks.push({ title, m, at: 1, days, who, anchor: 'CLOSE', priority: 'HIGH', checklist: ['Share the signed contract', 'Walk through what was promised'] })
        continue
      }
      const lead = open[0]
      const spec: Spec =
        alongside && lead
          ? { title, m, at: lead.at, days, who, after: lead.after, hours: Math.max(1, days * 4) }
          : { title, m, at: cursor, days, who, after: open.map((t) => t.title), hours: Math.max(1, days * 4) }
      if (title === 'Go-live') Object.assign(spec, { priority: 'URGENT', checklist: ['Cutover complete', 'Smoke tests passed', 'Customer confirms go-live'] })
      tasks.push(spec)
      open = alongside && lead ? [...open, spec] : [spec]
      cursor = Math.max(...open.map((t) => t.at + t.days))
    }
    milestones.push([phase.name, cursor])
  }
  return { milestones, tasks }
}

/** Roles, holidays and the two demo templates (Standard is the default; Enterprise has a rule). */
export async function seedDemoTemplates(tx: Tx, ctx: Ctx, people: { delivery: string; manager: string }) {
  const lead = await createProjectRole(tx, ctx, { name: 'Implementation lead', defaultUserId: people.delivery })
  const am = await createProjectRole(tx, ctx, { name: 'Account manager', defaultUserId: people.manager })
  const se = await createProjectRole(tx, ctx, { name: 'Solutions engineer' })
  const roles = { lead: lead.id, am: am.id, se: se.id }
  for (const [day, name] of HOLIDAYS) await addHoliday(tx, ctx, { day, name })

  const standard = await createTemplate(tx, ctx, {
    name: DEMO_TEMPLATE_NAMES.standard,
    content: draftOf(
      {
        description: 'Our usual onboarding for new customers: kickoff, configuration with the customer’s data, training and go-live in about four weeks.',
        leadTimeDays: 5,
        defaultDurationDays: 30,
        milestones: [
          ['Kickoff', 4],
          ['Configuration', 12],
          ['Go-live', 20],
        ],
        tasks: STANDARD,
      },
      roles,
    ),
  })
  await setDefaultTemplate(tx, ctx, { templateId: standard.id, isDefault: true })

  const enterpriseContent = enterpriseSpecs()
  const enterprise = await createTemplate(tx, ctx, {
    name: DEMO_TEMPLATE_NAMES.enterprise,
    content: draftOf(
      {
        description: 'A phased rollout for large customers with a steering committee, two migration rehearsals, acceptance testing and two weeks of hypercare.',
        leadTimeDays: 10,
        defaultDurationDays: 90,
        milestones: enterpriseContent.milestones,
        tasks: enterpriseContent.tasks,
      },
      roles,
    ),
  })
  const pipeline = await tx.pipeline.findFirst({ where: { orgId: ctx.orgId, name: { contains: 'Enterprise', mode: 'insensitive' } }, select: { id: true } })
  await createTemplateRule(tx, ctx, {
    templateId: enterprise.id,
    productIds: [],
    priority: 10,
    ...(pipeline ? { pipelineId: pipeline.id } : { minAmount: '50000' }),
  })
  return { standardId: standard.id, enterpriseId: enterprise.id, roles }
}
