import Link from 'next/link'
import { formatDay } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import type { HandoffSnapshot } from '@/lib/handoff/brief'

/**
 * What sales sold and promised, as it stood when the deal was won (a snapshot), next to live
 * links to the deal, the company and the contacts.
 */
export function HandoffBrief({ orgSlug, brief }: { orgSlug: string; brief: HandoffSnapshot }) {
  const money = (minor: string) => formatMoney(minor, brief.deal.currency)
  return (
    <div className="mt-4 space-y-4 border-t border-line pt-4 text-sm" data-testid="handoff-brief">
      <p className="text-xs text-ink-soft">
        Handoff brief, as at the win on {formatDay(brief.deal.closeOn)} by {brief.owner.name}. Later edits of the deal do not change it.
      </p>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-soft">What was sold</h3>
        {brief.lineItems.length === 0 ? (
          <p className="mt-1">
            No line items · <span data-testid="handoff-total">{money(brief.deal.amountMinor)}</span>
          </p>
        ) : (
          <table className="mt-1 w-full text-sm">
            <tbody className="divide-y divide-line">
              {brief.lineItems.map((item, index) => (
                <tr key={index}>
                  <td className="py-1 pr-2">
                    {item.name}
                    {item.quantity !== 1 ? <span className="text-ink-soft"> × {item.quantity}</span> : null}
                    {item.discountBp ? <span className="text-ink-soft"> (−{item.discountBp / 100} %)</span> : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">{money(item.totalMinor)}</td>
                </tr>
              ))}
              <tr className="font-medium">
                <td className="py-1">Total</td>
                <td className="py-1 text-right tabular-nums" data-testid="handoff-total">
                  {money(brief.deal.amountMinor)}
                </td>
              </tr>
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-soft">What was promised</h3>
        <p className="mt-1 whitespace-pre-line" data-testid="handoff-commitments">
          {brief.commitments?.trim() || <span className="text-ink-soft">Nothing recorded on the deal.</span>}
        </p>
      </section>
      <section>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-soft">Customer</h3>
        {brief.company ? (
          <p className="mt-1">
            <Link href={`/${orgSlug}/companies/${brief.company.id}`} className="text-accent hover:underline">
              {brief.company.name}
            </Link>
            {brief.company.domain ? <span className="text-ink-soft"> · {brief.company.domain}</span> : null}
          </p>
        ) : null}
        {brief.contacts.length === 0 ? (
          <p className="mt-1 text-ink-soft">No contacts on the deal.</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="handoff-contacts">
            {brief.contacts.map((c) => (
              <li key={c.id}>
                <Link href={`/${orgSlug}/contacts/${c.id}`} className="font-medium text-accent hover:underline">
                  {c.name}
                </Link>{' '}
                <span className="text-ink-soft">
                  — {c.role}
                  {c.jobTitle ? `, ${c.jobTitle}` : ''}
                </span>
                <span className="block text-xs text-ink-soft">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {brief.notes.length ? (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-ink-soft">Last notes from sales</h3>
          <ul className="mt-1 space-y-2">
            {brief.notes.map((note, index) => (
              <li key={index}>
                <p className="text-xs text-ink-soft">
                  {formatDay(note.at.slice(0, 10))} · {note.kind}
                  {note.author ? ` · ${note.author}` : ''}
                </p>
                {note.subject ? <p className="font-medium">{note.subject}</p> : null}
                {note.body ? <p className="whitespace-pre-line">{note.body}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
