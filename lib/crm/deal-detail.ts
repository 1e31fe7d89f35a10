import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import type { DealStatus, DealType, StageKind } from '@/lib/generated/prisma/enums'
import { toDay } from '@/lib/dates'
import { notFound } from '@/lib/errors'
import { canEditDeal } from '@/lib/crm/deal-access'
import { listDealContacts, type DealContactDto } from '@/lib/crm/deal-contacts'
import { listLineItems, type LineItemDto } from '@/lib/crm/line-items'

export type DealStageOption = { id: string; name: string; kind: StageKind; probability: number }

export type DealDetail = {
  id: string
  title: string
  amountMinor: string
  currency: string
  status: DealStatus
  probability: number
  probabilityOverridden: boolean
  expectedCloseOn: string | null
  closedAt: string | null
  createdAt: string
  stageEnteredAt: string
  dealType: DealType
  commitments: string | null
  version: number
  pipeline: { id: string; name: string }
  stage: DealStageOption
  /** the stages of the deal's pipeline, in order, for the stage selector */
  stages: DealStageOption[]
  owner: { id: string; name: string }
  company: { id: string; name: string } | null
  lostReason: { label: string; note: string | null } | null
  lineItems: LineItemDto[]
  contacts: DealContactDto[]
  /** what the viewer may do: edit fields (SALES: own deals), reassign (MANAGER/ADMIN) */
  canEdit: boolean
  canReassign: boolean
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Everything the deal page shows, scoped to the organization: another org's deal is a 404. */
export async function getDeal(db: Db, ctx: Ctx, dealId: string): Promise<DealDetail> {
  if (!uuid.test(dealId)) throw notFound('This deal')
  const deal = await db.deal.findFirst({
    where: { id: dealId, orgId: ctx.orgId, deletedAt: null },
    select: {
      id: true,
      title: true,
      amountMinor: true,
      currency: true,
      status: true,
      probability: true,
      probabilityOverridden: true,
      expectedCloseOn: true,
      closedAt: true,
      createdAt: true,
      stageEnteredAt: true,
      dealType: true,
      commitments: true,
      version: true,
      lostNote: true,
      pipeline: {
        select: { id: true, name: true, stages: { select: { id: true, name: true, kind: true, probability: true }, orderBy: { position: 'asc' } } },
      },
      stage: { select: { id: true, name: true, kind: true, probability: true } },
      owner: { select: { id: true, name: true } },
      company: { select: { id: true, name: true, deletedAt: true } },
      lostReason: { select: { label: true } },
    },
  })
  if (!deal) throw notFound('This deal')
  const [lineItems, contacts] = await Promise.all([listLineItems(db, ctx, deal.id), listDealContacts(db, ctx, deal.id)])
  const canEdit = canEditDeal(ctx, { ownerId: deal.owner.id })
  return {
    id: deal.id,
    title: deal.title,
    amountMinor: deal.amountMinor.toString(),
    currency: deal.currency.trim(),
    status: deal.status,
    probability: deal.probability,
    probabilityOverridden: deal.probabilityOverridden,
    expectedCloseOn: deal.expectedCloseOn ? toDay(deal.expectedCloseOn) : null,
    closedAt: deal.closedAt?.toISOString() ?? null,
    createdAt: deal.createdAt.toISOString(),
    stageEnteredAt: deal.stageEnteredAt.toISOString(),
    dealType: deal.dealType,
    commitments: deal.commitments,
    version: deal.version,
    pipeline: { id: deal.pipeline.id, name: deal.pipeline.name },
    stage: deal.stage,
    stages: deal.pipeline.stages,
    owner: deal.owner,
    company: deal.company && !deal.company.deletedAt ? { id: deal.company.id, name: deal.company.name } : null,
    lostReason: deal.status === 'LOST' && deal.lostReason ? { label: deal.lostReason.label, note: deal.lostNote } : null,
    lineItems,
    contacts,
    canEdit,
    canReassign: canEdit && ctx.role !== 'SALES',
  }
}
