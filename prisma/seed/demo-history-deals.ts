// The demo history's deals, planned in memory (written by demo-history.ts): about 190 deals
// closed won or lost over the last 18 months, with win rates that vary by rep, deal type and
// month, and about 30 open deals expected to close in each of the next 6 months (what each
// deal is made of, from owner to line items: demo-history-basics.ts). Each deal
// carries the audit entries the app would have written, in the app's shapes: `deal.created`,
// one `deal.stage_changed` per move (lib/crm/deals.ts moveDeal; the win as lib/handoff/win-deal.ts
// writes it), and `deal.updated` when the expected close date slipped (updateDeal's
// { expectedCloseOn: { from, to } } with 'YYYY-MM-DD' days).
import type { DealContactRole, DealStatus, DealType } from '../../lib/generated/prisma/enums'
import { addDays, daysBetween, toDay, type Day } from '../../lib/dates'
import { prng } from './demo-crm'
import { basics, type CompanyRef, type HistoryRefs, type Line, type PipelineRef, type StageRef } from './demo-history-basics'
import { at, between, chance, clamp, monthEnd, monthStart, weighted, type Random } from './demo-history-time'

export type LogEntry = { at: Date; action: string; changes: Record<string, unknown> }

export type PlannedDeal = {
  id: string
  title: string
  pipeline: PipelineRef
  ownerId: string
  company: CompanyRef
  dealType: DealType
  lines: Line[]
  amountMinor: bigint
  status: DealStatus
  stage: StageRef
  createdAt: Date
  stageEnteredAt: Date
  closedAt: Date | null
  expectedCloseOn: Day
  lostReasonId: string | null
  lostNote: string | null
  contacts: { contactId: string; role: DealContactRole }[]
  /** the deal's audit entries, oldest first */
  log: LogEntry[]
  /** won, lost and won back (closedAt is the last win) */
  flip?: { firstWonAt: Date; lostAt: Date }
}

const MONTHS = 18
/** win-rate offsets of the owners, in the order of HistoryRefs.owners */
const OWNER_BIAS = [0.03, -0.07, 0.08]
const TYPE_BIAS: Record<DealType, number> = { NEW_BUSINESS: -0.06, EXPANSION: 0.05, RENEWAL: 0.18 }
const LOST: [string, number, number][] = [
  // label, weight in New business, weight in Enterprise
  ['Price', 26, 14],
  ['Chose a competitor', 24, 18],
  ['No budget', 15, 12],
  ['No decision', 14, 30],
  ['Timing', 13, 16],
  ['Missing feature', 8, 10],
]
const LOST_NOTES = ['They went with the cheaper offer.', 'Budget frozen until next year.', 'Champion left the company.', 'Needs an on-premise option.', 'Procurement stopped all new tools.']

export function planHistoryDeals(refs: HistoryRefs): PlannedDeal[] {
  const random = prng(20261203)
  const titles = new Set<string>()
  const deals: PlannedDeal[] = []
  for (let back = MONTHS - 1; back >= 0; back--) {
    const first = monthStart(refs.today, -back)
    // this month: deals closed before today only
    const last = back === 0 ? addDays(refs.today, -1) : monthEnd(first)
    if (last < first) continue
    const share = (daysBetween(first, last) + 1) / (daysBetween(first, monthEnd(first)) + 1)
    const count = Math.round((9.5 + 3 * Math.sin(back * 0.8 + 1) + random.next() * 3) * share)
    const month: PlannedDeal[] = []
    for (let i = 0; i < count; i++) month.push(closedDeal(refs, random, titles, addDays(first, random.int(0, daysBetween(first, last))), back))
    // every past month has both wins and losses: the last deal goes the other way if not
    const missing = (['WON', 'LOST'] as const).find((status) => !month.some((d) => d.status === status))
    if (back > 0 && missing && month.length > 1) {
      const replaced = month.pop()!
      titles.delete(replaced.title)
      month.push(closedDeal(refs, random, titles, toDay(replaced.closedAt!), back, missing === 'WON'))
    }
    deals.push(...month)
  }
  const flips = deals.filter((d) => d.status === 'WON' && monthsAgo(refs.today, d.closedAt!) > 5 && monthsAgo(refs.today, d.closedAt!) < 10)
  for (const deal of new Set([flips[0], flips[Math.floor(flips.length / 2)]])) if (deal) flip(refs, deal)
  for (let ahead = 0; ahead < 6; ahead++) {
    const first = ahead === 0 ? refs.today : monthStart(refs.today, ahead)
    // (the first of the next two months' deals surely slipped this month)
    for (let i = 0; i < 5; i++) deals.push(openDeal(refs, random, titles, addDays(first, random.int(0, daysBetween(first, monthEnd(first)))), ahead, i === 0 && ahead < 2))
  }
  return deals
}

