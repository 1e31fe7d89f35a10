import Link from 'next/link'
import { Handshake } from 'lucide-react'
import { formatMoney } from '@/lib/money'
import type { ProjectHeader } from '@/lib/pm/projects'
import { Avatar } from '@/components/ui/avatar'
import { Card } from '@/components/ui/card'
import { shortDay } from './day-text'

/**
 * The deal this project was made from: a summary and a link, or "Not linked to a deal".
 * What sales sold and promised (the handoff brief) has its own card on the Overview.
 */
export function SourceDealPanel({ orgSlug, deal, today }: { orgSlug: string; deal: ProjectHeader['sourceDeal']; today: string }) {
  return (
    <Card className="p-5" data-testid="source-deal-panel">
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <Handshake className="size-4 text-ink-soft" aria-hidden /> Source deal
      </h2>
      {deal ? (
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="sr-only">Deal</dt>
            <dd>
              <Link href={`/${orgSlug}/deals/${deal.id}`} className="font-medium text-accent hover:underline">
                {deal.title}
              </Link>
            </dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt className="text-ink-soft">Amount</dt>
            <dd className="tabular-nums">{formatMoney(deal.amountMinor, deal.currency)}</dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt className="text-ink-soft">Owner</dt>
            <dd className="flex items-center gap-1.5">
              <Avatar id={deal.owner.id} name={deal.owner.name} /> {deal.owner.name}
            </dd>
          </div>
          <div className="flex justify-between gap-2">
            <dt className="text-ink-soft">Status</dt>
            <dd>
              {deal.status === 'WON' ? 'Won' : deal.status === 'LOST' ? 'Lost' : 'Open'}
              {deal.closedAt ? ` ${shortDay(deal.closedAt.slice(0, 10), today)}` : ''}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="mt-3 text-sm text-ink-soft">Not linked to a deal. Projects made from a won deal show it here, with what sales promised.</p>
      )}
    </Card>
  )
}
