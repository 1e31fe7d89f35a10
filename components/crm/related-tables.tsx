import Link from 'next/link'
import type { ReactNode } from 'react'
import { Badge, Card } from '@/components/ui/card'
import { dealStatusLabels } from '@/lib/crm/list-defs'
import { formatDay } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import { dealStatusTone } from './deal-status-tone'

type RelatedDeal = {
  id: string
  title: string
  amountMinor: string
  currency: string
  status: 'OPEN' | 'WON' | 'LOST'
  stageName: string
  expectedCloseOn: string | null
  owner: { id: string; name: string }
}

/** A titled card of related records, saying how many there are when only some are shown. */
export function RelatedCard({ title, count, shown, action, children, testId }: { title: string; count: number; shown: number; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card className="overflow-hidden" data-testid={testId}>
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-2.5">
        <h2 className="text-sm font-semibold">
          {title} <span className="font-normal text-ink-soft">({count})</span>
        </h2>
        {action}
      </div>
      {children}
      {count > shown ? <p className="border-t border-line px-4 py-2 text-xs text-ink-soft">Showing {shown} of {count}.</p> : null}
    </Card>
  )
}

/** Deals as a compact table; `extra` adds a column (a contact's role on the deal). */
export function DealsTable({ orgSlug, deals, extra, empty }: { orgSlug: string; deals: RelatedDeal[]; extra?: { label: string; value: (id: string) => ReactNode }; empty: string }) {
  if (deals.length === 0) return <p className="px-4 py-4 text-sm text-ink-soft">{empty}</p>
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-ink-soft">
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">Deal</th>
          {extra ? <th scope="col" className="px-4 py-2 font-medium">{extra.label}</th> : null}
          <th scope="col" className="px-4 py-2 font-medium">Stage</th>
          <th scope="col" className="px-4 py-2 text-right font-medium">Amount</th>
          <th scope="col" className="px-4 py-2 font-medium">Close</th>
          <th scope="col" className="px-4 py-2 font-medium">Owner</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {deals.map((d) => (
          <tr key={d.id}>
            <td className="px-4 py-2">
              <Link href={`/${orgSlug}/deals/${d.id}`} className="font-medium hover:underline">
                {d.title}
              </Link>
            </td>
            {extra ? <td className="px-4 py-2">{extra.value(d.id)}</td> : null}
            <td className="px-4 py-2">
              <span className="mr-1.5">{d.stageName}</span>
              {d.status !== 'OPEN' ? <Badge className={dealStatusTone[d.status]}>{dealStatusLabels[d.status]}</Badge> : null}
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{formatMoney(d.amountMinor, d.currency)}</td>
            <td className="px-4 py-2 whitespace-nowrap">{d.expectedCloseOn ? formatDay(d.expectedCloseOn) : '—'}</td>
            <td className="px-4 py-2">{d.owner.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