const monthsAgo = (today: Day, instant: Date) => daysBetween(toDay(instant), today) / 30.4

/** Stage moves spread between two instants: `deal.stage_changed` entries, the last one left to the caller. */
function moves(path: { from: StageRef; to: StageRef }[], from: Date, to: Date, random: Random): LogEntry[] {
  return path.map((step, i) => ({
    at: between(from, to, clamp((i + 1 + (random.next() - 0.5) * 0.6) / (path.length + 1), 0.02, 0.98)),
    action: 'deal.stage_changed',
    changes: { stage: { from: step.from.name, to: step.to.name }, stageId: { from: step.from.id, to: step.to.id } },
  }))
}

const steps = (stages: StageRef[]) => stages.slice(1).map((to, i) => ({ from: stages[i]!, to }))

function closedDeal(refs: HistoryRefs, random: Random, titles: Set<string>, closeOn: Day, back: number, force?: boolean): PlannedDeal {
  const b = basics(refs, random, titles, closeOn.slice(0, 4))
  const p = b.pipeline
  const rate = clamp(0.4 + (OWNER_BIAS[b.ownerIndex] ?? 0) + TYPE_BIAS[b.dealType] + (p.enterprise ? -0.05 : 0) + 0.08 * Math.sin(back / 2.1 + b.ownerIndex), 0.1, 0.85)
  const won = force ?? chance(random, rate)
  const cycle = p.enterprise ? random.int(45, 112) : b.dealType === 'NEW_BUSINESS' ? random.int(14, 70) : random.int(10, 45)
  const createdAt = at(addDays(closeOn, -cycle), random.int(7, 15), random.int(0, 59))
  const closedAt = at(closeOn, random.int(8, 16), random.int(0, 59))
  // a won deal went through the open stages (sometimes skipping one); a lost one stopped on the way
  const reached = won ? p.open.filter((_, i) => i === 0 || i === p.open.length - 1 || !chance(random, 0.15)) : p.open.slice(0, 1 + weighted(random, p.open.map((_, i) => [i, p.open.length - i] as const)))
  const final = won ? p.won : p.lost
  const last = reached.at(-1)!
  const lostReasonId = won ? null : idOf(refs, weighted(random, LOST.map(([label, nb, ent]) => [label, p.enterprise ? ent : nb] as const)))
  const lostNote = won || !chance(random, 0.4) ? null : random.pick(LOST_NOTES)
  const log: LogEntry[] = [
    { at: createdAt, action: 'deal.created', changes: { title: b.title, amountMinor: b.amountMinor.toString(), stageId: reached[0]!.id } },
    ...moves(steps(reached), createdAt, closedAt, random),
    {
      at: closedAt,
      action: 'deal.stage_changed',
      changes: {
        stage: { from: last.name, to: final.name },
        stageId: { from: last.id, to: final.id },
        status: { from: 'OPEN', to: won ? 'WON' : 'LOST' },
        ...(won ? { closeOn } : { lostReasonId, lostNote }),
      },
    },
  ]
  let expectedCloseOn = addDays(closeOn, random.int(-6, 10))
  if (chance(random, 0.22)) expectedCloseOn = slip(log, random, createdAt, closedAt, addDays(closeOn, random.int(-2, 8)))
  return { ...b, status: won ? 'WON' : 'LOST', stage: final, createdAt, stageEnteredAt: closedAt, closedAt, expectedCloseOn, lostReasonId, lostNote, log: sorted(log) }
}

/**
 * The expected close date moved later (to `to`) once or twice between `since` and `until` (or
 * at `when`), from a date no earlier than the deal's creation; returns the final date.
 */
