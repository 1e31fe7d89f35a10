// The small, hand-built part of the delivery scale data: the delivery people, the project
// roles, a few holidays and the bench's 40-task template ("Bench template 40": 4 milestones,
// roles, a deal-owner task, dependencies that respect the offsets, checklists).
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { BENCH, deliveryEmail } from './options'
import { DELIVERY_NAMES, MILESTONES, PROJECT_ROLES, TASK_TITLES } from './words'

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

/** delivery1..N@scale.test (existing users are reused), as DELIVERY members; returns their ids in order. */
export async function createDeliveryPeople(tx: Tx, orgId: string, count: number, passwordHash: string): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => deliveryEmail(i + 1))
  const names = emails.map((_, i) => DELIVERY_NAMES[i % DELIVERY_NAMES.length]! + (i >= DELIVERY_NAMES.length ? ` ${i + 1}` : ''))
  const rows = await tx.$queryRawUnsafe<{ id: string; email: string }[]>(
    `INSERT INTO "user" (id, email, name, password_hash)
     SELECT gen_random_uuid(), e.email, e.name, $3 FROM unnest($1::text[], $2::text[]) AS e(email, name)
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash
     RETURNING id, email`,
    emails,
    names,
    passwordHash,
  )
  const byEmail = new Map(rows.map((r) => [r.email, r.id]))
  const ids = emails.map((e) => byEmail.get(e)!)
  await tx.membership.createMany({ data: ids.map((userId) => ({ orgId, userId, role: 'DELIVERY' as const })) })
  return ids
}

/** The project roles (the first two with a default person) and this year's and next year's fixed holidays. */
export async function createRolesAndHolidays(tx: Tx, orgId: string, delivery: string[]): Promise<string[]> {
  const roles = PROJECT_ROLES.map((name, i) => ({ id: randomUUID(), orgId, name, position: (i + 1) * 1000, defaultUserId: i < 2 ? (delivery[i + 1] ?? null) : null }))
  await tx.projectRole.createMany({ data: roles })
  const year = new Date().getUTCFullYear()
  const fixed: [string, string][] = [['01-01', 'New Year'], ['05-01', 'Labour Day'], ['10-03', 'German Unity Day'], ['12-25', 'Christmas Day'], ['12-26', 'Boxing Day']]
  await tx.holiday.createMany({
    data: [year, year + 1].flatMap((y) => fixed.map(([md, name]) => ({ orgId, day: new Date(`${y}-${md}T00:00:00Z`), name }))),
  })
  return roles.map((r) => r.id)
}

/**
 * "Bench template 40": 4 milestones of 10 tasks; task t starts 2t business days after kickoff
 * and lasts 2, so "t blocks t+1" (within a milestone) never starts a task before its blocker
 * is due. Roles by turns, the first task of each milestone for the deal owner.
 */
export async function createBenchTemplate(tx: Tx, orgId: string, createdById: string, roleIds: string[]) {
  const template = await tx.projectTemplate.create({ data: { orgId, name: BENCH.template }, select: { id: true } })
  const versionId = randomUUID()
  await tx.projectTemplateVersion.create({
    data: { id: versionId, orgId, templateId: template.id, version: 1, description: 'Fixture of npm run bench: 40 tasks, 4 milestones.', defaultDurationDays: 60, createdById },
  })
  const perMilestone = BENCH.templateTasks / MILESTONES.length
  const milestones = MILESTONES.map((name, m) => ({
    id: randomUUID(),
    orgId,
    versionId,
    name,
    anchor: 'KICKOFF' as const,
    offsetDays: 2 * perMilestone * (m + 1),
    businessDays: true,
    position: (m + 1) * 1000,
  }))
  await tx.templateMilestone.createMany({ data: milestones })
  const tasks = Array.from({ length: BENCH.templateTasks }, (_, t) => {
    const m = Math.floor(t / perMilestone)
    const titles = TASK_TITLES[m]!
    return {
      id: randomUUID(),
      orgId,
      versionId,
      milestoneId: milestones[m]!.id,
      title: `${titles[t % titles.length]} (${t + 1})`,
      anchor: 'KICKOFF' as const,
      offsetDays: 2 * t,
      durationDays: 2,
      businessDays: true,
      roleId: t % perMilestone === 0 ? null : roleIds[t % roleIds.length]!,
      assignDealOwner: t % perMilestone === 0,
      estimateMinutes: 60 * (1 + (t % 8)),
      checklist: t % 3 === 0 ? ['Prepared', 'Reviewed', 'Customer informed'] : [],
      position: (t + 1) * 1000,
    }
  })
  await tx.templateTask.createMany({ data: tasks })
  const dependencies = tasks.slice(0, -1).flatMap((task, t) => ((t + 1) % perMilestone === 0 ? [] : [{ orgId, versionId, blockerId: task.id, blockedId: tasks[t + 1]!.id }]))
  await tx.templateDependency.createMany({ data: dependencies })
  await tx.projectTemplate.update({ where: { id: template.id }, data: { currentVersionId: versionId } })
  return { templateId: template.id, versionId, tasks: tasks.length, dependencies: dependencies.length }
}
