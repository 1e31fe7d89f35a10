'use client'
import { companyEditor } from '@/components/crm/company-combobox'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { toast } from 'sonner'
import { updateDealAction } from '@/app/(app)/[orgSlug]/deals/[id]/actions'
import type { DealDetail } from '@/lib/crm/deal-detail'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'
import { formatDay } from '@/lib/dates'
import { formatMoney, minorToDecimal, weighted } from '@/lib/money'
import { Avatar } from '@/components/ui/avatar'
import { Badge, Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { InlineField } from './inline-field'
import { StageSelector } from './stage-selector'

type Option = { value: string; label: string }

const statusStyle = {
  OPEN: 'bg-accent/10 text-accent',
  WON: 'bg-success/15 text-success',
  LOST: 'bg-danger/10 text-danger',
} as const
const statusLabel = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' } as const

type Field = 'title' | 'amount' | 'ownerId' | 'companyId' | 'expectedCloseOn' | 'probability' | 'dealType' | 'commitments'

/**
 * The deal's header: every field inline-editable by whoever may edit the deal (SALES: their
 * own deals; only MANAGER/ADMIN reassign), each save guarded by the version last seen.
 */
export function DealHeader({
  orgSlug,
  deal,
  owners,
  lostReasons,
  today,
}: {
  orgSlug: string
  deal: DealDetail
  owners: Option[]
  lostReasons: { id: string; label: string }[]
  today: string
}) {
  const router = useRouter()
  const [version, setVersion] = useState(deal.version)
  const [seenVersion, setSeenVersion] = useState(deal.version)
  if (deal.version !== seenVersion) {
    // A refresh brought a newer deal (a line item changed the amount, someone else edited it).
    setSeenVersion(deal.version)
    setVersion(deal.version)
  }
  const editable = deal.canEdit
  const hasLines = deal.lineItems.length > 0
  const overdue = deal.status === 'OPEN' && deal.expectedCloseOn !== null && deal.expectedCloseOn < today

  const save =
    (field: Field) =>
    async (value: string): Promise<string | undefined> => {
      const result = await updateDealAction({ orgSlug, dealId: deal.id, version, [field]: value })
      if (!result.ok) return result.fieldErrors?.[field]?.[0] ?? result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'Not saved.'
      setVersion(result.data.version)
      if (result.data.changed.length) toast.success('Saved.')
      return undefined
    }

  return (
    <Card className="p-5" data-testid="deal-header">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="sr-only">{deal.title}</h1>
          <InlineField
            label="Title"
            value={deal.title}
            display={<span className="text-xl font-semibold text-ink">{deal.title}</span>}
            readOnly={!editable}
            onSave={save('title')}
            testId="deal-title"
            hideLabel
          />
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <Badge className={statusStyle[deal.status]} data-testid="deal-status">
              {statusLabel[deal.status]}
            </Badge>
            <Badge>{deal.stage.name}</Badge>
            <span className="text-ink-soft">{deal.pipeline.name} pipeline</span>
            {deal.lostReason ? (
              <span className="text-danger">
                Lost: {deal.lostReason.label}
                {deal.lostReason.note ? ` (${deal.lostReason.note})` : ''}
              </span>
            ) : null}
          </div>
        </div>
        <div className="flex items-start gap-3">
          {/* HANDOFF SLOT: the "Mark as won" button and the project panel (handoff issue) go here. */}
          <div data-slot="deal-handoff" />
          <div className="text-right">
            <div className="text-2xl font-semibold tabular-nums" data-testid="deal-amount">
              {formatMoney(deal.amountMinor, deal.currency)}
            </div>
            <div className="text-xs text-ink-soft">
              weighted {formatMoney(weighted(BigInt(deal.amountMinor), deal.probability), deal.currency)}
            </div>
          </div>
        </div>
      </div>

      <div className="mt-5 grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
        <InlineField
          label={`Amount (${deal.currency})`}
          value={minorToDecimal(deal.amountMinor, deal.currency)}
          display={formatMoney(deal.amountMinor, deal.currency)}
          inputMode="decimal"
          readOnly={!editable || hasLines}
          note={hasLines ? 'sum of line items' : undefined}
          onSave={save('amount')}
          testId="field-amount"
        />
        <StageSelector
          orgSlug={orgSlug}
          dealId={deal.id}
          dealTitle={deal.title}
          version={version}
          stage={deal.stage}
          stages={deal.stages}
          lostReasons={lostReasons}
          disabled={!editable}
          onMoved={(next) => {
            setVersion(next)
            router.refresh()
          }}
        />
        <InlineField
          label="Owner"
          kind="select"
          value={deal.owner.id}
          options={owners}
          display={
            <span className="flex items-center gap-1.5">
              <Avatar id={deal.owner.id} name={deal.owner.name} />
              {deal.owner.name}
            </span>
          }
          readOnly={!deal.canReassign}
          onSave={save('ownerId')}
          testId="field-owner"
        />
        <InlineField
          label="Company"
          value={deal.company?.id ?? ''}
          editor={companyEditor(orgSlug, deal.company)}
          display={
            deal.company ? (
              <Link href={`/${orgSlug}/companies/${deal.company.id}`} className="text-accent hover:underline" onClick={(e) => e.stopPropagation()}>
                {deal.company.name}
              </Link>
            ) : null
          }
          placeholder="No company"
          readOnly={!editable}
          onSave={save('companyId')}
          testId="field-company"
        />
        <InlineField
          label="Expected close"
          value={deal.expectedCloseOn ?? ''}
          placeholder="YYYY-MM-DD"
          display={
            deal.expectedCloseOn ? (
              <time dateTime={deal.expectedCloseOn} className={cn(overdue && 'font-medium text-danger')} title={overdue ? 'The expected close date has passed' : undefined}>
                {formatDay(deal.expectedCloseOn)}
                {overdue ? ' (past)' : ''}
              </time>
            ) : null
          }
          readOnly={!editable}
          onSave={save('expectedCloseOn')}
          testId="field-close"
        />
        <InlineField
          label="Probability (%)"
          value={String(deal.probability)}
          inputMode="numeric"
          display={`${deal.probability} %`}
          note={
            deal.status !== 'OPEN' ? (
              'set by the stage'
            ) : deal.probabilityOverridden ? (
              <span>
                set for this deal (stage default {deal.stage.probability} %)
                {editable ? (
                  <>
                    {' · '}
                    <button type="button" className="text-accent hover:underline" onClick={() => void save('probability')('').then((e) => e && toast.error(e))}>
                      use the stage default
                    </button>
                  </>
                ) : null}
              </span>
            ) : (
              'stage default'
            )
          }
          readOnly={!editable || deal.status !== 'OPEN'}
          onSave={save('probability')}
          testId="field-probability"
        />
        <InlineField
          label="Deal type"
          kind="select"
          value={deal.dealType}
          options={DEAL_TYPES.map((t) => ({ value: t, label: dealTypeLabels[t] }))}
          display={dealTypeLabels[deal.dealType]}
          readOnly={!editable}
          onSave={save('dealType')}
          testId="field-type"
        />
        <div>
          <div className="text-xs font-medium uppercase tracking-wide text-ink-soft">In stage since</div>
          <div className="mt-0.5 text-sm">{formatDay(deal.stageEnteredAt.slice(0, 10))}</div>
        </div>
      </div>

      <InlineField
        className="mt-4"
        label="Commitments (what sales promised the customer)"
        kind="textarea"
        value={deal.commitments ?? ''}
        placeholder="Nothing promised yet. Click to add."
        readOnly={!editable}
        onSave={save('commitments')}
        testId="field-commitments"
      />
    </Card>
  )
}