function slip(log: LogEntry[], random: Random, since: Date, until: Date, to: Day, when?: Date): Day {
  const created = toDay(since)
  const pushed = addDays(to, -random.int(14, 45))
  const from = pushed > created ? pushed : created
  const change = (f: Day, t: Day, instant: Date) => log.push({ at: instant, action: 'deal.updated', changes: { expectedCloseOn: { from: f, to: t } } })
  const last = when ?? between(since, until, 0.5 + random.next() * 0.4)
  const span = daysBetween(from, to)
  if (span >= 10 && chance(random, 0.25)) {
    const middle = addDays(from, random.int(3, span - 3))
    change(from, middle, between(since, last, 0.3 + random.next() * 0.4))
    change(middle, to, last)
  } else change(from, to, last)
  return to
}

function openDeal(refs: HistoryRefs, random: Random, titles: Set<string>, expectedCloseOn: Day, ahead: number, slippedThisMonth = false): PlannedDeal {
  const b = basics(refs, random, titles, expectedCloseOn.slice(0, 4))
  const p = b.pipeline
  // the nearer the expected close, the further along
  const top = p.open.length - 1
  const index = clamp(Math.round(top - (ahead / 5) * top + (random.next() - 0.5) * 2), 0, top)
  const reached = p.open.slice(0, index + 1)
  const createdAt = at(addDays(refs.today, -random.int(p.enterprise ? 25 : 6, p.enterprise ? 120 : 75)), random.int(7, 15), random.int(0, 59))
  const until = at(addDays(refs.today, -1), 17)
  const log: LogEntry[] = [
    { at: createdAt, action: 'deal.created', changes: { title: b.title, amountMinor: b.amountMinor.toString(), stageId: reached[0]!.id } },
    ...moves(steps(reached), createdAt, until, random),
  ]
  if (slippedThisMonth || chance(random, 0.35)) {
    // half of the slips happened this month (the forecast's "slipped this period")
    // (a deal sure to have slipped this month did so in the last three days: it is older than that)
    const dayOfMonth = Number(refs.today.slice(8, 10))
    const thisMonth = slippedThisMonth || chance(random, 0.5)
    const day = thisMonth ? addDays(refs.today, -random.int(0, Math.min(slippedThisMonth ? 3 : 10, dayOfMonth - 1))) : addDays(refs.today, -random.int(10, 40))
    const when = new Date(Math.min(at(day, random.int(7, 15), random.int(0, 59)).getTime(), refs.now.getTime() - 60_000))
    if (when > createdAt) slip(log, random, createdAt, when, expectedCloseOn, when)
  }
  const stageEnteredAt = log.filter((e) => e.action !== 'deal.updated').at(-1)!.at
  return { ...b, status: 'OPEN', stage: reached.at(-1)!, createdAt, stageEnteredAt, closedAt: null, expectedCloseOn, lostReasonId: null, lostNote: null, log: sorted(log) }
}

/** Won, lost two days later ("No decision"), won back four days after that: one project, one win to count. */
function flip(refs: HistoryRefs, deal: PlannedDeal) {
  const firstWonAt = deal.closedAt!
  const lostAt = new Date(firstWonAt.getTime() + 2 * 86_400_000)
  const wonAt = new Date(firstWonAt.getTime() + 6 * 86_400_000)
  const { won, lost } = deal.pipeline
  const lostReasonId = idOf(refs, 'No decision')
  deal.log.push(
    { at: lostAt, action: 'deal.stage_changed', changes: { stage: { from: won.name, to: lost.name }, stageId: { from: won.id, to: lost.id }, status: { from: 'WON', to: 'LOST' }, lostReasonId, lostNote: 'Signature withdrawn pending a board decision.' } },
    { at: wonAt, action: 'deal.stage_changed', changes: { stage: { from: lost.name, to: won.name }, stageId: { from: lost.id, to: won.id }, status: { from: 'LOST', to: 'WON' }, closeOn: toDay(wonAt) } },
  )
  Object.assign(deal, { closedAt: wonAt, stageEnteredAt: wonAt, flip: { firstWonAt, lostAt } })
}

const idOf = (refs: HistoryRefs, label: string) => refs.lostReasons.find((r) => r.label === label)?.id ?? null
const sorted = (log: LogEntry[]) => log.sort((a, b) => a.at.getTime() - b.at.getTime())
